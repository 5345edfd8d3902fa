"""sanic-jinja2 2022.11.11 (render, render_string, the @template decorator on functions
and views, sync and async environments, flash messages in a cookie session, context
processors appended to app.request_middleware by hand, url_for and request in templates, a
missing template) and sanic-wtf 0.7.0 (SanicForm with session CSRF, form and multipart
fields, FileRequired/FileAllowed, validate_on_submit)."""

import sanic_cookiesession
from jinja2 import DictLoader
from plainsession import PlainSerializer
from sanic_jinja2 import SanicJinja2
from sanic_wtf import FileAllowed, FileRequired, SanicForm
from wtforms import FileField, IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange

from sanic import Sanic, response
from sanic.views import HTTPMethodView

TEMPLATES = {
    "base.html": "<title>{% block title %}base{% endblock %}</title>{% block body %}{% endblock %}",
    "page.html": (
        "{% extends 'base.html' %}{% block title %}{{ title|upper }}{% endblock %}"
        "{% block body %}<p>{{ request.method }} {{ request.path }} {{ request.args }}</p>"
        "<a href='{{ url_for('page', name='x-y', q=1) }}'>link</a>"
        "{% for m in get_flashed_messages(with_categories=true) %}[{{ m[0] }}:{{ m[1] }}]"
        "{% endfor %}<i>{{ session }}</i>{{ extra|default('-') }}{{ app.name }}{% endblock %}"
    ),
    "form.html": (
        "<form>{% for f in form %}{{ f.name }}={{ f.data if f.name != 'csrf_token' else '' }}"
        " {{ f.errors }};{% endfor %}</form>"
    ),
    "broken.html": "{{ missing.attr.deeper }}",
}


async def context_processor(request):
    request.ctx.processed = request.path


app = Sanic("jinja_wtf")
app.config.SECRET_KEY = "form-secret"
app.config.SESSION_COOKIE_SECURE = False
sanic_cookiesession.setup(app, serializer_type=PlainSerializer)
jinja = SanicJinja2(app, loader=DictLoader(TEMPLATES))
# sanic-jinja2's context_processors= fails under both (it sets an attribute on the app);
# what it then does, appending to app.request_middleware, is done here by hand.
app.request_middleware.append(context_processor)
async_app_env = SanicJinja2(loader=DictLoader(TEMPLATES), enable_async=True)


@app.get("/page/<name>", name="page")
async def page(request, name):
    return jinja.render("page.html", request, title=name, extra=getattr(request.ctx, "processed", "unset"))


@app.get("/flash")
async def flash(request):
    jinja.flash(request, "saved", "info")
    request.ctx.flash("second")
    return response.redirect("/page/after")


@app.get("/link")
async def link(request):
    return response.html(jinja.render_source("{{ url_for('page', name='x y') }}", request))


@app.get("/string")
async def string(request):
    return jinja.render_string("page.html", request, title="s", status=202)


@app.get("/source")
async def source(request):
    return response.html(jinja.render_source("{{ a }}+{{ b }}", request, a=1, b=request.args.get("b")))


@app.get("/async")
async def rendered_async(request):
    text = await async_app_env.render_string_async("page.html", request, title="async")
    return response.html(text)


@app.get("/decorated")
@jinja.template("page.html", status=203, headers={"X-T": "1"})
async def decorated(request):
    return {"title": "deco"}


@app.get("/decorated/none")
@jinja.template("page.html")
def decorated_none(request):
    return None


@app.get("/decorated/response")
@jinja.template("page.html")
async def decorated_response(request):
    return response.text("plain")


@app.get("/decorated/bad")
@jinja.template("page.html")
async def decorated_bad(request):
    return ["not", "a", "mapping"]


@app.get("/decorated/missing")
@jinja.template("nope.html")
async def decorated_missing(request):
    return {}


@app.get("/broken")
async def broken(request):
    return jinja.render("broken.html", request)


class PageView(HTTPMethodView):
    @jinja.template("page.html")
    async def get(self, request):
        return {"title": "view"}


app.add_route(PageView.as_view(), "/view")


class Profile(SanicForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=5)])
    age = IntegerField("Age", validators=[NumberRange(0, 150)])
    submit = SubmitField("Go")


class Upload(SanicForm):
    title = StringField("Title")
    doc = FileField("Doc", validators=[FileRequired(), FileAllowed(["txt", "md"])])


@app.route("/form", methods=["GET", "POST", "PUT"])
async def form(request):
    f = Profile(request)
    ok = f.validate_on_submit()
    return jinja.render("form.html", request, form=f, status=200 if ok else 400)


@app.route("/form/nocsrf", methods=["GET", "POST"])
async def form_nocsrf(request):
    f = Profile(request, meta={"csrf": False})
    return response.json({"ok": bool(f.validate_on_submit()), "errors": f.errors, "data": f.data})


@app.post("/upload")
async def upload(request):
    f = Upload(request, meta={"csrf": False})
    ok = f.validate_on_submit()
    doc = f.doc.data
    return response.json({
        "ok": bool(ok), "errors": f.errors, "title": f.title.data,
        "file": [doc.name, doc.type, doc.body.decode()] if doc else None,
    })

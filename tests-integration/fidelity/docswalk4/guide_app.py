# ruff: noqa: UP031, UP032  (the guide's own .format and % formatting, kept as printed)
"""The 0.4 user guide's code examples (seed 002) in one app, served by sanic-diff.

    /work/shared/tools/sanic-diff guide_app.py guide.http

Each example keeps the guide's code; paths that would clash are given a prefix
(``/g1``, ``/halt``, ``/bpmw``, ...), one per example.
"""

from pathlib import Path

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, SanicException, ServerError
from sanic.response import html, json, redirect, text
from sanic.views import HTTPMethodView

HERE = Path(__file__).resolve().parent
app = Sanic("guide04")


# Sanic aspires to be simple / Routing
@app.route("/")
async def test(request):
    return json({"hello": "world"})


# Request parameters
@app.route("/tag/<tag>")
async def tag_handler(request, tag):
    return text("Tag - {}".format(tag))


@app.route("/number/<integer_arg:int>")
async def integer_handler(request, integer_arg):
    return text("Integer - {}".format(integer_arg))


@app.route("/number/<number_arg:number>")
async def number_handler(request, number_arg):
    return text("Number - {}".format(number_arg))


@app.route("/person/<name:[A-z]>")
async def person_handler(request, name):
    return text("Person - {}".format(name))


@app.route("/folder/<folder_id:[A-z0-9]{0,4}>")
async def folder_handler(request, folder_id):
    return text("Folder - {}".format(folder_id))


# HTTP request types (the host/no-host pair on one path is RouteExists in both)
@app.route("/post", methods=["POST"])
async def post_handler(request):
    return text("POST request - {}".format(request.json))


@app.route("/gethost", methods=["GET"], host="example.com")
async def get_handler_host(request):
    return text("GET request - {}".format(request.args))


@app.route("/get", methods=["GET"])
async def get_handler(request):
    return text("GET request in default - {}".format(request.args))


@app.put("/put")
async def put_handler(request):
    return text("PUT request - {}".format(request.json))


# The add_route method
async def handler1(request):
    return text("OK")


async def handler2(request, name):
    return text("Folder - {}".format(name))


async def person_handler2(request, name):
    return text("Person - {}".format(name))


app.add_route(handler1, "/test")
app.add_route(handler2, "/folder2/<name>")
app.add_route(person_handler2, "/person2/<name:[A-z]>", methods=["GET"])


# URL building with url_for
@app.route("/u")
async def index(request):
    url = app.url_for("posts_handler", post_id=5)
    return redirect(url)


@app.route("/u/all")
async def url_all(request):
    return json(
        [
            app.url_for("posts_handler", post_id=5, arg_one="one", arg_two="two"),
            app.url_for("posts_handler", post_id=5, arg_one=["one", "two"]),
            app.url_for("posts_handler", post_id=5, arg_one="one", _anchor="anchor"),
            app.url_for("posts_handler", post_id=5, arg_one="one", _external=True),
            app.url_for(
                "posts_handler", post_id=5, arg_one="one", _scheme="http", _external=True
            ),
            app.url_for(
                "posts_handler", post_id=5, arg_one=["one", "two"], arg_two=2,
                _anchor="anchor", _scheme="http", _external=True,
                _server="another_server:8888",
            ),
        ]
    )


@app.route("/posts/<post_id>")
async def posts_handler(request, post_id):
    return text("Post - {}".format(post_id))


# Request Data
@app.route("/json", methods=["GET", "POST"])
def post_json(request):
    return json({"received": True, "message": request.json})


@app.route("/query_string")
def query_string(request):
    return json(
        {"parsed": True, "args": request.args, "url": request.url,
         "query_string": request.query_string}
    )


@app.route("/files", methods=["POST"])
def post_files(request):
    test_file = request.files.get("test")
    file_parameters = {
        "body": test_file.body.decode(),
        "name": test_file.name,
        "type": test_file.type,
    }
    return json(
        {"received": True, "file_names": list(request.files.keys()),
         "test_file_parameters": file_parameters}
    )


@app.route("/files_literal", methods=["POST"])
def post_files_literal(request):
    # as printed: bytes body and a dict_keys view, neither JSON
    test_file = request.files.get("test")
    return json(
        {"received": True, "file_names": request.files.keys(),
         "test_file_parameters": {"body": test_file.body}}
    )


@app.route("/form", methods=["POST"])
def post_form(request):
    return json(
        {"received": True, "form_data": request.form, "test": request.form.get("test"),
         "list": request.form.getlist("test")}
    )


@app.route("/users", methods=["POST"])
def create_user(request):
    return text("You are trying to create a user with the following POST: %s" % request.body)


@app.route("/ip")
def ip(request):
    return json({"ip": request.ip, "app": request.app.name})


# Static Files
app.static("/static", str(HERE / "static"))
# two unnamed app.static calls: duplicate route name, refused at start-up in both
app.static("/the_best.png", str(HERE / "static" / "the_best.png"), name="best")


# Exceptions
@app.route("/killme")
def i_am_ready_to_die(request):
    raise ServerError("Something bad happened")


@app.route("/teapot")
def teapot(request):
    raise SanicException("I am a teapot", status_code=418)


@app.route("/abort")
def aborting(request):
    from sanic.exceptions import SanicException as E

    raise E("aborted", status_code=int(request.args.get("s", "500")))


@app.exception(NotFound)
def ignore_404s(request, exception):
    return text("Yep, I totally found the page: {}".format(request.url))


# Middleware (print, banner, xss) and responding early, on a blueprint with
# its own prefix so the rest of the app is not halted
@app.middleware("response")
async def custom_banner(request, response):
    if request.path.startswith("/mw"):
        response.headers["Server"] = "Fake-Server"


@app.middleware("response")
async def prevent_xss(request, response):
    if request.path.startswith("/mw"):
        response.headers["x-xss-protection"] = "1; mode=block"


@app.route("/mw")
async def mw(request):
    return text("mw")


@app.middleware("request")
async def halt_request(request):
    if request.path.startswith("/halt"):
        return text("I halted the request")


@app.middleware("response")
async def halt_response(request, response):
    if request.path.startswith("/halt2"):
        return text("I halted the response")


@app.route("/halt2")
async def halt2(request):
    return text("not this")


# Blueprints
bp = Blueprint("my_blueprint", url_prefix="/bp")


@bp.route("/")
async def bp_root(request):
    if request.app.config.get("DEBUG"):
        return json({"status": "debug"})
    return json({"status": "production"})


@bp.route("/debugkey")
async def bp_debugkey(request):
    return json({"status": request.app.config["DEBUG"]})


@bp.middleware
async def spy(request):
    print("I am a spy")


@bp.middleware("request")
async def bp_halt_request(request):
    if request.path == "/bp/halt":
        return text("I halted the request")


@bp.exception(NotFound)
def bp_ignore_404s(request, exception):
    return text("bp found the page: {}".format(request.url))


@bp.route("/raise404")
async def bp_raise(request):
    raise NotFound("nope")


bp.static("/web/path", str(HERE / "static"))
app.blueprint(bp)

blueprint_v1 = Blueprint("v1", url_prefix="/v1")
blueprint_v2 = Blueprint("v2", url_prefix="/v2")


@blueprint_v1.route("/")
async def api_v1_root(request):
    url = app.url_for("v1.bp_post_handler", post_id=5)
    return redirect(url)


@blueprint_v1.route("/post/<post_id>")
async def bp_post_handler(request, post_id):
    return text("Post {} in Blueprint V1".format(post_id))


@blueprint_v2.route("/")
async def api_v2_root(request):
    return text("Welcome to version 2 of our documentation")


app.blueprint(blueprint_v1, url_prefix="/v1")
app.blueprint(blueprint_v2, url_prefix="/v2")


# Cookies
@app.route("/cookie")
async def cookie_read(request):
    test_cookie = request.cookies.get("test")
    return text("Test cookie set to: {}".format(test_cookie))


@app.route("/cookie/write")
async def cookie_write(request):
    response = text("There's a cookie up in this response")
    response.add_cookie("test", "It worked!", domain=".gotta-go-fast.com", httponly=True)
    return response


@app.route("/cookie/old")
async def cookie_old(request):
    response = text("old style")
    response.cookies["test"] = "It worked!"
    return response


@app.route("/cookie/del")
async def cookie_del(request):
    response = text("Time to eat some cookies muahaha")
    response.delete_cookie("kill_me")
    response.add_cookie("short_life", "Glad to be here", max_age=5)
    return response


# Class-Based Views
class SimpleView(HTTPMethodView):
    def get(self, request):
        return text("I am get method")

    def post(self, request):
        return text("I am post method")

    def put(self, request):
        return text("I am put method")

    def patch(self, request):
        return text("I am patch method")

    def delete(self, request):
        return text("I am delete method")


app.add_route(SimpleView.as_view(), "/cbv")


class NameView(HTTPMethodView):
    def get(self, request, name):
        return text("Hello {}".format(name))


app.add_route(NameView.as_view(), "/name/<name>")


def some_decorator_here(f):
    async def wrapped(*args, **kwargs):
        resp = f(*args, **kwargs)
        resp.headers["x-deco"] = "yes"
        return resp

    return wrapped


class ViewWithDecorator(HTTPMethodView):
    decorators = [some_decorator_here]

    def get(self, request, name):
        return text("Hello I have a decorator")


app.add_route(ViewWithDecorator.as_view(), "/url/<name>")


@app.route("/cbvurl")
def cbv_index(request):
    url = app.url_for("SpecialClassView")
    return redirect(url)


class SpecialClassView(HTTPMethodView):
    def get(self, request):
        return text("Hello from the Special Class View!")


app.add_route(SpecialClassView.as_view(), "/special_class_view")


@app.route("/html")
async def page(request):
    return html("<p>hi</p>")

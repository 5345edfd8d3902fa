"""login_required decorator redirecting to a login page with ?next=, url_for with
query arguments and _external, sync (def) handlers, FALLBACK_ERROR_FORMAT and
app.config.update from a dict (pattern origin: Sanic user-guide authentication
decorator pattern via https://sanic-jwt.readthedocs.io/en/dev/pages/gettingstarted.html ,
GitHub 0x44d/sanic_tutorial (cookies))."""

from functools import wraps

from sanic import Sanic
from sanic.exceptions import Forbidden
from sanic.response import html, redirect, text

app = Sanic("TutLogin")
app.config.update({"FALLBACK_ERROR_FORMAT": "json", "SERVER_NAME": "site.example"})
USERS = {"ann": "admin", "bob": "user"}


def login_required(role=None):
    def decorator(f):
        @wraps(f)
        async def decorated(request, *args, **kwargs):
            user = request.cookies.get("user")
            if user not in USERS:
                return redirect(request.app.url_for("login", next=request.path, _external=False))
            if role and USERS[user] != role:
                raise Forbidden(f"{user} may not see this")
            request.ctx.user = user
            response = f(request, *args, **kwargs)
            if hasattr(response, "__await__"):
                response = await response
            return response

        return decorated

    return decorator


@app.get("/login")
def login(request):
    nxt = request.args.get("next", "/")
    return html(f"<form method=post><input type=hidden name=next value='{nxt}'></form>")


@app.post("/login")
def do_login(request):
    resp = redirect(request.form.get("next", "/"))
    resp.add_cookie("user", request.form.get("user", ""), secure=False)
    return resp


@app.get("/dashboard")
@login_required()
def dashboard(request):
    return text(f"hi {request.ctx.user}; {request.app.url_for('admin', _external=True, tab='x y')}")


@app.get("/admin")
@login_required(role="admin")
async def admin(request):
    return text("admin area")

from dataclasses import dataclass
from pathlib import Path

from sanic_ext import render

from sanic import Request, Sanic
from sanic.response import json, text
from sanic.views import HTTPMethodView

app = Sanic("DiApp")
app.config.TEMPLATING_PATH_TO_TEMPLATES = Path(__file__).parent / "templates"
app.config.MY_SETTING = "abc"
app.config.INJECTION_LOAD_CUSTOM_CONSTANTS = True

class Counter:
    n = 0
    def __init__(self):
        Counter.n += 1
        self.n = Counter.n

@dataclass
class User:
    name: str
    @classmethod
    async def create(cls, request: Request, user_id: int):
        return cls(name=f"user{user_id}")

class Conn:
    def __init__(self, db):
        self.db = db

class Session:
    pass

async def make_session(request: Request):
    s = Session()
    s.path = request.path
    return s

class Header:
    def __init__(self, value):
        self.value = value
    @classmethod
    def from_request(cls, request: Request):
        return cls(request.headers.get("x-h", "none"))

app.ext.add_dependency(Counter)
app.ext.add_dependency(User, User.create)
app.ext.add_dependency(Session, make_session)
app.ext.add_dependency(Header, Header.from_request)
app.ext.add_constant("ANSWER", 42)

@app.before_server_start
async def setup_db(app):
    app.ext.dependency(Conn("fake-db"))

@app.get("/counter")
async def counter(request, c: Counter):
    return text(str(c.n > 0))

@app.get("/user/<user_id:int>")
async def user(request, user_id: int, u: User):
    return text(u.name)

@app.get("/session")
async def session(request, s: Session, h: Header):
    return json({"path": s.path, "h": h.value})

@app.get("/conn")
async def conn(request, conn: Conn):
    return text(conn.db)

@app.get("/const")
async def const(request, answer: int, my_setting: str):
    return json({"answer": answer, "my_setting": my_setting})

class V(HTTPMethodView):
    async def get(self, request, s: Session):
        return text("view " + s.path)
app.add_route(V.as_view(), "/view")

@app.get("/tmpl/<name>")
@app.ext.template("page.html")
async def tmpl(request, name):
    return {"name": name}

@app.get("/child")
async def child(request):
    return await render("child.html", context={"x": 5}, status=202, headers={"x-t": "1"})

@app.get("/missing")
async def missing(request):
    return await render("nope.html")

@app.get("/str")
async def tstr(request):
    return await render(template_source="<b>{{ v }}</b>", context={"v": "src"}, content_type="text/plain")

@app.get("/env")
async def env(request):
    return text(str(type(app.ext.environment).__name__) + " " + str(app.ext.templating.__class__.__name__))

@app.get("/di-debug")
async def di_debug(request):
    return text(str(sorted(t.__name__ for t in app.ext._injection_registry._registry)))

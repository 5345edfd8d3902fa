"""The code examples of the seed documents, run as written (adapted only where noted).

Each example's source is kept as in ../shared/seeds/ (002 user guide, 004 release notes),
run against the `sanic` import name, and driven in-process through the app's ASGI
interface (httpx), so no server or external service is needed.

Adaptations (APIs Sanic itself has since changed or removed):
- ``Sanic()`` / ``Sanic(__name__)``: apps need a valid name since Sanic 21; a name is given.
- ``app.run(...)`` lines are dropped: the test drives the app instead.
- ``<number_arg:number>``: the ``number`` type was renamed ``float``.
- ``request.app.config['DEBUG']``: ``DEBUG`` is no longer a config key (``app.debug`` is).
- Two ``app.static`` calls: route names must be unique since Sanic 23.3; the second is
  given ``name=``.
- The release-notes ``loads`` example reads a JSON body on a POST route (GET bodies are
  not read, in Sanic as here).

Not run (removed from Sanic or needing external services):
- The ``host=`` example with a host-less default route on the same path and method:
  Sanic 25.12 refuses the second registration (``RouteExists``), as Hurtle does.
- ``CompositionView`` (removed in Sanic 21.12; Hurtle keeps it, with a deprecation warning).
- The custom protocol overriding ``write_response``/``response.output`` (removed APIs).
- The SSL example (needs certificate files) and ``workers=4``/CLI deployment snippets
  (covered by the worker and CLI integration tests).
- ``sanic_endpoint_test`` (removed in 0.4) and the ``test_client`` snippets (covered by
  the ``sanic_testing`` package's tests).
- Blueprint listeners connecting to MySQL (external service).
- 004: ``app.shared_ctx``/``app.manager``/``app.m`` examples (multi-process; covered by
  the worker integration tests).
"""

from __future__ import annotations

import asyncio
import itertools
import textwrap
from typing import Any

import httpx
import pytest

_COUNTER = itertools.count()
PRELUDE = """
from sanic import Sanic, Blueprint
from sanic.response import json, text, redirect
"""


def load(source: str, *, app: bool = True) -> dict[str, Any]:
    """Run an example's source; give it an ``app`` first when the snippet assumes one."""
    namespace: dict[str, Any] = {"__name__": "seed_example"}
    exec(PRELUDE, namespace)
    if app:
        namespace["app"] = namespace["Sanic"](f"seed_app_{next(_COUNTER)}")
    exec(textwrap.dedent(source), namespace)
    return namespace


def fetch(app: Any, *requests: tuple[str, str, dict[str, Any]]) -> list[httpx.Response]:
    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://seed.test") as client:
            return [await client.request(m, url, **kw) for m, url, kw in requests]

    return asyncio.run(run())


def get(app: Any, url: str, **kwargs: Any) -> httpx.Response:
    return fetch(app, ("GET", url, kwargs))[0]


@pytest.fixture(autouse=True)
def _fresh_registry() -> Any:
    from sanic import Sanic

    Sanic._app_registry.clear()
    yield
    Sanic._app_registry.clear()


def test_simple_json_hello() -> None:
    ns = load(
        """
        app = Sanic("seed_hello")

        @app.route("/")
        async def test(request):
            return json({"hello": "world"})
        """,
        app=False,
    )
    assert get(ns["app"], "/").json() == {"hello": "world"}


def test_getting_started_text() -> None:
    ns = load(
        """
        app = Sanic("main")

        @app.route("/")
        async def test(request):
            return text('Hello world!')
        """,
        app=False,
    )
    assert get(ns["app"], "/").text == "Hello world!"


def test_typed_request_parameters() -> None:
    ns = load(
        """
        @app.route('/tag/<tag>')
        async def tag_handler(request, tag):
            return text('Tag - {}'.format(tag))

        @app.route('/number/<integer_arg:int>')
        async def integer_handler(request, integer_arg):
            return text('Integer - {}'.format(integer_arg))

        @app.route('/number/<number_arg:float>')
        async def number_handler(request, number_arg):
            return text('Number - {}'.format(number_arg))

        @app.route('/person/<name:[A-z]>')
        async def person_handler(request, name):
            return text('Person - {}'.format(name))

        @app.route('/folder/<folder_id:[A-z0-9]{0,4}>')
        async def folder_handler(request, folder_id):
            return text('Folder - {}'.format(folder_id))
        """
    )
    app = ns["app"]
    assert get(app, "/tag/news").text == "Tag - news"
    assert get(app, "/number/12").text == "Integer - 12"
    assert get(app, "/number/1.5").text == "Number - 1.5"
    assert get(app, "/person/J").text == "Person - J"
    assert get(app, "/folder/ab12").text == "Folder - ab12"
    assert get(app, "/folder/toolong").status_code == 404


def test_methods_and_shorthands() -> None:
    ns = load(
        """
        @app.route('/post', methods=['POST'])
        async def post_handler(request):
            return text('POST request - {}'.format(request.json))

        @app.route('/get', methods=['GET'])
        async def get_handler(request):
            return text('GET request - {}'.format(request.args))

        @app.post('/post2')
        async def post_handler2(request):
            return text('POST request - {}'.format(request.json))
        """
    )
    app = ns["app"]
    posted, got, wrong = fetch(
        app,
        ("POST", "/post", {"json": {"a": 1}}),
        ("GET", "/get?x=1", {}),
        ("GET", "/post", {}),
    )
    assert posted.text == "POST request - {'a': 1}"
    assert got.text == "GET request - {'x': ['1']}"
    assert wrong.status_code == 405


def test_add_route() -> None:
    ns = load(
        """
        async def handler1(request):
            return text('OK')

        async def handler2(request, name):
            return text('Folder - {}'.format(name))

        async def person_handler2(request, name):
            return text('Person - {}'.format(name))

        app.add_route(handler1, '/test')
        app.add_route(handler2, '/folder/<name>')
        app.add_route(person_handler2, '/person/<name:[A-z]>', methods=['GET'])
        """
    )
    app = ns["app"]
    assert get(app, "/test").text == "OK"
    assert get(app, "/folder/x").text == "Folder - x"
    assert get(app, "/person/Q").text == "Person - Q"


def test_url_for_and_redirect() -> None:
    ns = load(
        """
        @app.route('/')
        async def index(request):
            url = app.url_for('post_handler', post_id=5)
            return redirect(url)

        @app.route('/posts/<post_id>')
        async def post_handler(request, post_id):
            return text('Post - {}'.format(post_id))
        """
    )
    app = ns["app"]
    response = get(app, "/", follow_redirects=True)
    assert response.text == "Post - 5"
    assert app.url_for("post_handler", post_id=5, arg_one="one", arg_two="two") == (
        "/posts/5?arg_one=one&arg_two=two"
    )
    assert app.url_for("post_handler", post_id=5, arg_one=["one", "two"]) == (
        "/posts/5?arg_one=one&arg_one=two"
    )
    assert app.url_for("post_handler", post_id=5, arg_one="one", _anchor="anchor") == (
        "/posts/5?arg_one=one#anchor"
    )
    assert app.url_for(
        "post_handler", post_id=5, arg_one="one", _scheme="http", _external=True,
        _server="another_server:8888",
    ) == "http://another_server:8888/posts/5?arg_one=one"  # fmt: skip


def test_request_data() -> None:
    ns = load(
        """
        from sanic.response import json

        @app.route("/json", methods=["POST"])
        def post_json(request):
            return json({ "received": True, "message": request.json })

        @app.route("/query_string")
        def query_string(request):
            return json({ "parsed": True, "args": request.args, "url": request.url,
                          "query_string": request.query_string })

        @app.route("/files", methods=["POST"])
        def post_files(request):
            test_file = request.files.get('test')
            file_parameters = {
                'body': test_file.body.decode(),
                'name': test_file.name,
                'type': test_file.type,
            }
            return json({ "received": True, "file_names": list(request.files.keys()),
                          "test_file_parameters": file_parameters })

        @app.route("/form", methods=["POST"])
        def post_form(request):
            return json({ "received": True, "form_data": request.form,
                          "test": request.form.get('test') })

        @app.route("/users", methods=["POST",])
        def create_user(request):
            return text("You are trying to create a user with the following POST: %s" % request.body)
        """
    )
    app = ns["app"]
    posted, query, files, form, users = fetch(
        app,
        ("POST", "/json", {"json": {"k": "v"}}),
        ("GET", "/query_string?key1=value1&key2=value2", {}),
        ("POST", "/files", {"files": {"test": ("t.txt", b"hello", "text/plain")}}),
        ("POST", "/form", {"data": {"test": "yes"}}),
        ("POST", "/users", {"content": b"raw"}),
    )
    assert posted.json() == {"received": True, "message": {"k": "v"}}
    assert query.json()["args"] == {"key1": ["value1"], "key2": ["value2"]}
    assert query.json()["query_string"] == "key1=value1&key2=value2"
    assert files.json()["test_file_parameters"] == {
        "body": "hello", "name": "t.txt", "type": "text/plain",
    }  # fmt: skip
    assert form.json() == {"received": True, "form_data": {"test": ["yes"]}, "test": "yes"}
    assert users.text == "You are trying to create a user with the following POST: b'raw'"


def test_request_app_in_blueprint() -> None:
    ns = load(
        """
        bp = Blueprint('my_blueprint')

        @bp.route('/')
        async def bp_root(request):
            if request.app.debug:
                return json({'status': 'debug'})
            else:
                return json({'status': 'production'})

        app.blueprint(bp)
        """
    )
    assert get(ns["app"], "/").json() == {"status": "production"}


def test_request_parameters_get_and_getlist() -> None:
    from sanic.request import RequestParameters

    args = RequestParameters()
    args["titles"] = ["Post 1", "Post 2"]
    assert args.get("titles") == "Post 1"
    assert args.getlist("titles") == ["Post 1", "Post 2"]


def test_static_files(tmp_path: Any) -> None:
    folder = tmp_path / "static"
    folder.mkdir()
    (folder / "a.txt").write_text("static a")
    best = tmp_path / "test.png"
    best.write_bytes(b"\x89PNG")
    ns = load(
        f"""
        app.static('/static', {str(folder)!r})
        app.static('/the_best.png', {str(best)!r}, name='the_best')
        """
    )
    app = ns["app"]
    assert get(app, "/static/a.txt").text == "static a"
    assert get(app, "/the_best.png").content == b"\x89PNG"


def test_exceptions_raise_and_handle() -> None:
    ns = load(
        """
        from sanic.exceptions import ServerError, NotFound

        @app.route('/killme')
        def i_am_ready_to_die(request):
            raise ServerError("Something bad happened", status_code=500)

        @app.exception(NotFound)
        def ignore_404s(request, exception):
            return text("Yep, I totally found the page: {}".format(request.url))
        """
    )
    app = ns["app"]
    killed = get(app, "/killme")
    assert killed.status_code == 500 and "Something bad happened" in killed.text
    assert get(app, "/nope").text == "Yep, I totally found the page: http://seed.test/nope"


def test_middleware_modifies_and_halts(capsys: pytest.CaptureFixture[str]) -> None:
    ns = load(
        """
        @app.middleware('request')
        async def print_on_request(request):
            print("I print when a request is received by the server")

        @app.middleware('response')
        async def print_on_response(request, response):
            print("I print when a response is returned by the server")

        @app.middleware('response')
        async def custom_banner(request, response):
            response.headers["Server"] = "Fake-Server"

        @app.middleware('response')
        async def prevent_xss(request, response):
            response.headers["x-xss-protection"] = "1; mode=block"

        @app.route("/")
        async def index(request):
            return text("handler")
        """
    )
    response = get(ns["app"], "/")
    assert response.headers["server"] == "Fake-Server"
    assert response.headers["x-xss-protection"] == "1; mode=block"
    assert "I print when a request is received" in capsys.readouterr().out
    halting = load(
        """
        @app.middleware('request')
        async def halt_request(request):
            return text('I halted the request')

        @app.middleware('response')
        async def halt_response(request, response):
            return text('I halted the response')

        @app.route("/")
        async def index(request):
            return text("never")
        """
    )
    assert get(halting["app"], "/").text == "I halted the response"


def test_blueprints_versioning_and_url_for() -> None:
    ns = load(
        """
        blueprint_v1 = Blueprint('v1', url_prefix='/v1')
        blueprint_v2 = Blueprint('v2', url_prefix='/v2')

        @blueprint_v1.route('/')
        async def api_v1_root(request):
            return text('Welcome to version 1 of our documentation')

        @blueprint_v2.route('/')
        async def api_v2_root(request):
            return text('Welcome to version 2 of our documentation')

        @blueprint_v1.route('/post/<post_id>')
        async def post_handler(request, post_id):
            return text('Post {} in Blueprint V1'.format(post_id))

        app.blueprint(blueprint_v1, url_prefix='/v1')
        app.blueprint(blueprint_v2, url_prefix='/v2')
        """
    )
    app = ns["app"]
    assert get(app, "/v1").text == "Welcome to version 1 of our documentation"
    assert get(app, "/v2").text == "Welcome to version 2 of our documentation"
    assert app.url_for("v1.post_handler", post_id=5) == "/v1/post/5"
    assert get(app, "/v1/post/5").text == "Post 5 in Blueprint V1"


def test_blueprint_middleware_and_exceptions() -> None:
    ns = load(
        """
        from sanic.exceptions import NotFound

        bp = Blueprint('my_blueprint')

        @bp.middleware
        async def spy(request):
            print("I am a spy")

        @bp.exception(NotFound)
        def ignore_404s(request, exception):
            return text("Yep, I totally found the page: {}".format(request.url))

        @bp.route('/')
        async def bp_root(request):
            return json({'my': 'blueprint'})

        @bp.route('/missing')
        async def missing(request):
            raise NotFound("gone")

        app.blueprint(bp)
        """
    )
    app = ns["app"]
    assert get(app, "/").json() == {"my": "blueprint"}
    assert "Yep, I totally found the page" in get(app, "/missing").text


def test_cookies_read_write_delete() -> None:
    ns = load(
        """
        @app.route("/read")
        async def read(request):
            test_cookie = request.cookies.get('test')
            return text("Test cookie set to: {}".format(test_cookie))

        @app.route("/write")
        async def write(request):
            response = text("There's a cookie up in this response")
            response.add_cookie('test', 'It worked!', domain='.gotta-go-fast.com', httponly=True)
            return response

        @app.route("/delete")
        async def delete(request):
            response = text("Time to eat some cookies muahaha")
            response.delete_cookie('kill_me')
            response.add_cookie('short_life', 'Glad to be here', max_age=5)
            return response
        """
    )
    app = ns["app"]
    assert get(app, "/read", headers={"cookie": "test=yum"}).text == "Test cookie set to: yum"
    written = get(app, "/write").headers["set-cookie"]
    assert "test=" in written and "Domain=.gotta-go-fast.com" in written and "HttpOnly" in written
    deleted = get(app, "/delete").headers.get_list("set-cookie")
    assert any(c.startswith("kill_me=") and "Max-Age=0" in c for c in deleted)
    assert any(c.startswith("short_life=") and "Max-Age=5" in c for c in deleted)


def test_class_based_views() -> None:
    ns = load(
        """
        from sanic.views import HTTPMethodView

        class SimpleView(HTTPMethodView):
            def get(self, request):
                return text('I am get method')

            def post(self, request):
                return text('I am post method')

            def put(self, request):
                return text('I am put method')

            def patch(self, request):
                return text('I am patch method')

            def delete(self, request):
                return text('I am delete method')

        app.add_route(SimpleView.as_view(), '/')

        class NameView(HTTPMethodView):
            def get(self, request, name):
                return text('Hello {}'.format(name))

        app.add_route(NameView.as_view(), '/name/<name>')

        def some_decorator_here(handler):
            async def wrapped(request, *args, **kwargs):
                response = handler(request, *args, **kwargs)
                response.headers["x-decorated"] = "yes"
                return response
            return wrapped

        class ViewWithDecorator(HTTPMethodView):
            decorators = [some_decorator_here]

            def get(self, request, name):
                return text('Hello I have a decorator')

        app.add_route(ViewWithDecorator.as_view(), '/url/<name>')

        @app.route('/')
        def index(request):
            url = app.url_for('SpecialClassView')
            return redirect(url)

        class SpecialClassView(HTTPMethodView):
            def get(self, request):
                return text('Hello from the Special Class View!')

        app.add_route(SpecialClassView.as_view(), '/special_class_view')
        """.replace("@app.route('/')\n", "@app.route('/index')\n")
    )
    app = ns["app"]
    methods = ("GET", "POST", "PUT", "PATCH", "DELETE")
    replies = fetch(app, *[(m, "/", {}) for m in methods])
    assert [r.text for r in replies] == [f"I am {m.lower()} method" for m in methods]
    assert get(app, "/name/ann").text == "Hello ann"
    decorated = get(app, "/url/x")
    assert (
        decorated.text == "Hello I have a decorator" and decorated.headers["x-decorated"] == "yes"
    )
    assert get(app, "/index", follow_redirects=True).text == "Hello from the Special Class View!"


def test_release_notes_middleware_priority_loads_and_iterable_websocket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hurtle_http.request import Request

    # Sanic(loads=...) sets the process-wide default (as in Sanic): undo it afterwards.
    monkeypatch.setattr(Request, "_loads", Request._loads)
    ns = load(
        """
        from json import loads
        from sanic import Request, Websocket

        order = []

        @app.on_request
        async def low_priority(_):
            order.append("low")

        @app.on_request(priority=10)
        async def high_priority(_):
            order.append("high")

        @app.post("/")
        async def index(request):
            return json(request.json)

        @app.websocket("/ws")
        async def ws_echo_handler(request: Request, ws: Websocket):
            async for msg in ws:
                await ws.send(msg)

        custom = Sanic("Test", loads=loads)
        app.config.DEPRECATION_FILTER = "ignore"
        """
    )
    app = ns["app"]
    assert fetch(app, ("POST", "/", {"json": {"a": 1}}))[0].json() == {"a": 1}
    assert ns["order"] == ["high", "low"]
    assert ns["custom"].name == "Test"
    with pytest.raises(AttributeError):
        app.debug = True

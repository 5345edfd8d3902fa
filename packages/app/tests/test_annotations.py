"""A bare ``<name>`` parameter takes the type the handler annotates (as in Sanic).

No ``from __future__ import annotations`` here: handlers need real annotation objects.
"""

import json as stdjson
import uuid
from datetime import date

from hurtle_app import Blueprint, Sanic
from hurtle_app.annotations import typed_uri
from hurtle_app.views import HTTPMethodView
from hurtle_http.response import json


def _by_int(request, value: int): ...
def _by_float(request, value: float): ...
def _by_uuid(request, value: uuid.UUID): ...
def _by_text(request, value: str): ...
def _by_date(request, value: date): ...
def _by_name(request, value: "int"): ...  # a string annotation, on purpose


def test_bare_parameters_take_the_annotated_type() -> None:
    assert typed_uri("/n/<value>", _by_int) == "/n/<value:int>"
    assert typed_uri("/n/<value>", _by_float) == "/n/<value:float>"
    assert typed_uri("/n/<value>", _by_uuid) == "/n/<value:uuid>"
    assert typed_uri("/n/<value>", _by_text) == "/n/<value:str>"


def test_other_annotations_and_declared_types_are_left_alone() -> None:
    assert typed_uri("/n/<value>", _by_date) == "/n/<value>"
    assert typed_uri("/n/<value>", _by_name) == "/n/<value>"
    assert typed_uri("/n/<value:alpha>", _by_int) == "/n/<value:alpha>"
    assert typed_uri("/n/<other>", _by_int) == "/n/<other>"


async def test_one_path_served_by_handlers_of_several_types(app: Sanic, call) -> None:
    def answer(number: int, value: object):
        return json({"number": number, "type": type(value).__name__})

    @app.get("/<v>")
    def as_text(request, v: str):
        return answer(0, v)

    @app.get("/<v>")
    def as_int(request, v: int):
        return answer(1, v)

    @app.get("/<v>")
    def as_float(request, v: float):
        return answer(2, v)

    @app.get("/<v>")
    def as_uuid(request, v: uuid.UUID):
        return answer(3, v)

    for path, expected in [
        ("/abc", {"number": 0, "type": "str"}),
        ("/12", {"number": 1, "type": "int"}),
        ("/1.5", {"number": 2, "type": "float"}),
        (f"/{uuid.UUID(int=7)}", {"number": 3, "type": "UUID"}),
    ]:
        assert stdjson.loads((await call("GET", path)).text) == expected


def test_blueprint_routes_are_typed_views_and_websockets_are_not(app: Sanic) -> None:
    bp = Blueprint("typed", url_prefix="/bp")
    bp.add_route(_by_int, "/<value>", name="bp_int")

    class View(HTTPMethodView):
        def get(self, request, value: int): ...

    async def socket(request, ws, value: int): ...

    app.add_route(View.as_view(), "/view/<value>")
    app.add_websocket_route(socket, "/ws/<value>")
    app.blueprint(bp)
    app.router.finalize()
    assert sorted(route.path for route in app.router.routes) == [
        "bp/<value:int>",
        "view/<value:str>",
        "ws/<value:str>",
    ]

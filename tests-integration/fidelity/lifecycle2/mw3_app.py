"""Third middleware probe app: nested groups, a blueprint registered twice, late middleware.

Served by real Sanic and by Hurtle (``python mw3_app.py PORT``), driven by ``mw_run.py mw3``.
"""

from __future__ import annotations

import sys

from _signals import note

from sanic import Blueprint, Request, Sanic, response

app = Sanic("MwProbe3")
app.config.ACCESS_LOG = False


def req(name: str):
    async def mw(request: Request):
        note(f"mw {name}")
    return mw


def resp(name: str):
    async def mw(request: Request, r):
        note(f"mw {name} (response)")
    return mw


inner1 = Blueprint("inner1", url_prefix="/i1")
inner2 = Blueprint("inner2", url_prefix="/i2")
twice = Blueprint("twice", url_prefix="/t")
solo = Blueprint("solo", url_prefix="/solo")

inner_group = Blueprint.group(inner1, inner2, url_prefix="/in")
outer_group = Blueprint.group(inner_group, twice, url_prefix="/out")

inner1.on_request(req("inner1"))
inner1.on_response(resp("inner1"))
inner2.on_request(req("inner2"))
twice.on_request(req("twice"))
inner_group.on_request(req("inner_group"))
inner_group.on_response(resp("inner_group"))
outer_group.on_request(req("outer_group"))
outer_group.on_response(resp("outer_group"))
inner_group.middleware(req("inner_group_prio"), "request", priority=2)


for bp in (inner1, inner2, twice, solo):
    def _route(bp: Blueprint) -> None:
        @bp.get("/x", name=f"{bp.name}_x")
        async def handler(request: Request):
            note(f"handler {request.route.name}")
            return response.text(request.route.name)
    _route(bp)

app.blueprint(outer_group)
app.blueprint(twice.copy("twice_again", url_prefix="/again"))
app.blueprint(solo)
solo.on_request(req("solo_late"))  # after the blueprint was registered
app.on_request(req("app"))
app.on_response(resp("app"))
app.middleware(req("app_named_route"), "request")


@app.before_server_start
async def late(app_):
    app_.on_request(req("from_listener"))
    # (solo.on_response(...) here: Sanic registers solo's routes again and fails, RouteExists)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, motd=False)

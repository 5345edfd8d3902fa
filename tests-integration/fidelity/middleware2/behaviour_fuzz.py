"""Random middleware behaviour under sanic-diff: random apps (app, blueprint, group
middleware of both kinds, random priorities; exception handlers on the app or a
blueprint) and random requests telling some middleware or the handler to answer early,
raise (an HTTP error, a plain error, one with a handler), replace the response or return
a non-response. Every step is recorded and compared through GET /_ev.

    HURTLE_PY=.venv/bin/python SANIC_PY=/tmp/st-ref/bin/python \
        python3 tests-integration/fidelity/middleware2/behaviour_fuzz.py SEED [SEED...]
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from diffrun import run_generated

HEAD = """from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import json, text

app = Sanic("BFuzz")
EV = []


class Mine(Exception):
    pass


def act(tag, request, response=None):
    if request.path.startswith("/_ev"):
        return None
    EV.append(f"{tag} {getattr(response, 'status', '-')}")
    do = request.args.get(tag)
    if do == "answer":
        return text(f"answer {tag}", status=203)
    if do == "http":
        raise SanicException(f"http {tag}", status_code=409)
    if do == "nf":
        raise NotFound(f"nf {tag}")
    if do == "plain":
        raise RuntimeError(f"plain {tag}")
    if do == "mine":
        raise Mine(f"mine {tag}")
    if do == "junk" and response is not None:
        return ["junk"]
    if do == "falsy":
        return 0
    return None


def rq(tag):
    async def f(request):
        return act(tag, request)
    return f


def rs(tag):
    def f(request, response):
        return act(tag, request, response)
    return f


bp1 = Blueprint("bp1", url_prefix="/bp1")
bp2 = Blueprint("bp2", url_prefix="/bp2")
grp = Blueprint.group(bp2, url_prefix="/g")


async def handler(request):
    return act("h", request) or text(f"handler {request.path}")


bp1.add_route(handler, "/x", name="x1")
bp2.add_route(handler, "/x", name="x2")
app.add_route(handler, "/", name="root")


@app.get("/_ev")
async def ev(request):
    out = list(EV)
    EV.clear()
    return json(out)
"""
HANDLER = """

@{owner}.exception({exc})
async def on_{name}(request, exc):
    EV.append(f"{name} handler {{type(exc).__name__}}")
    return text("{name} handled", status=299)
"""
ACTIONS = ["answer", "http", "nf", "plain", "mine", "junk", "falsy"]


def build(rng: random.Random) -> tuple[str, list[str]]:
    lines = [HEAD]
    tags = ["h"]
    owners = ["app"] * 3 + ["bp1"] * 2 + ["bp2"] * 2 + ["grp"] * 2
    for n in range(rng.randint(3, 8)):
        owner = rng.choice(owners)
        kind = rng.choice(["request", "response"])
        tag = f"{owner}{n}{kind[:3]}"
        tags.append(tag)
        prio = rng.choice(["", "", ", priority=1", ", priority=-1", ", priority=3"])
        fn = f'{"rq" if kind == "request" else "rs"}("{tag}")'
        lines.append(f'{owner}.middleware({fn}, "{kind}"{prio})')
    for owner, name in (("app", "app"), ("bp1", "bp1"), ("bp2", "bp2")):
        if rng.random() < 0.5:
            exc = rng.choice(["Mine", "RuntimeError", "NotFound", "SanicException", "Exception"])
            lines.append(HANDLER.format(owner=owner, exc=exc, name=name))
    lines += ["app.blueprint(bp1)", "app.blueprint(grp)"]
    return "\n".join(lines) + "\n", tags


def requests(rng: random.Random, tags: list[str], count: int) -> str:
    paths = ["/", "/bp1/x", "/g/bp2/x", "/nothing", "/bp1/nothing"]
    out = []
    for _ in range(count):
        flags = "&".join(f"{t}={rng.choice(ACTIONS)}" for t in rng.sample(tags, rng.randint(1, 2)))
        target = f"{rng.choice(paths)}?{flags}"
        out.append(
            f"### {target}\nGET {target} HTTP/1.1\nHost: x\nConnection: close\n\n"
            "### ev\nGET /_ev HTTP/1.1\nHost: x\nConnection: close\n"
        )
    return "\n".join(out)


def make(seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    source, tags = build(rng)
    return source, requests(rng, tags, 20)


def main() -> int:
    return run_generated(make, [int(a) for a in sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())

"""Random middleware orders under sanic-diff: app, blueprint, group and nested-group
middleware of both kinds, random priorities (ties, negative) and registration forms.

    HURTLE_PY=.venv/bin/python SANIC_PY=/tmp/st-ref/bin/python \
        python3 tests-integration/fidelity/middleware2/order_fuzz.py SEED [SEED...]

Runs each seed's app and requests through diffrun.py (run_generated).
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from diffrun import run_generated

PRIORITIES = [None, None, None, 0, 1, -1, 2, -3, 5]
HEAD = """from sanic import Blueprint, Sanic
from sanic.response import json, text

app = Sanic("Fuzz")
EV = []


def rq(tag):
    def f(request):
        if not request.path.startswith("/_ev"):
            EV.append(tag)
    return f


def rs(tag):
    async def f(request, response):
        if not request.path.startswith("/_ev"):
            EV.append(tag)
    return f


bp1 = Blueprint("bp1", url_prefix="/bp1")
bp2 = Blueprint("bp2", url_prefix="/bp2")
bp3 = Blueprint("bp3", url_prefix="/bp3")


@bp1.get("/x")
async def x1(request):
    return text("x1")


@bp2.get("/x")
async def x2(request):
    return text("x2")


@bp3.get("/x")
async def x3(request):
    return text("x3")


inner = Blueprint.group(bp2, url_prefix="/in")
outer = Blueprint.group(inner, bp3, url_prefix="/out")


@app.get("/")
async def index(request):
    return text("index")


@app.get("/_ev")
async def ev(request):
    out = list(EV)
    EV.clear()
    return json(out)
"""


def one(rng: random.Random, owner: str, n: int) -> str:
    kind = rng.choice(["request", "response"])
    tag = f"{owner}{n}{kind[:3]}"
    fn = f'{"rq" if kind == "request" else "rs"}("{tag}")'
    prio = rng.choice(PRIORITIES)
    p = "" if prio is None else f", priority={prio}"
    forms = [f'{owner}.middleware({fn}, "{kind}"{p})']
    if owner != "inner" and owner != "outer":
        short = "on_request" if kind == "request" else "on_response"
        forms.append(f"{owner}.{short}({fn}{p})")
    if owner == "app":
        forms.append(f'app.register_middleware({fn}, "{kind}"{p})')
    return rng.choice(forms)


def build(seed: int) -> str:
    rng = random.Random(seed)
    lines = [HEAD]
    owners = ["app"] * 5 + ["bp1"] * 3 + ["bp2"] * 3 + ["bp3"] * 2 + ["inner"] * 2 + ["outer"] * 2
    rng.shuffle(owners)
    late = []
    for n, owner in enumerate(owners[: rng.randint(6, len(owners))]):
        (late if owner == "app" and rng.random() < 0.3 else lines).append(one(rng, owner, n))
    lines += ["app.blueprint(bp1)", "app.blueprint(outer)", *late]
    return "\n".join(lines) + "\n"


def main() -> int:
    paths = ["/", "/bp1/x", "/out/in/bp2/x", "/out/bp3/x", "/nothing", "/bp1/nothing", "/out/in/x"]
    reqs = "\n".join(
        f"### {p}\nGET {p} HTTP/1.1\nHost: x\nConnection: close\n\n### ev\nGET /_ev HTTP/1.1\n"
        "Host: x\nConnection: close\n"
        for p in paths
    )
    return run_generated(lambda seed: (build(seed), reqs), [int(a) for a in sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())

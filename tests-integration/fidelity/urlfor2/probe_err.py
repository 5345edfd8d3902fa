"""The exception url_for raises: type, bases, status, and the page a handler's failure gives.

/tmp/st-ref/bin/python probe_err.py; ../../../.venv/bin/python probe_err.py
"""

import sys

from sanic import Sanic
from sanic.exceptions import SanicException, ServerError, URLBuildError
from sanic.response import text

app = Sanic("E")


@app.get("/i/<a:int>")
async def i(request, a):
    return text("i")


@app.get("/boom")
async def boom(request):
    return text(request.app.url_for(request.args.get("n", "i"), a=request.args.get("a", "x")))


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        mro = [c.__name__ for c in type(e).__mro__][:4]
        extra = (getattr(e, "status_code", None), getattr(e, "quiet", None))
        r = f"!{type(e).__name__} {mro} {extra} {e}"
    print(label, "->", r)


show("bad", lambda: app.url_for("i", a="x"))
show("missing", lambda: app.url_for("nope"))
show("noargs", lambda: app.url_for())
show(
    "isinst",
    lambda: issubclass(URLBuildError, ServerError) and issubclass(URLBuildError, SanicException),
)
show("positional", lambda: app.url_for("i", 5))
for q in ["/boom", "/boom?n=nope", "/boom?a=5"]:
    _, r = app.test_client.get(q, headers={"accept": "application/json"})
    print(q, r.status, r.text.replace("\n", " ")[:300])
sys.stdout.flush()

"""The test client's debug= across calls (run under both interpreters and diff)."""

import logging
import warnings

from sanic import Sanic
from sanic.response import text

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")
app = Sanic("dbg")
@app.get("/")
async def h(request):
    return text(f"debug={request.app.debug} state={request.app.state.is_debug} mode={request.app.state.mode}")
@app.get("/e")
async def e(request):
    raise ValueError("secret")
for d in (False, True, False, None):
    kw = {} if d is None else {"debug": d}
    _, r = app.test_client.get("/", **kw)
    _, r2 = app.test_client.get("/e", **kw)
    print(d, r.text, "secret" in r2.text, app.debug, app.state.mode)

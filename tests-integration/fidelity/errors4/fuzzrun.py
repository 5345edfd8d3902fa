"""Run the app ``fuzzgen.py`` makes for one seed, through ``app.asgi_client``, and print
what each request got (status, fields, body; the HTML page's heading), the records logged
and the ``server.exception.report``/``http.lifecycle.exception`` signals.

    for py in /tmp/st-ref/bin/python .venv/bin/python; do
        $py tests-integration/fidelity/errors4/fuzzrun.py 7 2>/dev/null > /tmp/out.$(basename $(dirname $(dirname $py)))
    done

Compare the two outputs with ``diff`` (kept causes: the README section "Error handlers
and exception pages, fourth audit")."""

import asyncio
import json as J
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "inproc"))
from capture import recs
from fuzzgen import gen

seed = int(sys.argv[1])
src, routes = gen(seed)
logging.getLogger().setLevel(logging.INFO)
ns = {"__name__": "fzapp"}
exec(compile(src, f"fz{seed}", "exec"), ns)
app = ns["app"]
sig = []


@app.signal("server.exception.report")
async def _rep(exception):
    sig.append(("report", type(exception).__name__))


@app.signal("http.lifecycle.exception")
async def _lex(request, exception):
    sig.append(("lex", type(exception).__name__))


async def main():
    for p in routes:
        for hdr in ({}, {"accept": "application/json"}):
            sig.clear()
            recs.clear()
            try:
                _, r = await app.asgi_client.get(p, headers=hdr)
                ct = r.headers.get("content-type", "")
                body = r.text
                if "html" in ct:
                    import re

                    h1 = re.search(r"<h1>(.*?)</h1>", body, re.S)
                    body = "HTML:" + (h1.group(1) if h1 else "?")
                elif "json" in ct:
                    try:
                        b = J.loads(body)
                        body = J.dumps(b, sort_keys=True)
                    except Exception:
                        pass
                hd = sorted(
                    (k, v) for k, v in r.headers.items() if k not in ("date", "content-length")
                )
                st = (r.status, hd, body[:200].replace("\n", "|"))
            except Exception as ex:
                st = ("EXC", type(ex).__name__, str(ex)[:100])
            await asyncio.sleep(0.02)
            print("==", p, hdr.get("accept", ""), st)
            for x in recs:
                print("   log", x)
            for s_ in sig:
                print("   sig", s_)


asyncio.run(main())

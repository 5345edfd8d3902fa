"""Work per input size: time one request per size, in process (``asgi_client``).

Run the same file under Hurtle and under Sanic and compare how the time grows:
    python input_work.py PROBE 1000 10000 100000
PROBE is one of the functions below (``accept_404``, ``mp_parts``, ``cookies_quoted``...).
The routes read what the probes send (args, form, cookies, accept, forwarded, json,
typed and path parameters, a static file). See the fidelity README section "Work per
input".
"""

import asyncio
import logging
import os
import sys
import tempfile
import time

from sanic import Sanic, response

logging.disable(logging.CRITICAL)

app = Sanic("bench")
app.config.FORWARDED_SECRET = "s3"
app.config.PROXIES_COUNT = 2
app.config.REQUEST_MAX_SIZE = 200_000_000
d = tempfile.mkdtemp()
with open(os.path.join(d, "f.txt"), "wb") as fh:
    fh.write(b"x" * 1000)
app.static("/static", d)


@app.route("/args", methods=["GET", "POST"])
async def args(req):
    return response.text(f"{len(req.args)} {len(req.query_args)}")


@app.post("/form")
async def form(req):
    return response.text(f"{len(req.form or {})} {len(req.files or {})}")


@app.get("/cookies")
async def cookies(req):
    return response.text(f"{len(req.cookies)}")


@app.get("/accept")
async def accept(req):
    return response.text(f"{len(req.accept)} {req.accept.match('text/html', 'application/json')}")


@app.get("/fwd")
async def fwd(req):
    return response.text(f"{req.forwarded} {req.remote_addr}")


@app.post("/json")
async def j(req):
    return response.text(f"{type(req.json)}")


@app.get("/p/<a:int>/<b:str>")
async def p(req, a, b):
    return response.text("p")


@app.get("/r/<x:[a-z]+>")
async def r(req, x):
    return response.text("r")


@app.get("/path/<x:path>")
async def pp(req, x):
    return response.text(str(len(x)))


LOOP = asyncio.new_event_loop()


def run(method, path, **kw):
    t = time.perf_counter()
    _, resp = LOOP.run_until_complete(getattr(app.asgi_client, method.lower())(path, **kw))
    return time.perf_counter() - t, resp


PROBES = {}


def probe(f):
    PROBES[f.__name__] = f
    return f


@probe
def args_many(n):
    return run("GET", "/args?" + "&".join(f"k{i}=v" for i in range(n)))


@probe
def args_longkey(n):
    return run("GET", "/args?" + "k" * n + "=v")


@probe
def args_amps(n):
    return run("GET", "/args?" + "&" * n + "a=1")


@probe
def args_pct(n):
    return run("GET", "/args?a=" + "%41" * n)


@probe
def urlenc_amps(n):
    return run(
        "POST",
        "/form",
        content=b"&" * n + b"a=1",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )


@probe
def urlenc_many(n):
    return run(
        "POST",
        "/form",
        content=b"&".join(b"k%d=v" % i for i in range(n)),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )


def mp(parts, b=b"XyZ"):
    return b"".join(b"--" + b + b"\r\n" + p for p in parts) + b"--" + b + b"--\r\n"


@probe
def mp_parts(n):
    body = mp([b'Content-Disposition: form-data; name="f%d"\r\n\r\nv\r\n' % i for i in range(n)])
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_samename(n):
    body = mp([b'Content-Disposition: form-data; name="f"\r\n\r\nv\r\n' for i in range(n)])
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_files(n):
    body = mp(
        [
            b'Content-Disposition: form-data; name="f"; filename="a%d"\r\n\r\nv\r\n' % i
            for i in range(n)
        ]
    )
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_longhead(n):
    body = mp([b'Content-Disposition: form-data; name="f"' + b'; x="a\\' * n + b"\r\n\r\nv\r\n"])
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_longhead2(n):
    body = mp([b'Content-Disposition: form-data; name="f"' + b";" * n + b"\r\n\r\nv\r\n"])
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_longhead3(n):
    body = mp(
        [b'Content-Disposition: form-data; name="f"; a="' + b'; b="x\\' * n + b"\r\n\r\nv\r\n"]
    )
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_manylines(n):
    body = mp([b'Content-Disposition: form-data; name="f"\r\n' + b"X: y\r\n" * n + b"\r\nv\r\n"])
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_folded(n):
    body = mp(
        [b'Content-Disposition: form-data; name="f"\r\n' + b"X: y\r\n " * n + b"\r\n\r\nv\r\n"]
    )
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_boundarylike(n):
    body = mp([b'Content-Disposition: form-data; name="f"\r\n\r\n' + b"--XyZ" * n + b"\r\n"])
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_boundarylike2(n):
    body = mp([b'Content-Disposition: form-data; name="f"\r\n\r\n' + b"\r\n--XyZ-" * n + b"\r\n"])
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def mp_empties(n):
    body = b"--XyZ\r\n" * n + b"--XyZ--\r\n"
    return run(
        "POST", "/form", content=body, headers={"content-type": "multipart/form-data; boundary=XyZ"}
    )


@probe
def ct_params(n):
    return run(
        "POST",
        "/form",
        content=b"a=1",
        headers={"content-type": "application/x-www-form-urlencoded" + "; a=b" * n},
    )


@probe
def cookies_many(n):
    return run("GET", "/cookies", headers={"cookie": "; ".join(f"c{i}=v" for i in range(n))})


@probe
def cookies_quoted(n):
    return run("GET", "/cookies", headers={"cookie": 'a="' + "\\" * n + '"'})


@probe
def accept_many(n):
    return run(
        "GET", "/accept", headers={"accept": ", ".join(f"t{i}/s;q=0.5;p=1" for i in range(n))}
    )


@probe
def accept_404(n):
    return run("GET", "/nope", headers={"accept": ", ".join(f"t{i}/s;q=0.5;p=1" for i in range(n))})


@probe
def accept_params(n):
    return run("GET", "/accept", headers={"accept": "text/html" + ";a=b" * n})


@probe
def fwd_many(n):
    return run(
        "GET",
        "/fwd",
        headers={
            "forwarded": ", ".join(f"for=1.2.3.{i % 250}" for i in range(n))
            + ", for=9.9.9.9;secret=s3"
        },
    )


@probe
def fwd_quote(n):
    return run("GET", "/fwd", headers={"forwarded": 'a="\\";' * n})


@probe
def fwd_quote2(n):
    return run("GET", "/fwd", headers={"forwarded": 'a="x;' * n})


@probe
def xff_many(n):
    return run(
        "GET", "/fwd", headers={"x-forwarded-for": ", ".join(f"1.2.3.{i % 250}" for i in range(n))}
    )


@probe
def xff_commas(n):
    return run("GET", "/fwd", headers={"x-forwarded-for": "," * n + "1.1.1.1,2.2.2.2"})


@probe
def range_many(n):
    return run(
        "GET", "/static/f.txt", headers={"range": "bytes=" + ",".join("0-1" for i in range(n))}
    )


@probe
def inm_many(n):
    return run(
        "GET", "/static/f.txt", headers={"if-none-match": ", ".join(f'"e{i}"' for i in range(n))}
    )


@probe
def ims_long(n):
    return run("GET", "/static/f.txt", headers={"if-modified-since": "x" * n})


@probe
def router_segs(n):
    return run("GET", "/a" * n)


@probe
def router_slashes(n):
    return run("GET", "/" * n)


@probe
def router_int(n):
    return run("GET", "/p/" + "1" * n + "/x")


@probe
def router_regex(n):
    return run("GET", "/r/" + "a" * n + "1")


@probe
def router_pct(n):
    return run("GET", "/path/" + "%41" * n)


@probe
def router_pctbad(n):
    return run("GET", "/p/1/" + "%e9" * n)


@probe
def json_deep(n):
    return run("POST", "/json", content=b"[" * n + b"]" * n)


@probe
def json_deepobj(n):
    return run("POST", "/json", content=b'{"a":' * n + b"1" + b"}" * n)


name = sys.argv[1]
run("GET", "/args")
for n in map(int, sys.argv[2:]):
    try:
        dt, resp = PROBES[name](n)
        print(
            f"{name} n={n}: {dt * 1000:.1f} ms status={resp.status} body={resp.text[:60]!r}",
            flush=True,
        )
    except Exception as e:
        print(f"{name} n={n}: EXC {type(e).__name__}: {str(e)[:100]}", flush=True)

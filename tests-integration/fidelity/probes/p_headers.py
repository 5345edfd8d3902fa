"""The Header multidict on requests and responses."""

import asyncio

from _probe import exc_line, new_app, show

from sanic import response
from sanic.compat import Header

h = Header([("A", "1"), ("a", "2"), ("B", "3")])
for label, fn in [
    ("get a", lambda: h.get("a")),
    ("get A", lambda: h.get("A")),
    ("getone", lambda: h.getone("a")),
    ("getall", lambda: h.getall("A")),
    ("getall missing", lambda: h.getall("zz")),
    ("getall missing default", lambda: h.getall("zz", [])),
    ("get_all", lambda: h.get_all("a") if hasattr(h, "get_all") else "no get_all"),
    ("getlist", lambda: h.getlist("a") if hasattr(h, "getlist") else "no getlist"),
    ("item", lambda: h["a"]),
    ("item missing", lambda: h["zz"]),
    ("in", lambda: ("a" in h, "A" in h, "zz" in h)),
    ("keys", lambda: list(h.keys())),
    ("items", lambda: list(h.items())),
    ("len", lambda: len(h)),
    ("dict", lambda: dict(h)),
    ("values", lambda: list(h.values())),
    ("copy type", lambda: type(h.copy()).__name__),
]:
    show(f"Header {label}", fn)
h2 = Header()
h2["x"] = "1"
h2["X"] = "2"
h2.add("x", "3")
show("setitem/add", lambda: list(h2.items()))
show("popall", lambda: (h2.popall("x"), list(h2.items())))
show("setdefault", lambda: (h2.setdefault("y", "9"), h2.setdefault("y", "10")))
show("extend", lambda: (h2.extend([("z", "1"), ("z", "2")]), h2.getall("z"))[1])
show("update", lambda: (h2.update({"z": "3"}), h2.getall("z"))[1])
show("int value", lambda: (h2.add("n", 5), h2.get("n"))[1] if True else None)
show("Header(dict)", lambda: list(Header({"a": "1"}).items()))

app = new_app("hdrapp")


@app.get("/")
async def idx(request):
    hs = request.headers
    out = {
        "get": hs.get("x-dup"),
        "getall": hs.getall("x-dup", []),
        "case": hs.get("X-CASE"),
        "keys lower": sorted(k for k in hs.keys() if k.startswith("x-")),
        "host": hs.get("host"),
        "missing item": None,
    }
    try:
        hs["nope"]
    except BaseException as e:
        out["missing item"] = exc_line(e)
    r = response.text("ok", headers={"X-One": "1"})
    r.headers.add("x-multi", "a")
    r.headers.add("X-Multi", "b")
    r.headers["content-type"] = "text/x-set"
    out["resp items"] = [(k, v) for k, v in r.headers.items()]
    return response.json(out, headers=r.headers)


async def go():
    _, r = await app.asgi_client.get("/", headers=[("x-dup", "1"), ("x-dup", "2"), ("x-case", "c")])
    return r


r = asyncio.run(go())
print("body:", r.json)
print(
    "resp x-multi:",
    r.headers.get_list("x-multi"),
    "ct:",
    r.headers.get("content-type"),
    "x-one:",
    r.headers.get("x-one"),
)

"""Header, RequestParameters, MediaType, Credentials and Matched objects built by hand (diff the output)."""
# ruff: noqa: E402, B023 (probes pasted one after another; lambdas run at once)

from sanic.compat import Header
from sanic.request import RequestParameters


def t(name, fn):
    try:
        v = fn()
        print(name, type(v).__name__, repr(v))
    except Exception as e:
        print(name, "raise", type(e).__name__, e)


rp = RequestParameters({"a": ["1", "2"], "e": [], "n": None, "s": "str"})
t("get a", lambda: rp.get("a"))
t("get e", lambda: rp.get("e"))
t("get e d", lambda: rp.get("e", "d"))
t("get n", lambda: rp.get("n"))
t("get s", lambda: rp.get("s"))
t("getlist e", lambda: rp.getlist("e"))
t("getlist e d", lambda: rp.getlist("e", ["d"]))
t("getlist missing", lambda: rp.getlist("zz"))
t("getlist missing d", lambda: rp.getlist("zz", "d"))
t("get missing", lambda: rp.get("zz"))
t("[a]", lambda: rp["a"])
t("repr", lambda: repr(rp))
t("copy", lambda: type(rp.copy()).__name__)
t("empty", lambda: repr(RequestParameters()))
t("kwargs", lambda: repr(RequestParameters(a=["1"])))
t("eq dict", lambda: rp == {"a": ["1", "2"], "e": [], "n": None, "s": "str"})
t("get kw default", lambda: rp.get("zz", default="k"))
t("getlist kw default", lambda: rp.getlist("zz", default=["k"]))
t("getlist a kw", lambda: rp.getlist(name="a"))
t("get a kw", lambda: rp.get(name="a"))
h = Header([("X", "1"), ("x", "2"), ("Y", "3")])
t("h getone", lambda: h.getone("X"))
t("h getall", lambda: h.getall("x"))
t("h get_all", lambda: h.get_all("x"))
t("h items", lambda: list(h.items()))
t("h keys", lambda: list(h.keys()))
t("h repr", lambda: repr(h))
t("h str", lambda: str(h))
t("h dict", lambda: dict(h))
t("h eq dict", lambda: h == {"x": "1", "y": "3"})
t("h copy", lambda: type(h.copy()).__name__)
t("h getone bytes", lambda: h.getone(b"x"))
t("h get default", lambda: h.get("zz", "d"))
t("h getall default", lambda: h.getall("zz", []))
t("h setdefault", lambda: h.setdefault("Z", "9"))
t("h popone", lambda: h.popone("y"))
t("h extend", lambda: h.extend({"w": "1"}))
t("h after", lambda: list(h.items()))
t("h from dict", lambda: list(Header({"A": "1"}).items()))
t("h add", lambda: (h.add("A", "2"), list(h.items()))[1])
t("h pop missing", lambda: h.pop("nope"))
t("h pop missing d", lambda: h.pop("nope", "d"))
t("h getone int", lambda: h.getone(1))
from sanic.headers import MediaType, parse_content_header, parse_credentials
from sanic.models.http_types import Credentials

m = MediaType("Text", "HTML", q="0.5", level="1")
t("str", lambda: str(m))
t("mime", lambda: m.mime)
t("params", lambda: m.params)
t("q", lambda: m.q)
t("type", lambda: (m.type, m.subtype, m.type_) if hasattr(m, "type_") else (m.type, m.subtype))
t("match str", lambda: m.match("text/html"))
t("match mt", lambda: m.match(MediaType("text", "*")))
t("match params", lambda: m.match("text/html;level=1"))
t("match params2", lambda: m.match("text/html;level=2"))
t("eq", lambda: m == "text/html")
t("eq2", lambda: m == "Text/HTML")
t("eq mt", lambda: m == MediaType("text", "html"))
t("hash", lambda: hash(m) == hash(MediaType("Text", "HTML", q="0.5", level="1")))
t("wild", lambda: MediaType("*", "*").has_wildcard)
t("wild2", lambda: MediaType("text", "*").has_wildcard)
t("no q", lambda: MediaType("a", "b").q)
t("bad q", lambda: MediaType("a", "b", q="x").q)
t("match None", lambda: m.match(None))
t("match empty", lambda: m.match(""))
t("match */*", lambda: MediaType("*", "*").match("*/*"))
t("match wildcard arg", lambda: MediaType("text", "html").match("text/*"))
for a in [None, "", "Bearer x", "Basic dXNlcjpwYXNz", "Token y", "Foo z", "Bearer", "x"]:
    t(f"pc {a!r}", lambda: parse_credentials(a))
    t(f"pc {a!r} prefixes", lambda: parse_credentials(a, ("Foo",)))
t("cred new", lambda: Credentials("Basic", "dXNlcjpwYXNz"))
t("cred user", lambda: Credentials("Basic", "dXNlcjpwYXNz").username)
t("cred user bearer", lambda: Credentials("Bearer", "x").username)
t("cred none", lambda: Credentials())
t("cred eq", lambda: Credentials("Bearer", "x") == Credentials("Bearer", "x"))
t("cred kw", lambda: Credentials(auth_type="Bearer", token="x", _username="u"))
for c in [
    "text/html; charset=utf-8",
    'multipart/form-data; boundary="a;b"',
    "",
    "a/b; x",
    "a/b;x=1;x=2",
    "a/b; filename*=UTF-8''%C3%A9",
    "A/B; X=Y",
]:
    t(f"pch {c!r}", lambda: parse_content_header(c))

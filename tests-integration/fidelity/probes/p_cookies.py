"""sanic.cookies: CookieJar and Cookie objects directly (set/get/delete, validation, output)."""

from datetime import UTC, datetime

from _probe import show

from sanic.compat import Header
from sanic.cookies import Cookie, CookieJar

h = Header()
jar = CookieJar(h)
show("jar type", lambda: type(jar).__name__)
show("add", lambda: str(jar.add_cookie("a", "1")))
show("add again same name", lambda: str(jar.add_cookie("a", "2")))
show("add other path", lambda: str(jar.add_cookie("a", "3", path="/x")))
show("has_cookie a", lambda: jar.has_cookie("a"))
show("has_cookie a /x", lambda: jar.has_cookie("a", path="/x"))
show("has_cookie b", lambda: jar.has_cookie("b"))
show("get_cookie a", lambda: str(jar.get_cookie("a")))
show("get_cookie a /x", lambda: str(jar.get_cookie("a", path="/x")))
show("cookies list", lambda: [str(c) for c in jar.cookies])
show("header_key", lambda: jar.header_key)
show("headers set-cookie", lambda: [str(v) for v in h.getall("set-cookie")])
show("len jar", lambda: len(jar))
show("jar keys", lambda: sorted(jar.keys()) if hasattr(jar, "keys") else None)
show("'a' in jar", lambda: "a" in jar)
show("delete a /x", lambda: (jar.delete_cookie("a", path="/x"), [str(c) for c in jar.cookies])[1])
show("delete missing", lambda: (jar.delete_cookie("zz"), [str(c) for c in jar.cookies])[1])
show(
    "delete host_prefix",
    lambda: (jar.delete_cookie("hp", host_prefix=True), [str(c) for c in jar.cookies])[1],
)
show(
    "delete secure_prefix",
    lambda: (jar.delete_cookie("sp", secure_prefix=True), [str(c) for c in jar.cookies])[1],
)
show("delete both prefixes", lambda: jar.delete_cookie("bp", host_prefix=True, secure_prefix=True))
show("delete host_prefix with path", lambda: jar.delete_cookie("hp2", host_prefix=True, path="/x"))
show("legacy setitem", lambda: (jar.__setitem__("leg", "v"), str(jar["leg"]))[1])
show("legacy getitem missing", lambda: jar["nope"])
show("legacy delitem", lambda: (jar.__delitem__("leg"), "leg" in jar)[1])
show("legacy setitem int", lambda: jar.__setitem__("n", 5))

c = Cookie("k", "v")
show(
    "Cookie defaults",
    lambda: (
        c.key,
        c.value,
        c.path,
        c.domain,
        c.secure,
        c.httponly,
        c.samesite,
        c.max_age,
        c.expires,
        c.comment,
        c.partitioned,
        c.host_prefix,
        c.secure_prefix,
    ),
)
show("Cookie str", lambda: str(c))
show("Cookie encode", lambda: c.encode("utf-8"))
for attr, value in [
    ("path", "/p"),
    ("domain", "d.com"),
    ("secure", False),
    ("httponly", True),
    ("samesite", "strict"),
    ("samesite", "Bad"),
    ("samesite", None),
    ("max_age", 10),
    ("max_age", "10"),
    ("max_age", "x"),
    ("max_age", -1),
    ("max_age", 1.5),
    ("expires", datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("expires", "soon"),
    ("comment", "note"),
    ("partitioned", True),
]:
    c2 = Cookie("k", "v")
    show(f"set {attr}={value!r}", lambda a=attr, v=value, c2=c2: (setattr(c2, a, v), str(c2))[1])
for key, value in [
    ("path", "/q"),
    ("max-age", 3),
    ("expires", datetime(2031, 1, 1, tzinfo=UTC)),
    ("httponly", True),
    ("secure", False),
    ("samesite", "Lax"),
    ("bogus", 1),
    ("comment", "c"),
    ("domain", "x.org"),
    ("version", 1),
]:
    c3 = Cookie("k", "v")
    show(f"item {key}={value!r}", lambda k=key, v=value, c3=c3: (c3.__setitem__(k, v), str(c3))[1])
show("Cookie bad name", lambda: Cookie("bad name", "v"))
show("Cookie reserved name", lambda: Cookie("expires", "v"))
show(
    "Cookie value quoting",
    lambda: [str(Cookie("q", v)) for v in ("a b", 'a"b', "a;b", "a,b", "é", "", "a\\b", "{json}")],
)
show("Cookie host_prefix", lambda: str(Cookie("h", "v", host_prefix=True)))
show("Cookie host_prefix path", lambda: Cookie("h", "v", host_prefix=True, path="/x"))
show("Cookie host_prefix not secure", lambda: Cookie("h", "v", host_prefix=True, secure=False))
show("Cookie secure_prefix not secure", lambda: Cookie("h", "v", secure_prefix=True, secure=False))
show("Cookie partitioned no host", lambda: Cookie("h", "v", partitioned=True))
show("Cookie partitioned host", lambda: str(Cookie("h", "v", partitioned=True, host_prefix=True)))
show(
    "Cookie as dict",
    lambda: (
        sorted(dict(Cookie("d", "v", max_age=3)).items())
        if hasattr(Cookie, "keys")
        else "not a mapping"
    ),
)

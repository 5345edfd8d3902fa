"""url_for of routes with register_pattern types (a cast that is not str, one that raises)."""

import ipaddress

from sanic import Sanic
from sanic.response import text


def h(request, **kw):
    return text("x")


def even(value):
    n = int(value)
    if n % 2:
        raise ValueError("odd")
    return n


app = Sanic("C")
app.router.register_pattern("ipv4", ipaddress.ip_address, r"^\d+\.\d+\.\d+\.\d+$")
app.router.register_pattern("even", even, r"^\d+$")
app.router.register_pattern("lower", str.lower, r"^[a-zA-Z]+$")
app.add_route(h, "/ip/<a:ipv4>", name="ip")
app.add_route(h, "/ev/<a:even>", name="ev")
app.add_route(h, "/lo/<a:lower>", name="lo")
app.add_route(h, "/mix/<a:ipv4>/<b:even>/<c:[xy]+>", name="mix")
for name, kw in [
    ("ip", {"a": "1.2.3.4"}),
    ("ip", {"a": ipaddress.ip_address("10.0.0.1")}),
    ("ip", {"a": "999.1.1.1"}),
    ("ip", {"a": "a.b.c.d"}),
    ("ev", {"a": 4}),
    ("ev", {"a": 3}),
    ("ev", {"a": "x"}),
    ("lo", {"a": "ABC"}),
    ("lo", {"a": "a1"}),
    ("mix", {"a": "1.1.1.1", "b": 2, "c": "xy"}),
    ("mix", {"a": "x", "b": 3, "c": "z"}),
    ("mix", {"a": "1.1.1.1", "b": 3, "c": "z"}),
    ("mix", {"a": "1.1.1.1", "b": 2, "c": "z"}),
    ("mix", {"b": 2}),
]:
    try:
        r = app.url_for(name, **kw)
    except Exception as e:
        r = f"!{type(e).__name__}: {e}"
    print(name, kw, "->", r)

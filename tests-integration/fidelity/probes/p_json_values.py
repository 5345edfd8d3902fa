"""What response.json() and request.json make of awkward values."""

import asyncio
import datetime
import decimal
import enum
import uuid

from _probe import new_app, show

from sanic import response


class Color(enum.Enum):
    RED = "red"


class WithJson:
    def __json__(self):
        return '{"custom": true}'


class WithToJson:
    def __repr__(self):
        return "WithToJson()"

    def toJSON(self):
        return {"to": "json"}


VALUES = {
    "int keys": {1: "a", 2: "b"},
    "float": 1.5,
    "big float": 1e300,
    "small float": 1e-7,
    "nan": float("nan"),
    "inf": float("inf"),
    "big int": 2**70,
    "neg big int": -(2**64),
    "unicode": "é ☃ 😀",
    "slash": "a/b</script>",
    "control": "a\nb\tc\x01",
    "bytes": b"bytes",
    "tuple": (1, 2),
    "set": {1},
    "nested": {"a": [1, {"b": None}]},
    "bool keys": {True: 1},
    "none key": {None: 1},
    "decimal": decimal.Decimal("1.10"),
    "datetime": datetime.datetime(2020, 1, 1),
    "date": datetime.date(2020, 1, 1),
    "uuid": uuid.UUID(int=1),
    "enum": Color.RED,
    "__json__": WithJson(),
    "toJSON": WithToJson(),
    "empty dict": {},
    "str": "plain",
    "float keys": {1.5: "x"},
}
for label, value in VALUES.items():
    show(f"json {label}", lambda v=value: response.json(v).body)
show("json indent", lambda: response.json({"a": [1, 2]}, indent=2).body)
show("json ensure_ascii", lambda: response.json({"a": "é"}, ensure_ascii=True).body)
show(
    "json escape_forward_slashes",
    lambda: response.json({"a": "/"}, escape_forward_slashes=True).body,
)
show("json sort_keys", lambda: response.json({"b": 1, "a": 2}, sort_keys=True).body)

app = new_app("jsonvals")


@app.post("/")
async def echo(request):
    return response.json({"parsed": repr(request.json), "type": type(request.json).__name__})


BODIES = [
    b'{"a": 1}',
    b"[1, 2]",
    b'"s"',
    b"1",
    b"1.5",
    b"null",
    b"true",
    b"NaN",
    b"Infinity",
    b"1e400",
    b'{"a": 1,}',
    b"{'a': 1}",
    b"",
    b"  ",
    b'{"a": "\\ud800"}',
    b'\xef\xbb\xbf{"bom": 1}',
    b'{"a":1}{"b":2}',
    b"12345678901234567890123",
]


async def post(body):
    _, r = await app.asgi_client.post(
        "/", content=body, headers={"content-type": "application/json"}
    )
    return r.status, r.body[:120]


for body in BODIES:
    show(f"request.json {body!r}", lambda b=body: asyncio.run(post(b)))

"""Headers an exception carries are sent as given, a repeated field once per value."""

from __future__ import annotations

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import SanicException
from hurtle_http.testing import FakeConnection, parse_responses


@pytest.mark.parametrize("accept", ["*/*", "application/json", "text/html"])
async def test_a_field_repeated_in_pairs_is_sent_once_per_value(app: Sanic, accept) -> None:
    # As Sanic: ``headers=[("Link", a), ("Link", b)]`` sends both fields (it was one, the
    # last value, once the pairs were made a dict).
    @app.get("/")
    async def index(request):
        raise SanicException(
            "moved", 400, headers=[("link", "</a>; rel=a"), ("link", "</b>; rel=b")]
        )

    await app._startup()
    conn = FakeConnection(app)
    conn.receive(f"GET / HTTP/1.1\r\nhost: x\r\naccept: {accept}\r\n\r\n".encode())
    data = b""
    for _ in range(100):
        await conn.settle()
        data += conn.take()
        if b"\r\n\r\n" in data:
            break
    (sent,) = parse_responses(data)
    assert sent.status == 400
    assert [v for k, v in sent.headers if k == "link"] == ["</a>; rel=a", "</b>; rel=b"]


async def test_a_field_added_to_the_given_dict_before_the_raise_is_sent(app: Sanic, call) -> None:
    @app.get("/")
    async def index(request):
        # (An empty dict is no headers, in Sanic too: the class's are taken instead.)
        fields = {"x-first": "1"}
        error = SanicException("late", 409, headers=fields)
        fields["retry-after"] = "5"
        raise error

    sent = await call("GET", "/")
    assert (sent.status, sent.headers.get("retry-after")) == (409, "5")
    assert sent.headers.get("x-first") == "1"

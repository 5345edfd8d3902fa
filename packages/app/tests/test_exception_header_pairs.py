"""Headers an exception carries are sent as given, a repeated field once per value."""

from __future__ import annotations

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import SanicException


@pytest.mark.parametrize("accept", ["*/*", "application/json", "text/html"])
async def test_a_field_repeated_in_pairs_is_sent_once_per_value(app: Sanic, call, accept) -> None:
    # As Sanic: ``headers=[("Link", a), ("Link", b)]`` sends both fields (it was one, the
    # last value, once the pairs were made a dict).
    @app.get("/")
    async def index(request):
        raise SanicException(
            "moved", 400, headers=[("link", "</a>; rel=a"), ("link", "</b>; rel=b")]
        )

    sent = await call("GET", "/", headers={"accept": accept})
    assert sent.status == 400
    assert [v for k, v in sent.fields if k == "link"] == ["</a>; rel=a", "</b>; rel=b"]


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

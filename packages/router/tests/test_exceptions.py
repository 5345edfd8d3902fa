"""The exception hierarchy and the data the framework reads from it."""

from __future__ import annotations

import re

import pytest
from router_support import Router, handler_named

from sanic_routing import exceptions as ex


def test_all_router_errors_share_a_base() -> None:
    for name in (
        "BadMethod",
        "FinalizationError",
        "InvalidUsage",
        "NoMethod",
        "NotFound",
        "ParameterNameConflicts",
        "RouteExists",
    ):
        assert issubclass(getattr(ex, name), ex.BaseException)


def test_not_found_and_no_method_carry_details() -> None:
    nf = ex.NotFound(path="/x")
    assert (str(nf), nf.path) == ("Not Found", "/x")
    nm = ex.NoMethod("nope", method="PUT", allowed_methods={"GET"}, path="/x")
    assert (str(nm), nm.method, nm.allowed_methods, nm.path) == ("nope", "PUT", {"GET"}, "/x")
    assert ex.NoMethod().allowed_methods is None


def test_a_bad_regex_is_invalid_usage_and_the_re_error_sanic_routing_raises() -> None:
    router = Router()
    with pytest.raises(re.error) as info:
        router.add("/<a:[a->", handler_named("a"))
    assert isinstance(info.value, ex.InvalidUsage)
    assert "parameter 'a'" in str(info.value)
    assert info.value.msg == "bad character range a-$" and info.value.pos == 2
    with pytest.raises(re.error, match="Invalid regular expression for pattern 'x'"):
        router.register_pattern("x", str, "[a-")

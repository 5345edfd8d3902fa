"""HTTP method enum and method classes."""

from hurtle_http.constants import (
    CACHEABLE_HTTP_METHODS,
    DEFAULT_HTTP_CONTENT_TYPE,
    HTTP_METHODS,
    IDEMPOTENT_HTTP_METHODS,
    SAFE_HTTP_METHODS,
    HTTPMethod,
)


def test_http_method_is_a_str_comparing_case_insensitively() -> None:
    assert HTTPMethod.GET == "GET"
    assert HTTPMethod.GET == "get"
    assert str(HTTPMethod.POST) == "POST"
    assert f"{HTTPMethod.DELETE}" == "DELETE"
    assert {HTTPMethod.PUT: 1}["PUT"] == 1


def test_method_classes() -> None:
    assert [m.value for m in HTTP_METHODS] == [
        "GET",
        "POST",
        "PUT",
        "HEAD",
        "OPTIONS",
        "PATCH",
        "DELETE",
    ]
    assert "GET" in SAFE_HTTP_METHODS and "POST" not in SAFE_HTTP_METHODS
    assert "PUT" in IDEMPOTENT_HTTP_METHODS and "PATCH" not in IDEMPOTENT_HTTP_METHODS
    assert set(CACHEABLE_HTTP_METHODS) == {"GET", "HEAD"}
    assert DEFAULT_HTTP_CONTENT_TYPE == "application/octet-stream"

"""RequestParameters: get gives the first value, getlist all of them."""

from hurtle_http.request import RequestParameters


def test_get_and_getlist() -> None:
    params = RequestParameters()
    params["titles"] = ["Post 1", "Post 2"]
    params["empty"] = []
    assert params.get("titles") == "Post 1"
    assert params.getlist("titles") == ["Post 1", "Post 2"]
    assert params.get("missing") is None
    assert params.get("missing", "d") == "d"
    assert params.getlist("missing") == []  # Sanic 25.12: an empty list, not None
    assert params.getlist("missing", ["d"]) == ["d"]
    assert params.get("empty", "d") == "d"
    assert params.getlist("empty", ["d"]) == []
    assert params == {"titles": ["Post 1", "Post 2"], "empty": []}

"""Route lookup for profile.py."""

import pytest
from harness.targets import find_route


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("/", "GET /"),
        ("json", "GET /json"),
        ("mw-echo", "mw POST /echo"),
        ("/mw/json", "mw GET /json"),
    ],
)
def test_find_route_by_path_name_or_short_name(key, name):
    assert find_route(key).name == name


def test_unknown_route_names_the_choices():
    with pytest.raises(KeyError, match="use one of"):
        find_route("/nope")

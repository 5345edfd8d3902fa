from typing import reveal_type

from sanic.compat import Header
from sanic.headers import (
    format_http1_response,
    fwd_normalize,
    parse_accept,
    parse_content_header,
    parse_forwarded,
    parse_host,
)
from sanic.utils import load_module_from_file_location, str_to_bool

reveal_type(parse_content_header("text/plain; charset=utf-8"))
reveal_type(parse_accept("text/html"))
reveal_type(format_http1_response(200, [(b"a", b"b")]))
reveal_type(parse_host("a:1"))
reveal_type(str_to_bool("yes"))
reveal_type(Header({"a": "b"}))

"""``sanic.request.form``: Multipart form parsing."""

from hurtle_http.request import File, parse_multipart_form

__all__ = ["File", "parse_multipart_form"]

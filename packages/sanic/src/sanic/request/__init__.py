"""``sanic.request``: The request object and its parts."""

from hurtle_http.request import File, Request, RequestParameters, parse_multipart_form

__all__ = ["File", "Request", "RequestParameters", "parse_multipart_form"]

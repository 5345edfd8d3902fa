"""``sanic.request.form``: Multipart form parsing."""

from hurtle_app.log import logger as logger
from hurtle_http.headers import parse_content_header as parse_content_header
from hurtle_http.parameters import RequestParameters as RequestParameters
from hurtle_http.request import File
from hurtle_http.request.form import parse_multipart_form as _parse_delimited


def parse_multipart_form(
    body: bytes, boundary: bytes
) -> tuple[RequestParameters, RequestParameters]:
    """Split a ``multipart/form-data`` body into ``(fields, files)``.

    As Sanic's, ``boundary`` is the ``boundary`` parameter of the ``Content-Type``
    (``b"XyZ"`` for delimiter lines ``--XyZ``), not the delimiter line itself.
    (``hurtle_http``'s function, which ``Request.form`` calls with the parameter, also
    accepts the delimiter line: it is given that line here, ``b"--" + boundary``.)
    """
    return _parse_delimited(body, b"--" + boundary)


__all__ = ["File", "parse_multipart_form"]

"""``sanic.request.types``: The ``Request`` class."""

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from httptools import HttpParserInvalidURLError as HttpParserInvalidURLError
from httptools import parse_url as parse_url
from ujson import loads as json_loads  # noqa: F401 - as in Sanic

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import CancelledErrors as CancelledErrors
from hurtle_app.constants import CACHEABLE_HTTP_METHODS as CACHEABLE_HTTP_METHODS
from hurtle_app.constants import DEFAULT_HTTP_CONTENT_TYPE as DEFAULT_HTTP_CONTENT_TYPE
from hurtle_app.constants import IDEMPOTENT_HTTP_METHODS as IDEMPOTENT_HTTP_METHODS
from hurtle_app.constants import SAFE_HTTP_METHODS as SAFE_HTTP_METHODS
from hurtle_app.models.asgi import ASGIScope as ASGIScope
from hurtle_app.models.protocol_types import TransportProtocol as TransportProtocol
from hurtle_http.accept import AcceptList as AcceptList
from hurtle_http.accept import parse_accept as parse_accept
from hurtle_http.cookies.request import CookieRequestParameters as CookieRequestParameters
from hurtle_http.cookies.request import parse_cookie as parse_cookie
from hurtle_http.exceptions import BadRequest as BadRequest
from hurtle_http.exceptions import BadURL as BadURL
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.forwarded import parse_forwarded as parse_forwarded
from hurtle_http.forwarded import parse_xforwarded as parse_xforwarded
from hurtle_http.headers import Header as Header
from hurtle_http.headers import Options as Options
from hurtle_http.headers import parse_content_header as parse_content_header
from hurtle_http.headers import parse_credentials as parse_credentials
from hurtle_http.headers import parse_host as parse_host
from hurtle_http.http import Http as Stream  # noqa: F401 - as in Sanic
from hurtle_http.parameters import RequestParameters as RequestParameters
from hurtle_http.request import Request as _Request
from hurtle_http.request.credentials import Credentials as Credentials
from hurtle_http.request.types import ctx_type as ctx_type
from hurtle_http.request.types import sanic_type as sanic_type
from hurtle_http.response.types import BaseHTTPResponse as BaseHTTPResponse
from hurtle_http.response.types import HTTPResponse as HTTPResponse
from hurtle_http.stages import Stage as Stage
from sanic.http.constants import HTTP as HTTP
from sanic.request.form import parse_multipart_form as parse_multipart_form
from sanic_routing.route import Route as Route

if TYPE_CHECKING:
    from typing_extensions import TypeVar

    from hurtle_app.config import Config
    from sanic.app import Sanic

    _App = TypeVar("_App", bound=Any, default=Sanic[Config, SimpleNamespace])
    _Ctx = TypeVar("_Ctx", bound=Any, default=SimpleNamespace)

    class Request(_Request[_App, _Ctx]):
        """An HTTP request (``hurtle_http``'s ``Request``), as type checkers see it here.

        As in Sanic, a bare ``Request`` annotation reads ``request.app`` as
        ``Sanic[Config, SimpleNamespace]`` (``hurtle_http``, which knows nothing of apps,
        gives ``Any``). At run time this is ``hurtle_http``'s class itself.
        """

else:
    Request = _Request

__all__ = ["ctx_type", "sanic_type", "Request"]

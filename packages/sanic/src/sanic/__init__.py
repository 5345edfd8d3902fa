"""Hurtle, under Sanic's import name: ``from sanic import Sanic`` works unchanged."""

# As in Sanic, these two typing helpers are names of the package too.
from types import SimpleNamespace  # noqa: F401
from typing import TYPE_CHECKING, TypeAlias  # noqa: F401

from hurtle_app.blueprints import Blueprint
from hurtle_app.config import Config
from hurtle_app.constants import HTTPMethod
from hurtle_http.exceptions import (
    BadRequest,
    ExpectationFailed,
    FileNotFound,
    Forbidden,
    HeaderNotFound,
    InternalServerError,
    InvalidHeader,
    MethodNotAllowed,
    NotFound,
    RangeNotSatisfiable,
    SanicException,
    ServerError,
    ServiceUnavailable,
    Unauthorized,
)
from hurtle_http.response import (
    HTTPResponse,
    empty,
    file,
    html,
    json,
    raw,
    redirect,
    text,
)

if TYPE_CHECKING:
    from hurtle_http.websocket import WebsocketImplProtocol as Websocket

# As in Sanic, ``import sanic`` loads these submodules, so ``sanic.exceptions.NotFound``
# (and the others) work without importing each one.
from hurtle_app import motd as _motd
from sanic import (  # noqa: F401
    asgi,
    base,
    blueprint_group,
    blueprints,
    compat,
    config,
    cookies,
    errorpages,
    exceptions,
    handlers,
    headers,
    helpers,
    log,
    logging,
    mixins,
    request,
    response,
    router,
    signals,
    touchup,
    utils,
)
from sanic.__about__ import __hurtle_version__
from sanic.__version__ import __version__
from sanic._distributions import install as _install_distributions
from sanic.app import Sanic
from sanic.request import Request

_install_distributions(listed=True)  # importlib.metadata knows "sanic", as under Sanic


def _banner_versions() -> tuple[str, str]:
    from sanic import __about__

    return __about__.__hurtle_version__, __about__.__version__


_motd.versions = _banner_versions  # the banner names the `hurtle` installed, not hurtle-app

DefaultSanic = Sanic
"""``Sanic`` with the default config and context types (a typing alias in Sanic)."""
DefaultRequest = Request
"""``Request`` with the default context types (a typing alias in Sanic)."""

__all__ = [
    "__version__",
    "__hurtle_version__",
    "Sanic",
    "Config",
    "Blueprint",
    "HTTPMethod",
    "HTTPResponse",
    "Request",
    "Websocket",
    "DefaultSanic",
    "DefaultRequest",
    "BadRequest",
    "ExpectationFailed",
    "FileNotFound",
    "Forbidden",
    "HeaderNotFound",
    "InternalServerError",
    "InvalidHeader",
    "MethodNotAllowed",
    "NotFound",
    "RangeNotSatisfiable",
    "SanicException",
    "ServerError",
    "ServiceUnavailable",
    "Unauthorized",
    "empty",
    "file",
    "html",
    "json",
    "raw",
    "redirect",
    "text",
]

from sanic._submodules import lazy_names as _lazy_names  # noqa: E402
from sanic._submodules import lazy_submodules as _lazy_submodules  # noqa: E402

# ``Websocket`` is imported on first use: an app without websocket routes never loads the
# ``websockets`` library (memory in every worker). Then submodules, as Sanic's.
__getattr__ = _lazy_names(
    __name__,
    {"Websocket": "hurtle_http.websocket:WebsocketImplProtocol"},
    fallback=_lazy_submodules(__name__),
)

"""``sanic.touchup.schemes.altsvc``: Alt-Svc scheme (never applied)."""

from hurtle_app.touchup import AltSvcCheck, RemoveAltSvc
from hurtle_app.touchup import BaseScheme as BaseScheme
from sanic.http.constants import HTTP as HTTP

__all__ = ["RemoveAltSvc", "AltSvcCheck"]

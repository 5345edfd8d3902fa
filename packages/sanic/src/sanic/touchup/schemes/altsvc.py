"""``sanic.touchup.schemes.altsvc``: Alt-Svc scheme (never applied)."""

from hurtle_app.touchup import AltSvcCheck, RemoveAltSvc

__all__ = ["RemoveAltSvc", "AltSvcCheck"]

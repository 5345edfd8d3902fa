"""``app.url_for``: build the URL of a named route, with query string and extras."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlencode, urlunparse

from hurtle_http.exceptions import URLBuildError
from sanic_routing.build import UnservableValue, build_order, param_text
from sanic_routing.exceptions import InvalidUsage
from sanic_routing.patterns import ExtParamInfo

#: The path parameter a static folder route captures the file name in.
STATIC_FILE_PARAM = "__file_uri__"

# The scheme a server name starts with (RFC 3986 3.1: a letter, then letters, digits, "+",
# "-" or "."), before "://". A bare ``host:port`` names none.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
# What a fragment holds as it is (RFC 3986 3.5: pchar, "/" and "?"), and the "%" of escapes
# already made; a "%" that starts none is encoded.
_FRAGMENT_SAFE = "!$&'()*+,;=:@/?%"
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _full_name(app_name: str, view_name: str) -> str:
    if view_name.startswith(app_name + "."):
        return view_name
    return f"{app_name}.{view_name}"


def _lookup(app: Any, view_name: str) -> Any:
    router = app.router
    route = router.find_route_by_view_name(_full_name(app.name, view_name))
    if route is None:
        route = router.find_route_by_view_name(view_name)
    return route


def find_route(app: Any, view_name: str, kwargs: dict[str, Any]) -> Any:
    """The route ``url_for`` builds for ``view_name`` (handles the static shortcuts)."""
    router = app.router
    route = None
    # url_for("static", name="x.y") not found: named as Sanic does, under the app's name
    app_static = view_name == "static" and bool(kwargs.get("name"))
    if view_name == "static" or view_name.endswith(".static"):
        # As Sanic: name= takes the place of "static" in the view name, so
        # url_for("bp.static", name="assets") is the blueprint's static route "assets"
        # (and url_for("static", name="bp.assets") too). A qualified name given with a
        # blueprint's view name is also found by itself (Sanic refuses it).
        name = kwargs.pop("name", None)
        if name:
            prefix = view_name[: -len("static")]
            if prefix and "." in name:
                route = _lookup(app, prefix + name) or _lookup(app, name)
            view_name = prefix + name
    if route is None:
        route = _lookup(app, view_name)
    if route is None and hasattr(app, "_custom_name"):
        # An app whose ``generate_name`` renames routes: the name as the caller knows it
        # (``handler``, ``bp.handler``) goes through that renaming too, as in Sanic.
        shown = view_name if "." in view_name else f"{app.name}.{view_name}"
        renamed = app._custom_name(shown)
        if renamed != shown:
            route = router.find_route_by_view_name(renamed)
    if route is None:
        dotted = "." in view_name and not app_static
        shown = view_name if dotted else f"{app.name}.{view_name}"
        raise URLBuildError(f"Endpoint with name `{shown}` was not found")
    return route


def build_url(app: Any, view_name: str, kwargs: dict[str, Any]) -> str:
    """Build the URL for ``view_name``; see ``Sanic.url_for``."""
    kwargs = dict(kwargs)
    route = find_route(app, view_name, kwargs)

    anchor = kwargs.pop("_anchor", "")
    external = kwargs.pop("_external", False)
    scheme = kwargs.pop("_scheme", "")
    kwargs.pop("_method", None)  # accepted for compatibility; routes are found by name
    netloc = kwargs.pop("_server", None)
    host = kwargs.pop("_host", None)
    if host:
        # As Sanic: ``_host`` picks one of the route's hosts and makes the URL external.
        hosts = [h for h in getattr(route.extra, "hosts", None) or () if h]
        if host not in hosts:
            offered = ", ".join(sorted(hosts)) or "none"
            raise ValueError(
                f"Requested host ({host}) is not available for this route: {offered}"
            )
        external = True
        if netloc is None:
            netloc = host
    if scheme and not external:
        raise ValueError("When specifying _scheme, _external must be True")
    if external and netloc is None:
        hosts = [h for h in getattr(route.extra, "hosts", None) or () if h]
        if len(hosts) > 1:
            # As Sanic: a route served on several hosts has no one external URL; pass
            # _server= to choose.
            raise ValueError(f"Host is ambiguous: {', '.join(sorted(hosts))}")
        only = route.requirements.get("host") if route.requirements else None
        netloc = only or app.config.get("SERVER_NAME") or ""

    params = build_order(route)
    if route.extra.static and STATIC_FILE_PARAM in {p.name for p in params}:
        filename = kwargs.pop("filename", "") or ""
        kwargs[STATIC_FILE_PARAM] = str(filename).lstrip("/")
    elif route.extra.static:
        kwargs.pop("filename", None)

    # As Sanic: one pass in the route's parameter order, so the first parameter missing
    # or not fitting its type in that order is the one reported. A value that fits its
    # pattern but would not be served (a failing cast) is a check Sanic does not make: it
    # is reported only when that pass finds nothing Sanic would report.
    path_params: dict[str, Any] = {}
    unservable: UnservableValue | None = None
    for param in params:
        try:
            value = path_params[param.name] = kwargs.pop(param.name)
        except KeyError:
            if param.name == STATIC_FILE_PARAM:
                path_params[param.name] = ""
                continue
            # As Sanic: raised while the KeyError of the missing argument is handled, so a
            # traceback shows that first.
            raise URLBuildError(  # noqa: B904 (the KeyError context is the point)
                f"Required parameter `{param.name}` was not passed to url_for"
            )
        if isinstance(param, ExtParamInfo) and "ext" in kwargs:
            # <file:ext>: url_for(..., file="cat", ext="png") builds /cat.png.
            path_params["ext"] = kwargs.pop("ext")
        if param.name != STATIC_FILE_PARAM:
            try:
                param_text(route, param, value, path_params.get("ext"))
            except UnservableValue as exc:
                unservable = unservable or exc
            except InvalidUsage as exc:
                raise URLBuildError(str(exc)) from None
    if unservable is not None:
        raise URLBuildError(str(unservable)) from None

    try:
        path = _build_path(app.router, route, path_params)
    except URLBuildError:
        raise
    except Exception as exc:  # the router reports a value that does not fit its type
        raise URLBuildError(str(exc)) from None

    if external:
        # Sanic takes whatever precedes a ":" in the first 8 characters for the scheme:
        # `web:8000` built `web://web:8000/...` and `[::1]:8000` built `[://[::1]:8000/...`
        # (no URI: RFC 3986 3.1). Only a `scheme://` prefix names one.
        named = _SCHEME.match(netloc)
        if named:
            netloc = netloc[named.end() :]
        # A server name written with a trailing slash (`https://example.com/`, or a path
        # prefix `example.com/api/`) joins the route's path with one slash; Sanic builds
        # `https://example.com//x`, whose empty segment names another resource than `/x`
        # (RFC 3986 3.3), one no route serves.
        netloc = netloc.rstrip("/")
        if not scheme:
            scheme = named.group(1) if named else "http"
            if getattr(route.extra, "websocket", False):
                # As Sanic: a websocket route's external URL is ws:// (wss:// for https).
                scheme = {"http": "ws", "https": "wss"}.get(scheme, scheme)

    query = urlencode(kwargs, doseq=True) if kwargs else ""
    if anchor and isinstance(anchor, str):
        # As the path: a space, "#" or non-ASCII in a fragment is no URI (Sanic: raw).
        anchor = _STRAY_PERCENT.sub("%25", quote(anchor, safe=_FRAGMENT_SAFE))
    return urlunparse((scheme, netloc, path, "", query, anchor))


def _build_path(router: Any, route: Any, params: dict[str, Any]) -> str:
    text_params = {k: v if isinstance(v, str) else str(v) for k, v in params.items()}
    built = (
        route.build(text_params) if hasattr(route, "build") else router.build(route, text_params)
    )
    if STATIC_FILE_PARAM in params and not params[STATIC_FILE_PARAM] and not built.endswith("/"):
        built += "/"
    if not built.startswith("/"):
        built = "/" + built
    return built


__all__ = ["STATIC_FILE_PARAM", "build_url", "find_route"]

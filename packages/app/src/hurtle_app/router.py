"""The framework's router: ``sanic_routing.BaseRouter`` plus hosts, versions and the
per-route settings the app reads on every request (``route.extra``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from hurtle_app.errors import NotAHost
from hurtle_app.futures import methods_string_message
from hurtle_http.constants import HTTP_METHODS
from hurtle_http.exceptions import BadRequest, MethodNotAllowed, NotFound, SanicException
from sanic_routing import BaseRouter, Route
from sanic_routing.exceptions import BadMethod, NoMethod
from sanic_routing.exceptions import NotFound as RoutingNotFound

# The bounds of every cache keyed by what clients send (this router's resolved paths, the
# pipeline's raw targets). Entries: keys come from clients, so no cache grows without
# limit. Key length: longer paths are resolved each time, not remembered; with paths of
# up to the head limit (8 KB) a full cache held about 64 MB per method (9,000 requests for
# distinct 7.8 KB paths to one dynamic route grew a worker by 95 MB; Sanic: 11 MB).
CACHE_LIMIT = 4096
CACHED_PATH_MAX = 256

_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
# RFC 3986 2.3: the unreserved characters.
# RFC 9112 3.2.3: the authority-form target of a CONNECT, `uri-host ":" port` (an IP
# literal in brackets, or a name or IPv4 address without delimiters).
_AUTHORITY_FORM = re.compile(r"(?:\[[0-9A-Fa-f:.]+\]|[^\[\]:/?#@\s]+):[0-9]+")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _decode_unreserved(path: str) -> str:
    """``path`` with its percent-encoded unreserved characters decoded and the hex digits
    of the other escapes in upper case: the same URI (RFC 3986 6.2.2.1 and 6.2.2.2, RFC
    9110 4.2.3); reserved ones (``%2F``...) and others stay encoded."""

    def decode(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else match.group(0).upper()

    return _ESCAPE.sub(decode, path)


# The schemes whose default port is 443 (RFC 9110 4.2.2, RFC 6455 3); any other is 80's.
_SECURE_SCHEMES = frozenset(("https", "wss"))


def _canonical_host(host: str, default_port: str) -> str:
    """``host`` as RFC 9110 4.2.3 compares it for a scheme whose default port is
    ``default_port``: the name in lower case, without that port (``A.Example:80`` is
    ``a.example`` for http; ``a.example:443`` is another authority there)."""
    host = host.lower()
    name, colon, port = host.rpartition(":")
    return name if colon and port == default_port else host


class Router(BaseRouter):
    """Map (path, method, host) to a route; raise Sanic's ``NotFound``/``MethodNotAllowed``."""

    DEFAULT_METHOD = "GET"
    # Sanic's: the ``HTTPMethod`` members (equal to their names as strings).
    ALLOWED_METHODS = HTTP_METHODS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resolved: dict[tuple[Any, ...], tuple[Route, Callable[..., Any], Any]] = {}
        # Filled by the request pipeline (method -> raw request target -> resolution);
        # cleared, in place, whenever the routes are compiled again.
        self._by_target: dict[str, dict[bytes, tuple[Any, ...]]] = {}
        self._host_routing = False
        # Per default port (80: http/ws, 443: https/wss), each route host's canonical
        # form -> the host as registered (the first so).
        self._host_aliases: dict[str, dict[str, str]] = {"80": {}, "443": {}}
        self._empty = False

    def get(
        self, path: str, method: str, host: str | None, *, scheme: str | None = None,
        _decoded: bool = False, _aliased: bool = False,
    ) -> tuple[Route, Callable[..., Any], dict[str, Any]]:
        """Resolve a request to ``(route, handler, params)``.

        ``scheme`` (the request's, ``http`` when not given) says which port is the default
        one, when a host route is matched against a host sent with a port."""
        # PERF: a resolved (path, method[, host]) is remembered, so repeated requests cost
        # one dict lookup instead of a match (benchmarks/ "GET /user/123": the router was a
        # third of the framework's time). Params are copied out: handlers get their own.
        key = (path, method, host) if self._host_routing else (path, method)
        hit = self._resolved.get(key)
        if hit is not None:
            return hit[0], hit[1], dict(hit[2]) if hit[2] else {}
        if self._empty:
            raise NotFound(f"Requested URL {path} not found")
        if path == "*" and method != "OPTIONS":
            # RFC 9112 3.2.4: the asterisk-form target is for a server-wide OPTIONS only,
            # any other request line with it is invalid (RFC 9112 3: a 400). `GET *` was
            # served by the `/` route (a path is matched from its second character), as
            # in Sanic. Not cached, so every such request is answered here.
            raise BadRequest(f"Method {method} cannot have the asterisk-form target (*)")
        try:
            route, handler, params = self.resolve(
                path,
                method=method,
                extra={"host": host} if (host and self._host_routing) else None,
            )
        except RoutingNotFound as exc:
            if host and self._host_routing and not _aliased:
                # RFC 9110 4.2.3: a host differing only in case, or by the default port
                # of the request's scheme, is the same (`Host: A.EXAMPLE` and
                # `a.example:80` over http ask for the route of host="a.example"; Sanic
                # answers 404); `a.example:443` is that host only over https. Only a
                # host no route matched as sent is tried again, so the hit path costs
                # nothing; the hit is then remembered under the host as sent when the
                # two differ in case only (a port's meaning depends on the scheme, which
                # the cache key leaves out).
                default_port = "443" if scheme in _SECURE_SCHEMES else "80"
                canonical = _canonical_host(host, default_port)
                alias = self._host_aliases[default_port].get(canonical)
                if alias is not None and alias != host:
                    try:
                        hit = self.get(path, method, alias, _decoded=_decoded, _aliased=True)
                    except NotFound:
                        pass  # named as it came, below
                    else:
                        if (
                            alias.lower() == host.lower()
                            and len(path) <= CACHED_PATH_MAX
                            and len(self._resolved) < CACHE_LIMIT
                        ):
                            self._resolved[(path, method, host)] = (
                                hit[0], hit[1], dict(hit[2]) if hit[2] else None
                            )
                        return hit
            if "%" in path and not _decoded:
                # `/ech%6F` is `/echo` and `/caf%c3%a9` is `/caf%C3%A9` (RFC 9110 4.2.3: an
                # unreserved character and its percent-encoding are the same URI, and so
                # are upper- and lower-case hex digits); Sanic answers 404. Only a path no
                # route matched as it came is tried again (parameters are unquoted anyway).
                normalized = _decode_unreserved(path)
                if normalized != path:
                    try:
                        # (once: `%%36F` gives `%6F`, which is no `o`)
                        return self.get(normalized, method, host, scheme=scheme, _decoded=True)
                    except NotFound:
                        pass  # named as it came, below
            if method == "CONNECT" and path[:1] != "/" and not _AUTHORITY_FORM.fullmatch(path):
                # RFC 9112 3.2.3: a CONNECT target is host:port; a target that is neither
                # that nor a path is no request target at all (a 400, as for `GET *`;
                # Sanic never answers). A path no route serves stays a 404, as in Sanic.
                raise BadRequest(f"CONNECT needs a host:port target, not {path}") from None
            # Sanic reports the path as the router normalised it (no trailing slash), and
            # names no path when a host requirement fails ("") or a file extension is
            # refused (None): its 404 page says so, and so does ours.
            raise NotFound(f"Requested URL {exc.path} not found") from None
        except NoMethod as exc:
            allowed = getattr(exc, "allowed_methods", None)
            raise MethodNotAllowed(
                f"Method {method} not allowed for URL {path}",
                method=method,
                allowed_methods=tuple(sorted(allowed)) if allowed else None,
            ) from None
        if len(path) <= CACHED_PATH_MAX:
            if len(self._resolved) >= CACHE_LIMIT:
                # Paths and hosts come from clients: bound the memory, start afresh.
                self._resolved.clear()
            self._resolved[key] = (route, handler, dict(params) if params else None)
        return route, handler, params

    def add(  # type: ignore[override]
        self,
        uri: str,
        methods: Iterable[str],
        handler: Callable[..., Any],
        host: str | Iterable[str] | None = None,
        strict_slashes: bool = False,
        stream: bool = False,
        ignore_body: bool = False,
        version: str | float | int | None = None,
        name: str | None = None,
        unquote: bool = False,
        static: bool = False,
        version_prefix: str = "/v",
        overwrite: bool = False,
        error_format: str | None = None,
    ) -> Route | list[Route]:
        """Add a route (one per host when ``host`` is a list); returns the route(s)."""
        if version is not None:
            version = str(version).strip("/")
            if version.startswith("v"):
                version = version[1:]
            uri = "/".join([f"{version_prefix}{version}", uri.lstrip("/")])

        if isinstance(methods, str):
            # A blueprint route declared with methods="GET" is refused here, on
            # registration, where Sanic refuses it.
            raise BadMethod(methods_string_message(methods))
        methods = frozenset(m.upper() for m in methods)
        hosts: list[str | None]
        if host is None:
            hosts = [None]
        elif isinstance(host, str):
            hosts = [host]
        elif isinstance(host, Iterable):
            hosts = list(host)
        else:
            raise NotAHost(f"Expected either string or Iterable of host strings, not {host!r}")
        if any(hosts):
            self._host_routing = True

        routes: list[Route] = []
        for one_host in hosts:
            params: dict[str, Any] = {
                "path": uri,
                "handler": handler,
                "methods": methods,
                "name": name,
                "strict": strict_slashes,
                "unquote": unquote,
                "overwrite": overwrite,
            }
            if one_host:
                params["requirements"] = {"host": one_host}
                for default_port, aliases in self._host_aliases.items():
                    aliases.setdefault(_canonical_host(one_host, default_port), one_host)
            route = super().add(**params)
            extra = route.extra
            ident = name or ""
            if len(hosts) > 1:  # as Sanic: one host (a str or a list of one) keeps the name
                ident = f"{ident}_{one_host.replace('.', '_')}"
            extra.ident = ident
            extra.ignore_body = ignore_body
            extra.stream = stream
            extra.hosts = frozenset(h for h in hosts if h) if one_host else [None]
            extra.static = static
            extra.error_format = error_format or ""  # as Sanic: "" when not given
            extra.websocket = False
            extra.request_middleware = ()
            extra.response_middleware = ()
            routes.append(route)
        return routes[0] if len(routes) == 1 else routes

    def finalize(self, *args: Any, **kwargs: Any) -> None:
        """Compile the routes (once)."""
        self._resolved.clear()
        self._by_target.clear()
        if not self.routes:
            # An app without routes still starts; it answers every request with 404.
            self._empty = True
        else:
            self._empty = False
            for group in self.groups.values():
                _check_parameter_names(group)
            super().finalize(*args, **kwargs)
        # A server listener may reset the router, add routes and finalize it itself (the
        # CORS recipe of Sanic's guide does): the app composes the routes again before
        # its next request (Sanic answers those routes with a 500).
        recompiled = getattr(getattr(self.ctx, "app", None), "_routes_recompiled", None)
        if recompiled is not None:
            recompiled()

    def find_route_by_view_name(self, view_name: str, name: str | None = None) -> Route | None:
        """The route registered under ``view_name``, given in full (``App.bp.handler``) or
        without the app's name (``bp.handler``), or None. ``name`` is accepted and not used,
        as in Sanic."""
        if not view_name:
            return None
        route = self.name_index.get(view_name)
        if route is None:
            app = getattr(self.ctx, "app", None)
            if app is not None:
                route = self.name_index.get(f"{app.name}.{view_name}")
        return route

    @property
    def routes_all(self) -> dict[tuple[str, ...], Route]:
        """Every route, keyed by its path parts."""
        return (
            {route.parts: route for route in self.routes}
            if self.routes and hasattr(self.routes[0], "parts")
            else {tuple(route.path.split("/")): route for route in self.routes}
        )

    @property
    def routes_static(self) -> Any:
        """Routes without parameters."""
        return self.static_routes

    @property
    def routes_dynamic(self) -> Any:
        """Routes with typed parameters."""
        return self.dynamic_routes

    @property
    def routes_regex(self) -> Any:
        """Routes with regex parameters."""
        return self.regex_routes


def _check_parameter_names(group: Any) -> None:
    """Refuse ``<__name>`` parameters when the router finalizes (as Sanic): dunder names
    are kept for the framework (a static folder's ``__file_uri__`` is the one in use)."""
    for route in group.routes:
        for param in route.defined_params.values():
            if param.name.startswith("__") and param.name != "__file_uri__":
                raise SanicException(
                    f"Invalid route: {group!r}. Parameter names cannot use '__'."
                )


__all__ = ["MethodNotAllowed", "Router"]

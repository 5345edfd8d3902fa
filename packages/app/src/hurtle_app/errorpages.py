"""Error pages: render an exception as text, JSON or HTML, in the format the client wants.

The format is chosen once per error (``guess_mime``): a route's ``error_format`` or the
``FALLBACK_ERROR_FORMAT`` setting when either is fixed, otherwise the ``Accept`` header,
with a JSON request (``Content-Type`` or body) preferring JSON. Debug mode adds the
traceback, the request path and arguments; quiet exceptions never show one.
"""

from __future__ import annotations

import json as _json
import logging
import sys
import traceback
from html import escape as _html_escape
from typing import Any

from hurtle_app.logging.deprecation import deprecation
from hurtle_http.accept import qvalue
from hurtle_http.exceptions import STATUS_CODES, SanicException
from hurtle_http.fieldlists import field_lines
from hurtle_http.fieldtext import field_text
from hurtle_http.response import HTTPResponse, JSONResponse

_logger = logging.getLogger("sanic.root")

DEFAULT_FORMAT = "auto"
FALLBACK_TEXT = "The application encountered an unexpected error and could not continue."
FALLBACK_STATUS = 500
JSON = "application/json"

MIME_BY_CONFIG = {"text": "text/plain", "json": "application/json", "html": "text/html"}
CONFIG_BY_MIME = {mime: name for name, mime in MIME_BY_CONFIG.items()}
RESPONSE_MAPPING = {
    "json": "json",
    "text": "text",
    "html": "html",
    "JSONResponse": "json",
    "text/plain": "text",
    "text/html": "html",
    "application/json": "json",
}
# The order in which an "auto" format offers the renderers to the Accept header.
_AUTO_ORDER = ("text/plain", "application/json", "text/html")


def escape(text: Any) -> str:
    """HTML-escape ``text`` (``<``, ``&``, quotes) for the error page."""
    return _html_escape(f"{text}", quote=True)


def _dumps(value: Any) -> str:
    # As Sanic: non-ASCII text is escaped (\u00e9) in JSON pages and in the text page's
    # context and extra values; a value JSON cannot hold is shown as its str() (Sanic
    # fails to render the page and answers a bare 500 instead).
    text = _json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)
    if text.isascii():
        return text
    # Bytes a client sent that are not UTF-8 (surrogates) become U+FFFD before escaping,
    # not "\udcff" escapes no JSON reader can turn back into text.
    return _json.dumps(_json.loads(field_text(text)), separators=(",", ":"))


# The renderers' JSON encoder, by its public name (what ``BaseRenderer.dumps`` is).
dumps = _dumps


def _declared_status(exception: BaseException) -> int | None:
    """The exception's ``status_code`` if it can be a response's status, else None.

    As Sanic: a ``status_code`` that is not an int ("404", 404.0, True, None) or not
    three digits answers the generic 500 page (Sanic's response refuses the status). Only
    Sanic's exceptions choose the status: any other is a 500, whatever ``status_code``
    its class declares (an app's ``class NotFoundError(Exception): status_code = 404``).
    """
    if not isinstance(exception, SanicException):
        return FALLBACK_STATUS
    status = getattr(exception, "status_code", None)
    if not isinstance(status, int) or isinstance(status, bool):
        return None
    return status if 0 < status <= 999 else None


class BaseRenderer:
    """Renders one exception for one request; subclasses choose the format."""

    content_type = "text/plain; charset=utf-8"

    def __init__(self, request: Any, exception: BaseException, debug: bool) -> None:
        self.request = request
        self.exception = exception
        self.debug = debug

    dumps = staticmethod(_dumps)

    @property
    def status(self) -> int:
        """The response status: the exception's ``status_code``, else 500."""
        return _declared_status(self.exception) or FALLBACK_STATUS

    @property
    def headers(self) -> Any:
        """Headers the exception asks for (``SanicException(headers=...)``), as given: a
        mapping, or a list of pairs whose repeated fields are all sent."""
        if isinstance(self.exception, SanicException):
            return getattr(self.exception, "headers", None) or {}
        return {}

    @property
    def reason(self) -> str:
        """The status reason phrase, e.g. ``Not Found``."""
        return STATUS_CODES.get(self.status, b"Error Occurred").decode("latin-1")

    @property
    def title(self) -> str:
        """The page's heading, as Sanic's renderers give it to subclasses: the status and
        its reason phrase (``404 — Not Found``)."""
        return f"{self.status} — {self.reason}"

    @property
    def text(self) -> str:
        """The message shown: the exception's own, or a generic one for unexpected errors."""
        if self.debug or (
            isinstance(self.exception, SanicException) and _declared_status(self.exception)
        ):
            return str(self.exception)
        return FALLBACK_TEXT

    @property
    def full_page(self) -> bool:
        """Whether to show the debug details (debug mode and a non-quiet exception)."""
        return self.debug and not getattr(self.exception, "quiet", False)

    def render(self) -> HTTPResponse:
        """Build the response: ``full()`` or ``minimal()``, with the exception's status and
        headers (as in Sanic, those two return a 200 response of the renderer's type)."""
        response = self.full() if self.full_page else self.minimal()
        response.status = self.status
        headers = self.headers
        if headers:
            response.headers.update(headers)
        return response

    def minimal(self) -> HTTPResponse:
        """The page without debug details, as a 200 response (an exception handler may
        return it as it is, as on Sanic)."""
        return self._response(self._minimal_body())

    def full(self) -> HTTPResponse:
        """The page with debug details, as a 200 response."""
        return self._response(self._full_body())

    def _response(self, body: str) -> HTTPResponse:
        # A message quoting bytes a client sent that are not UTF-8 (kept as surrogates):
        # shown as U+FFFD, where the encoding failed and the answer became a 500.
        return HTTPResponse(field_text(body), content_type=self.content_type)

    def _minimal_body(self) -> str:
        raise NotImplementedError

    def _full_body(self) -> str:
        raise NotImplementedError

    # -- shared pieces ------------------------------------------------------------------

    @property
    def context(self) -> Any:
        """The exception's ``context`` (shown to every client), as given: a JSON page
        shows a list as it is (as Sanic's; the text and HTML pages need a mapping)."""
        return getattr(self.exception, "context", None) or {}

    @property
    def extra(self) -> Any:
        """The exception's ``extra`` (shown only in debug mode), as given."""
        return getattr(self.exception, "extra", None) or {}

    @property
    def app_name(self) -> str:
        """The app's name as shown in page titles."""
        app = getattr(self.request, "app", None)
        name = str(getattr(app, "name", "") or "").replace("_", " ")
        return name.title() if name.islower() else name

    @property
    def path(self) -> str:
        """The request path (empty when unknown)."""
        return str(getattr(self.request, "path", "") or "")

    def exception_chain(self, implicit: bool = False) -> list[BaseException]:
        """The exception and its explicit causes (``raise ... from``), oldest first; with
        ``implicit``, also the exceptions being handled when each was raised (as a
        traceback prints them, unless ``raise ... from None`` hid them)."""
        chain: list[BaseException] = []
        exc: BaseException | None = self.exception
        while exc is not None and exc not in chain:
            chain.append(exc)
            if exc.__cause__ is not None or not implicit or exc.__suppress_context__:
                exc = exc.__cause__
            else:
                exc = exc.__context__
        return list(reversed(chain))

    @staticmethod
    def _handled_chain() -> list[BaseException]:
        """The exception being handled where the page is rendered (``sys.exc_info()``) and
        its explicit causes, oldest first: the tracebacks of the debug text and JSON pages.

        As Sanic's: those pages show what is being handled, not the exception given to the
        renderer, so an exception handler that answers a ``KeyError`` with
        ``error_handler.default(request, NotFound(...))`` shows the ``KeyError``'s frames,
        and a page rendered outside an ``except`` block shows none.
        """
        chain: list[BaseException] = []
        exc = sys.exc_info()[1]
        while exc is not None and exc not in chain:
            chain.append(exc)
            exc = exc.__cause__
        return list(reversed(chain))


def _frames(exc: BaseException) -> list[traceback.FrameSummary]:
    return list(traceback.extract_tb(exc.__traceback__))


class TextRenderer(BaseRenderer):
    """Plain text error pages."""

    content_type = "text/plain; charset=utf-8"
    # The page's layout and the indent of a traceback's heading; a subclass may change them.
    OUTPUT_TEXT = "{title}\n{bar}\n{text}\n\n{body}"
    SPACER = "  "

    @property
    def title(self) -> str:
        """The heading line of the text page (``⚠️ 404 — Not Found``)."""
        return f"⚠️ {super().title}"

    def _page(self, body: str) -> str:
        line = self.title
        return self.OUTPUT_TEXT.format(title=line, bar="=" * len(line), text=self.text, body=body)

    def _section(self, name: str, data: dict[str, Any]) -> str:
        indent = self.SPACER * 2
        lines = "\n".join(f"{indent}{key}: {_dumps(value)}" for key, value in data.items())
        return f"{name}\n{lines}"

    def _minimal_body(self) -> str:
        """Title, underline, message, and the exception's context."""
        return self._page("\n" + self._section("Context", self.context) if self.context else "")

    def _full_body(self) -> str:
        """``minimal`` plus the traceback of each explicitly chained exception and ``extra``."""
        name = getattr(getattr(self.request, "app", None), "name", "")
        exc = self.exception
        blocks = []
        indent = self.SPACER * 2
        for item in self._handled_chain():
            frames = "\n\n".join(
                f"{indent}File {frame.filename}, line {frame.lineno}, in {frame.name}\n"
                f"{indent}{frame.line or ''}"
                for frame in _frames(item)
            )
            blocks.append(f"{self.SPACER}{type(item).__name__}: {item}\n{frames}")
        body = "\n".join(
            [
                f"{type(exc).__name__}: {exc} while handling path {self.path}",
                f"Traceback of {name} (most recent call last):\n",
                *blocks,
            ]
        )
        if self.context:
            body += "\n\n" + self._section("Context", self.context)
        if self.extra:
            body += "\n\n" + self._section("Extra", self.extra)
        return self._page(body)


class JSONRenderer(BaseRenderer):
    """JSON error bodies: ``{"description", "status", "message"}`` (+ context, debug info)."""

    content_type = "application/json"

    @property
    def title(self) -> str:
        """The reason phrase alone (the ``description`` of the body), as Sanic's."""
        return self.reason

    def _base(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "description": self.title,
            "status": self.status,
            "message": self.text,
        }
        if self.context:
            data["context"] = self.context
        return data

    def minimal(self) -> HTTPResponse:
        """Description, status, message and context (a 200 ``JSONResponse``)."""
        return JSONResponse(self._generate_output(full=False), dumps=self.dumps)

    def full(self) -> HTTPResponse:
        """``minimal`` plus ``extra``, path, query args and the exception chain's frames."""
        return JSONResponse(self._generate_output(full=True), dumps=self.dumps)

    def _generate_output(self, *, full: bool) -> dict[str, Any]:
        """The object ``minimal``/``full`` serialize. As in Sanic, a subclass overrides this
        one method to shape its own JSON error bodies."""
        data = self._base()
        if not full:
            return data
        if self.extra:
            data["extra"] = self.extra
        data["path"] = self.path
        args = getattr(self.request, "args", None)
        data["args"] = {key: list(value) for key, value in (args or {}).items()}
        data["exceptions"] = [
            {
                "type": type(item).__name__,
                "exception": str(item),
                "frames": [
                    {
                        "file": frame.filename,
                        "line": frame.lineno,
                        "name": frame.name,
                        "src": frame.line,
                    }
                    for frame in _frames(item)
                ],
            }
            for item in self._handled_chain()
        ]
        return data


_STYLE = (
    "html{font:16px sans-serif;background:#f4f2f3;color:#1b1a1a}body{margin:0}"
    "header{background:#2a2627;color:#fff;padding:1rem 2vw;text-align:center}"
    "main{padding:1rem 2.5rem;min-height:70vh}footer{text-align:center;font-size:.8rem;"
    "margin:2rem}dl{display:grid;grid-template-columns:1fr 5fr;gap:.3em}pre{overflow:auto}"
)


class HTMLRenderer(BaseRenderer):
    """HTML error pages (a traceback section only in debug mode)."""

    content_type = "text/html; charset=utf-8"

    @property
    def full_page(self) -> bool:
        """In debug mode the HTML page shows the details even for quiet exceptions (Sanic)."""
        return self.debug

    @staticmethod
    def _table(title: str, element_id: str, data: dict[str, Any]) -> str:
        # As Sanic's page: a None key is shown as an empty name (a None value as "None").
        rows = "".join(
            f'<dt><span class="nobr key">{escape("" if key is None else key)}</span>'
            f"<span>: </span><dd>{escape(value)}"
            for key, value in data.items()
        )
        return (
            f'<div class="key-value-display"><h2>{escape(title)}</h2>'
            f'<dl id="{element_id}" class="key-value-table smalltext">{rows}</dl></div>'
        )

    def _page(self, details: str) -> str:
        name = escape(self.app_name)
        context = (
            self._table("Issue context", "exception-context", self.context)
            if (self.context)
            else ""
        )
        return (
            '<!DOCTYPE html><html lang=en id=sanic><meta charset="utf-8">'
            f"<title>Application {name} cannot handle your request</title>"
            f"<style>{_STYLE}</style>"
            f"<header><div>Application <strong>{name}</strong> cannot handle your request"
            "</div></header>"
            f"<main><h1>⚠️ {escape(self.title)}</h1><p>{escape(self.text)}"
            f"{context}{details}</main>"
            "<footer><div>powered by Hurtle (Sanic API)</div>"
            f"{'<div>DEBUG mode</div>' if self.debug else ''}</footer>"
        )

    def _minimal_body(self) -> str:
        return self._developer_body() if self._app_debug() else self._enduser_body()

    _full_body = _minimal_body

    def _app_debug(self) -> bool:
        """Whether the page shows the developer details: as Sanic's HTML page, when the
        request's app is in debug mode, whether ``minimal()`` or ``full()`` is called and
        whatever ``debug`` the renderer was given (that one chooses the message and the
        footer's "DEBUG mode"). Without an app, the renderer's ``debug``."""
        debug = getattr(getattr(self.request, "app", None), "debug", None)
        return self.debug if debug is None else bool(debug)

    def _enduser_body(self) -> str:
        """Status, message and context, plus a short note for the end user."""
        return self._page(
            "<div id=enduser><p>Something went wrong while handling this request. "
            'Try again in a moment.<p><a href="/">Front Page</a></div>'
        )

    def _developer_body(self) -> str:
        """The end-user page's parts plus extra data, the traceback chain and the request
        headers."""
        extra = (
            self._table("Issue extra data", "exception-extra", self.extra) if (self.extra) else ""
        )
        route = getattr(getattr(self.request, "route", None), "name", None)
        where = f" in {escape(route)}" if route else " in [route not found]"
        traces = []
        # As Sanic's debug page: an exception raised while another was handled shows both.
        for item in self.exception_chain(implicit=True):
            frames = "\n".join(
                f"{escape(frame.filename)}:{frame.lineno} in {escape(frame.name)}\n"
                f"    {escape(frame.line or '')}"
                for frame in _frames(item)
            )
            traces.append(
                f"<div class=tracerite><h3>{escape(type(item).__name__)}: "
                f"{escape(item)}</h3><pre><code>{frames}</code></pre></div>"
            )
        headers = getattr(self.request, "headers", None) or {}
        method = escape(getattr(self.request, "method", ""))
        request_table = self._table(
            f"{method} {self.path}",
            "request-headers",
            {name.lower(): value for name, value in headers.items()},
        )
        return self._page(
            f"<details open class=smalltext>{extra}"
            "<summary>Details for developers (debug mode only)</summary>"
            f'<div class="exception-wrapper"><h2>Exception{where}:</h2>{"".join(traces)}'
            f"</div>{request_table}</details>"
        )


RENDERERS_BY_CONFIG: dict[str, type[BaseRenderer]] = {
    "text": TextRenderer,
    "json": JSONRenderer,
    "html": HTMLRenderer,
}
RENDERERS_BY_CONTENT_TYPE: dict[str, type[BaseRenderer]] = {
    "text/plain": TextRenderer,
    "application/json": JSONRenderer,
    "multipart/form-data": HTMLRenderer,
    "text/html": HTMLRenderer,
}


def check_error_format(format: str) -> None:
    """Refuse an unknown error format name (allowed: auto, text, json, html)."""
    if format not in RENDERERS_BY_CONFIG and format != DEFAULT_FORMAT:
        raise SanicException(f"Unknown format: {format}")


def _parse_accept(value: str) -> list[tuple[float, int, tuple[str, str], str]]:
    """``Accept`` as (q, position, (type, subtype), as written), q > 0 only."""
    items: list[tuple[float, int, tuple[str, str], str]] = []
    for index, part in enumerate(value.split(",")):
        media, *params = part.strip().split(";")
        media = media.strip().lower()
        if not media:
            continue
        if media == "*":
            media = "*/*"
        main, _, sub = media.partition("/")
        q = 1.0
        for param in params:
            key, _, val = param.strip().partition("=")
            if key.strip().lower() == "q":
                q = qvalue(val) or 0.0  # no qvalue: not chosen (as request.accept skips it)
        if q > 0:
            items.append((q, index, (main, sub or "*"), part.strip()))
    return items


def _accepts(media: tuple[str, str], mime: str) -> bool:
    main, sub = mime.split("/")
    return media[0] in ("*", main) and media[1] in ("*", sub)


def _match(accept: list[tuple[float, int, tuple[str, str], str]], mimes: list[str]):
    """The best (mime, accepted entry): highest q, then the server's order, then the
    client's order (as Sanic's ``AcceptList.match``)."""
    best = None
    for q, position, media, written in accept:
        for rank, mime in enumerate(mimes):
            if _accepts(media, mime):
                key = (-q, rank, position)
                if best is None or key < best[0]:
                    best = (key, mime, written)
    return (best[1], best[2]) if best else (None, None)


def _route_format(request: Any) -> tuple[str | None, str]:
    route = getattr(request, "route", None)
    if route is None:
        return None, ""
    extra = getattr(route, "extra", None)
    value = getattr(extra, "error_format", None)
    if value not in RENDERERS_BY_CONFIG:
        value = getattr(getattr(route, "ctx", None), "error_format", None)
    name = str(getattr(route, "name", "") or "")
    return (value if value in RENDERERS_BY_CONFIG else None), name


def _json_clue(req: Any, accept: list[tuple[float, int, tuple[str, str], str]]) -> str | None:
    """Where a JSON request shows itself: the Accept list, the Content-Type, or the body."""
    if any(media == ("application", "json") for _, _, media, _ in accept):
        return "request.accept"
    headers = getattr(req, "headers", None) or {}
    if JSON in str(headers.get("content-type", "") or "").lower():
        return "content-type"
    try:
        parsed = req.json
    except AttributeError:  # not a full request: look at the body itself
        raw = getattr(req, "body", b"") or b""
        try:
            parsed = _json.loads(raw) if isinstance(raw, (bytes, bytearray)) else None
        except ValueError:
            parsed = None
    except Exception:  # an unparsable body is no clue
        return None
    return "request.json" if parsed else None


def _formats(req: Any, fallback: str, accept: list[Any]) -> dict[str, str]:
    """Candidate formats, best first, each with where it came from (for the debug log)."""
    formats: dict[str, str] = {}
    route_format, route_name = _route_format(req)
    if route_format:
        formats[route_format] = route_name
    if not formats and fallback in RENDERERS_BY_CONFIG:
        formats[fallback] = "FALLBACK_ERROR_FORMAT"
    if not formats and fallback == DEFAULT_FORMAT and _match(accept, [JSON])[0]:
        clue = _json_clue(req, accept) if req is not None else None
        if clue:
            formats["json"] = clue
    if fallback == DEFAULT_FORMAT:
        for name in ("text", "json", "html"):
            formats.setdefault(name, "any")
    return formats


def _guess(req: Any, fallback: str) -> str | None:
    headers = getattr(req, "headers", None) or {}
    # RFC 9110 5.3: several Accept lines are one list (Sanic reads the first).
    written = str(field_lines(headers, "accept") or "*/*")
    accept = _parse_accept(written)
    formats = _formats(req, fallback, accept)
    mime, entry = _match(accept, [MIME_BY_CONFIG[name] for name in formats])
    if mime:
        name = CONFIG_BY_MIME[mime]
        _log_choice("The client accepts %s, using '%s' from %s", entry, name, formats[name])
        if formats[name] == "request.json":
            _warn_json_body_choice(req)
    else:
        listed = ", ".join(item[3] for item in sorted(accept, key=lambda i: (-i[0], i[1])))
        _log_choice("No format found, the client accepts %s", f"[{listed}]")
    return mime


def _warn_json_body_choice(req: Any) -> None:
    # As Sanic: a JSON page chosen only because the body parses as JSON (no Accept or
    # Content-Type asked for it) is a deprecated guess, warned once per route.
    route = getattr(getattr(req, "route", None), "name", None)
    deprecation(
        "Response type was determined by the JSON content of the request. This behavior "
        "is deprecated and will be removed in v24.3. Please specify the format either by\n"
        f'  error_format="json" on route {route}, by\n'
        '  FALLBACK_ERROR_FORMAT = "json", or by adding header\n'
        "  accept: application/json to your requests.",
        24.3,
    )


def guess_mime(req: Any, fallback: str) -> str:
    """The MIME type of the error page for ``req`` (see the module docstring).

    Logs its choice at debug level on ``sanic.root`` (``Error Page: ...``), as Sanic.
    An empty string when the client accepts none of the candidates (or ``fallback`` is
    no format): ``exception_response`` then uses its ``base`` renderer, as Sanic's.
    """
    return _guess(req, fallback) or ""


def _log_choice(message: str, *args: Any) -> None:
    # As Sanic: a template and its arguments (log pipelines group records by template).
    _logger.debug(f"Error Page: {message}", *args, stacklevel=3)


def exception_response(
    request: Any,
    exception: BaseException,
    debug: bool,
    fallback: str,
    base: type[BaseRenderer],
    renderer: type[BaseRenderer] | None = None,
) -> HTTPResponse:
    """Render ``exception`` for ``request`` as an ``HTTPResponse``.

    ``renderer`` forces a renderer; otherwise it is chosen by ``guess_mime`` and
    ``base`` is used when nothing matches.
    """
    if renderer is None:
        mime = _guess(request, fallback)
        renderer = RENDERERS_BY_CONTENT_TYPE.get(mime, base) if mime else base
    return renderer(request, exception, debug).render()


__all__ = [
    "BaseRenderer",
    "CONFIG_BY_MIME",
    "DEFAULT_FORMAT",
    "FALLBACK_STATUS",
    "FALLBACK_TEXT",
    "HTMLRenderer",
    "JSONRenderer",
    "MIME_BY_CONFIG",
    "RENDERERS_BY_CONFIG",
    "RENDERERS_BY_CONTENT_TYPE",
    "RESPONSE_MAPPING",
    "TextRenderer",
    "check_error_format",
    "escape",
    "exception_response",
    "guess_mime",
]

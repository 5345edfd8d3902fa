"""The inspector's HTTP API as a pure function of (method, path, headers, body).

No sockets here: :class:`InspectorService` turns one request into one reply, so the API
(auth, routing of actions, JSON in and out, error statuses) is tested without a server.

API (the same as Sanic's inspector):

- ``GET /`` -> ``{"meta": {"action": "info"}, "result": {"info": ..., "workers": ...}}``
- ``POST /<action>`` with an optional JSON object body -> calls the action with the body
  as keyword arguments -> ``{"meta": {"action": action}, "result": <return value>}``
- with an API key configured, every request needs ``Authorization: Bearer <key>`` (401);
  as Sanic, ``Token <key>`` and the key alone are accepted too.
"""

from __future__ import annotations

import hmac
import inspect
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from hurtle_http.accept import qvalue

JSON_TYPE = "application/json"
TEXT_TYPE = "text/plain; charset=utf-8"

error_logger = logging.getLogger("sanic.error")


@dataclass
class Reply:
    """One HTTP answer: status, extra headers, body and its content type."""

    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: dict[str, str] = field(default_factory=dict)
    #: For an error: its title and message, to render it as the client asks.
    title: str = ""
    message: str = ""


def _error(status: int, title: str, message: str, headers: dict[str, str] | None = None) -> Reply:
    heading = f"⚠️ {status} — {title}"
    text = f"{heading}\n{'=' * len(heading)}\n{message}\n\n"
    return Reply(status, text.encode(), TEXT_TYPE, dict(headers or {}), title, message)


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return ""


def wants_json(headers: Mapping[str, str]) -> bool:
    """Whether an error should be answered in JSON, as Sanic's inspector does: when the
    client's ``Accept`` names JSON (``application/json`` or ``application/*``) above any
    text type, or, with no such preference, when the request's body is JSON
    (``Content-Type: application/json``). ``*/*`` alone leaves the text page."""
    json_q = text_q = -1.0
    for part in _header(headers, "accept").split(","):
        media, *params = (item.strip() for item in part.split(";"))
        media = media.lower()
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                q = qvalue(value) or 0.0  # no qvalue weighs nothing, as in request.accept
        if media in ("application/json", "application/*"):
            json_q = max(json_q, q)
        elif media.startswith("text/"):
            text_q = max(text_q, q)
    if json_q > 0 or text_q > 0:
        return json_q > text_q
    content_type = _header(headers, "content-type").split(";", 1)[0].strip().lower()
    return content_type == JSON_TYPE


def _as_asked(reply: Reply, headers: Mapping[str, str]) -> Reply:
    """An error page in JSON when the client asks for it (see ``wants_json``)."""
    if not reply.title or not wants_json(headers):
        return reply
    payload = {"description": reply.title, "status": reply.status, "message": reply.message}
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return Reply(reply.status, body, JSON_TYPE, reply.headers, reply.title, reply.message)


def _ok(action: str, result: Any) -> Reply:
    payload = {"meta": {"action": action}, "result": result}
    return Reply(200, json.dumps(payload, separators=(",", ":"), default=_jsonable).encode())


def _jsonable(value: Any) -> Any:
    """Dates as ISO 8601 (``2026-12-05T05:29:16.578370+00:00``), anything else as str."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


class InspectorService:
    """Route inspector requests to ``actions`` (name -> callable) and ``info()``.

    ``actions`` are called with the JSON body's keys as keyword arguments; an action whose
    name starts with ``_`` can never be reached.
    """

    def __init__(
        self,
        info: Callable[[], Any],
        actions: Mapping[str, Callable[..., Any]],
        api_key: str = "",
    ) -> None:
        self._info = info
        self._actions = {k: v for k, v in actions.items() if not k.startswith("_")}
        self._api_key = api_key or ""

    def authorized(self, headers: Mapping[str, str]) -> bool:
        """Whether the request carries the configured API key (always true without one)."""
        if not self._api_key:
            return True
        value = ""
        for key, val in headers.items():
            if key.lower() == "authorization":
                value = val
                break
        scheme, space, token = value.partition(" ")
        if not space:
            token = scheme  # as Sanic: the key alone, without a scheme, is accepted
        elif scheme.lower() not in ("bearer", "token"):
            # As Sanic's request.token: `Bearer` or `Token`. The scheme is read without
            # regard to case (RFC 9110 11.1); Sanic refuses `bearer`.
            return False
        # A header's undecodable bytes arrive as surrogate escapes: compare the raw bytes.
        given = token.strip().encode("utf-8", "surrogateescape")
        return hmac.compare_digest(given, self._api_key.encode("utf-8", "surrogateescape"))

    def handle(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """Answer one request whose action is a plain (not async) function."""
        return _as_asked(self._handle(method, path, headers, body), headers)

    def _handle(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Reply:
        planned = self._plan(method, path, headers, body)
        if isinstance(planned, Reply):
            return planned
        action, func, args, kwargs = planned
        try:
            result = func(*args, **kwargs)
        except Exception as exc:  # an action's failure is the client's answer, not a crash
            return _failed(action, exc, path)
        if inspect.isawaitable(result):
            _close(result)
            return _error(500, "Internal Server Error",
                          f"Action '{action}' is async: answer it with respond()")
        return _ok(action, result)

    async def respond(self, method: str, path: str, headers: Mapping[str, str],
                      body: bytes, url: str = "") -> Reply:
        """Answer one request, awaiting the action when it is a coroutine function.

        ``url`` (the request's full URL) names the request in the log when its action
        fails, as Sanic's error log does; the path is used without it.
        """
        return _as_asked(await self._respond(method, path, headers, body, url), headers)

    async def _respond(self, method: str, path: str, headers: Mapping[str, str],
                       body: bytes, url: str = "") -> Reply:
        planned = self._plan(method, path, headers, body)
        if isinstance(planned, Reply):
            return planned
        action, func, args, kwargs = planned
        try:
            result = func(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
        except Exception as exc:  # an action's failure is the client's answer, not a crash
            return _failed(action, exc, url or path)
        return _ok(action, result)

    def _plan(self, method: str, path: str, headers: Mapping[str, str],
              body: bytes) -> Reply | tuple[str, Callable[..., Any], list[Any],
                                             dict[str, Any]]:
        """The reply when the request is answered without an action, else what to call."""
        if not self.authorized(headers):
            return _error(401, "Unauthorized", "Bad API key")
        path = path.split("?", 1)[0]
        action = action_of(path)
        if action is None:
            return _error(404, "Not Found", f"Requested URL {path} not found")
        if not action:
            if method not in ("GET", "HEAD"):
                return _error(405, "Method Not Allowed", f"Method {method} not allowed for URL {path}",
                              {"Allow": "GET"})
            return _ok("info", self._info())
        if method != "POST":
            return _error(405, "Method Not Allowed", f"Method {method} not allowed for URL {path}",
                          {"Allow": "POST"})
        kwargs: dict[str, Any] = {}
        if body:  # as Sanic: a body of blanks is malformed JSON, not "no arguments"
            try:
                kwargs = json.loads(body)
            except (ValueError, RecursionError):  # nested too deep is malformed too
                return _error(400, "Bad Request", "Failed when parsing body as json")
            if not isinstance(kwargs, dict):
                return _error(400, "Bad Request", "The body must be a JSON object of arguments")
        func = self._actions.get(action)
        if func is None:
            # Sanic answers unknown actions with a null result rather than an error.
            return _ok(action, None)
        # As Sanic: a list under "args" (``sanic inspect cmd one two``) is passed by position,
        # and "args" is never a keyword. Anything else is refused: Sanic spreads whatever
        # iterates (a string's characters, an object's keys) and fails on the rest.
        args = kwargs.pop("args", [])
        if not isinstance(args, list):
            return _error(400, "Bad Request",
                          f"Bad arguments for action '{action}': \"args\" is a JSON list of "
                          f"positional arguments, such as [\"a\", 2], not {json.dumps(args)}")
        try:
            inspect.signature(func).bind(*args, **kwargs)
        except TypeError as exc:
            return _error(400, "Bad Request", f"Bad arguments for action '{action}': {exc}")
        return action, func, args, kwargs


def action_of(path: str) -> str | None:
    """The action a request path names: ``""`` for the info (``/``), ``None`` for a path
    that names none (a 404). As Sanic's routes: trailing slashes do not count
    (``/reload/``), leading ones do (``//reload`` is no action, ``//`` is the info)."""
    trimmed = path.rstrip("/")
    action = trimmed[1:]
    return None if "/" in action else action


def _failed(action: str, exc: Exception, path: str) -> Reply:
    # The operator sees the traceback in the server's log, as for any failed request.
    error_logger.error("Exception occurred while handling uri: %r", path, exc_info=exc)
    return _error(500, "Internal Server Error", f"Action '{action}' failed: {exc}")


def _close(awaitable: Any) -> None:
    close = getattr(awaitable, "close", None)
    if close is not None:
        close()


__all__ = ["InspectorService", "Reply", "action_of"]

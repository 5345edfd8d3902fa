"""A client for a running inspector: what ``sanic inspect`` uses."""

from __future__ import annotations

import json
import ssl
import sys
from typing import TYPE_CHECKING, Any, TextIO
from urllib.error import HTTPError, URLError

if TYPE_CHECKING:
    from urllib.request import Request

# ``urllib.request`` (which loads the ``email`` package) is imported when a command is sent,
# not when a server that runs an inspector starts.


class InspectorError(Exception):
    """The inspector could not be reached, or refused the command."""


class InspectorClient:
    """Talk to an inspector at ``host:port`` (``secure`` for TLS, ``api_key`` for auth)."""

    def __init__(
        self,
        host: str = "localhost",
        port: int = 6457,
        secure: bool = False,
        raw: bool = False,
        api_key: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.host = host
        self.port = port
        self.scheme = "https" if secure else "http"
        self.raw = raw
        self.api_key = api_key
        self.timeout = timeout

    def _open(self, req: Request, **kwargs: Any) -> Any:
        """Send ``req`` (a subclass may route this through another opener)."""
        from urllib.request import urlopen

        return urlopen(req, **kwargs)

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"

    def request(self, action: str = "", method: str | None = None, **kwargs: Any) -> Any:
        """Send one command; return the decoded ``result``. Raises InspectorError.

        ``method`` defaults to GET for the info (no action) and POST for an action.
        """
        method = method or ("POST" if action else "GET")
        url = f"{self.base_url}/{action}"
        data = json.dumps(kwargs).encode() if method == "POST" else None
        from urllib.request import Request

        req = Request(url, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.api_key:
            req.add_header("Authorization", f"Bearer {self.api_key}")
        context = None
        if self.scheme == "https":
            # As Sanic: the inspector's certificate is verified (the request carries the
            # API key). One the system does not trust is named with SSL_CERT_FILE.
            context = ssl.create_default_context()
        try:
            with self._open(req, timeout=self.timeout, context=context) as resp:
                body = resp.read()
        except HTTPError as exc:
            detail = exc.read().decode(errors="replace").strip()
            raise InspectorError(f"Inspector answered {exc.code}: {detail}") from None
        except (URLError, OSError) as exc:
            raise InspectorError(
                f"Could not connect to inspector at: {self.base_url}\n"
                "Either the application is not running, or it did not start an inspector "
                f"instance (set INSPECTOR=True).\n{exc}"
            ) from None
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
            why = "not JSON"
        else:
            why = "" if isinstance(payload, dict) and "result" in payload else "no result"
        if why:
            # Another server on that port (an app's own): Sanic's client ends with a
            # JSONDecodeError (text) or TypeError (other JSON) traceback; this says what
            # answered, and the command fails.
            raise InspectorError(
                f"{self.base_url} answered, but not as an inspector does ({why}): "
                f"{body[:80]!r}. Is the inspector on another port (INSPECTOR_PORT, "
                "default 6457)?"
            )
        return payload["result"]

    def info(self) -> Any:
        """The app's info and the state of every worker."""
        return self.request()

    def do(self, action: str, **kwargs: Any) -> Any:
        """Run an action (``reload``, ``shutdown``, ``scale`` or a custom one)."""
        return self.request(action, "POST", **kwargs)

    def show(self, result: Any, out: TextIO | None = None) -> None:
        """Print a result: raw JSON, or the info layout for ``info()`` (to ``out``, by
        default whatever ``sys.stdout`` is when called)."""
        out = sys.stdout if out is None else out
        if result is None:
            if self.raw:
                out.write("null\n")  # as Sanic: --raw shows every answer, even an empty one
            return  # as Sanic: an action with nothing to say prints nothing
        if isinstance(result, str) and not self.raw:
            out.write(result + "\n")  # a custom action's message, as it is
            return
        if self.raw or not (isinstance(result, dict) and "workers" in result):
            out.write(json.dumps(result, separators=(",", ":"), default=str) + "\n")
            return
        info = dict(result.get("info", {}))
        extra = info.pop("extra", None)
        if isinstance(extra, dict):
            info.update(extra)  # MOTD_DISPLAY lines, shown like the banner shows them
        elif extra is not None:
            info["extra"] = extra
        out.write(f"Inspecting @ {self.base_url}\n")
        for key, value in info.items():
            if isinstance(value, list):
                value = ", ".join(map(str, value))
            out.write(f"  {key:>9}: {value}\n")
        for name, state in result.get("workers", {}).items():
            out.write(f"\n  {name}\n")
            for key, value in state.items():
                out.write(f"  \t{key}: {value}\n")


__all__ = ["InspectorClient", "InspectorError"]

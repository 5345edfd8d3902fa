"""``ConnInfo``: local and remote addresses and TLS status of a connection."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


class ConnInfo:
    """Local and remote addresses and SSL status info of one connection."""

    __slots__ = (
        "client_port",
        "client",
        "client_ip",
        "ctx",
        "lost",
        "peername",
        "server_port",
        "server",
        "server_name",
        "sockname",
        "ssl",
        "cert",
        "network_paths",
    )

    def __init__(self, transport: Any, unix: str | None = None) -> None:
        self.ctx = SimpleNamespace()
        self.lost = False
        self.peername: Any = None
        self.server = self.client = ""
        self.server_port = self.client_port = 0
        self.client_ip = ""
        self.sockname = addr = transport.get_extra_info("sockname")
        self.ssl = False
        self.server_name = ""
        self.cert: dict[str, Any] = {}
        self.network_paths: Any = None
        sslobj = transport.get_extra_info("ssl_object")
        sslctx = transport.get_extra_info("sslcontext")
        if sslobj is not None or sslctx is not None:
            self.ssl = True
            if sslobj is not None:
                # The SNI name the client asked for (recorded by the server's SNI callback),
                # and what the serving certificate's context says about it (Sanic's
                # ``context.sanic``: subject fields, cert and key paths, names).
                self.server_name = (
                    getattr(sslobj, "sanic_server_name", None)
                    or getattr(sslobj, "server_hostname", None) or ""
                )
                self.cert = dict(getattr(sslobj.context, "sanic", None) or {})
        if isinstance(addr, str):  # UNIX socket
            self.server = unix or addr
            self.network_paths = []
            return
        # IPv4 (ip, port) or IPv6 (ip, port, flowinfo, scopeid)
        if isinstance(addr, tuple):
            self.server = addr[0] if len(addr) == 2 else f"[{addr[0]}]"
            self.server_port = addr[1]
            # self.server gets non-standard port appended
            if addr[1] != (443 if self.ssl else 80):
                self.server = f"{self.server}:{addr[1]}"
        self.peername = addr = transport.get_extra_info("peername")
        if isinstance(addr, tuple):
            self.client = addr[0] if len(addr) == 2 else f"[{addr[0]}]"
            self.client_ip = addr[0]
            self.client_port = addr[1]


__all__ = ["ConnInfo"]

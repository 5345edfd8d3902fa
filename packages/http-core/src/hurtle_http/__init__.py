"""HTTP/1.1 and websockets on asyncio: protocol, Request, responses, cookies, serve()."""

from hurtle_http.__about__ import __version__

__all__ = ["__version__"]

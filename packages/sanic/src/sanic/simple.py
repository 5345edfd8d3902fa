"""``sanic.simple``: an app that serves one folder (``sanic ./folder --simple``)."""

from __future__ import annotations

from pathlib import Path

from hurtle_http.exceptions import SanicException
from sanic.app import Sanic
from sanic.worker.loader import simple_app


def create_simple_server(directory: Path) -> Sanic:
    """An app named ``SimpleServer`` serving the files of ``directory`` (index.html at /)."""
    if not Path(directory).is_dir():
        raise SanicException(
            "Cannot setup Sanic Simple Server without a path to a directory: "
            f"{str(directory)!r} is not a folder"
        )
    return simple_app(Path(directory))


__all__ = ["Sanic", "SanicException", "create_simple_server"]

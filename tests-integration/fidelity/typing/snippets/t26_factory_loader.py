from functools import partial
from typing import reveal_type

from sanic import Sanic
from sanic.worker.loader import AppLoader


def create_app(name: str) -> Sanic:
    return Sanic(name)
def main() -> None:
    loader = AppLoader(factory=partial(create_app, "T26"))
    app = loader.load()
    reveal_type(app)
    app.prepare(port=9999, dev=True)
    Sanic.serve(primary=app, app_loader=loader)

"""PacktPublishing/Python-Web-Development-with-Sanic, Chapter02/booktracker (src/server.py,
utilities/app_factory.py, utilities/autodiscovery.py, blueprints/v1/book, v1/author,
v2/book, v2/group.py; the book's code repository, no licence file stored with it). An
app factory that finds blueprints and blueprint groups among a module's members
(`inspect.getmembers`), drops the blueprints a group already holds (`group.blueprints`)
and registers the rest in set order; a v1 `Book` blueprint and a `Bookv2` blueprint with
the same `url_prefix="/book"` and route `"/"`, the second inside
`Blueprint.group(book_bp, version=2)`; a `main_process_start` listener logging every
route's `route.path`.

Changed: the five modules are built here as module objects (`types.ModuleType`) holding
what each file defines, and passed to `autodiscover` as modules (it takes names or
modules), instead of being imported by dotted name from a `src` package; `__main__` runs
the app (the book runs `sanic src.server:app`) with the port from APP_PORT.
"""

import os
import sys
from importlib import import_module
from inspect import getmembers
from types import ModuleType
from typing import Optional, Sequence, Union

from sanic import Blueprint, HTTPResponse, Request, Sanic, json
from sanic.blueprints import BlueprintGroup
from sanic.log import logger


# src/blueprints/v1/book/view.py
v1_book = ModuleType("src.blueprints.v1.book.view")
v1_book.bp = Blueprint("Book", url_prefix="/book")


@v1_book.bp.get("/")
async def get_all_books(request: Request) -> HTTPResponse:
    return json(["The Adventures of Tom Sawyer", "Treasure Island"])


# src/blueprints/v1/author/view.py
v1_author = ModuleType("src.blueprints.v1.author.view")
v1_author.bp = Blueprint("Author", url_prefix="/author")


@v1_author.bp.get("/")
async def get_all_authors(request: Request) -> HTTPResponse:  # as written also get_all_books
    return json(["Mark Twain", "Robert Louis Stevenson"])


# src/blueprints/v2/book/view.py
v2_book = ModuleType("src.blueprints.v2.book.view")
v2_book.bp = Blueprint("Bookv2", url_prefix="/book")


@v2_book.bp.get("/")
async def get_all_books_v2(request: Request) -> HTTPResponse:  # as written get_all_books
    return json({"books": ["The Adventures of Tom Sawyer", "Treasure Island"]})


# src/blueprints/v2/group.py
v2_group = ModuleType("src.blueprints.v2.group")
v2_group.book_bp = v2_book.bp
v2_group.Blueprint = Blueprint
v2_group.group = Blueprint.group(v2_group.book_bp, version=2)


# src/utilities/autodiscovery.py
def autodiscover(app, *module_names: Union[str, ModuleType]):
    mod = app.__module__
    blueprints = set()

    def _find_bps(module):
        nonlocal blueprints
        found_blueprints = set()
        found_blueprint_groups = set()

        for _, member in getmembers(module):
            if isinstance(member, Blueprint):
                found_blueprints.add(member)
            elif isinstance(member, BlueprintGroup):
                found_blueprint_groups.add(member)

        # If a module imports a bp in the same file as a BlueprintGroup is
        # created, then we want to remove the Bluesprints in that group
        # so we subtract any blueprints that are grouped from those found
        # in the module.
        blueprints.update(
            found_blueprints
            - {
                bp
                for group in found_blueprint_groups
                for bp in group.blueprints
            }
        )

        # Add in any blueprint groups
        blueprints.update(found_blueprint_groups)

    for module in module_names:
        if isinstance(module, str):
            module = import_module(module, mod)
        _find_bps(module)

    for bp in blueprints:
        app.blueprint(bp)


# src/utilities/app_factory.py
DEFAULT_BLUEPRINTS = [v1_book, v1_author, v2_group]


def create_app(
    init_blueprints: Optional[Sequence[str]] = None,
) -> Sanic:
    app = Sanic("BookTracker")

    if not init_blueprints:
        init_blueprints = DEFAULT_BLUEPRINTS

    autodiscover(app, *init_blueprints)

    return app


# src/server.py
app = create_app()


@app.main_process_start
def display_routes(app, _):
    logger.info("Registered routes:")
    for route in sorted(app.router.routes, key=lambda r: r.path):  # sorted here: set order
        logger.info(f"> /{route.path}")


@app.get("/_routes")  # added: the route table as the app sees it
async def routes(request):
    return json(sorted((r.path, r.name, sorted(r.methods)) for r in app.router.routes))


if __name__ == "__main__":
    app.run(port=int(os.environ.get("APP_PORT", "8000")))

"""An AutoHotkey docs search API (``Sanic("ahkdocs_api")``): a blueprint with
``url_prefix="/api"``, handlers answering ``HTTPResponse(status=400)`` for bad JSON
shapes, a fuzzy search over names loaded by a ``@app.signal("server.init.before")``
handler that takes ``(app, loop)`` and puts a pool on ``app.ctx``; ``app.run`` at module
level. Stand-ins: asyncpg (a pool over two dict tables), rapidfuzz's
``process.extract``/``fuzz.token_ratio`` (difflib); the port comes from APP_PORT."""

import asyncio
import difflib
import os
import types

from sanic import Blueprint, Request, Sanic
from sanic.response import HTTPResponse, json

# --- stand-ins -----------------------------------------------------------------------------
NAMES = [{"v": 1, "docs_id": 1, "name": "MsgBox"}, {"v": 1, "docs_id": 2, "name": "InputBox"},
         {"v": 2, "docs_id": 3, "name": "MsgBox"}, {"v": 2, "docs_id": 4, "name": "Map"},
         {"v": 2, "docs_id": 5, "name": "Array"}]
ENTRIES = {i: {"id": i, "v": 1 + (i > 2), "name": n, "page": f"/docs/{n}.htm", "fragment": None,
               "content": f"{n} content", "syntax": f"{n}()", "version": "x", "parents": [None, 5] if i == 4 else []}
           for i, n in [(1, "MsgBox"), (2, "InputBox"), (3, "MsgBox"), (4, "Map"), (5, "Array")]}


class _Conn:
    async def fetch(self, sql):
        return NAMES

    async def fetchrow(self, sql, docs_id):
        return ENTRIES[docs_id]

    def transaction(self):
        return self

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


class _Pool:
    def acquire(self):
        return _Conn()


async def _create_pool(dsn):
    await asyncio.sleep(0)
    return _Pool()

asyncpg = types.SimpleNamespace(create_pool=_create_pool, Connection=_Conn)
config = types.SimpleNamespace(DB_BIND="postgres://stand-in")


def _token_ratio(a, b):
    return round(difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() * 100, 1)


def _extract(query, choices, scorer, processor, limit):
    scored = [(c, scorer(query, c), i) for i, c in enumerate(choices)]
    return sorted(scored, key=lambda t: (-t[1], t[2]))[:limit]

fuzz = types.SimpleNamespace(token_ratio=_token_ratio)
process = types.SimpleNamespace(extract=_extract)

# --- the app -------------------------------------------------------------------------------
app = Sanic("ahkdocs_api")

api = Blueprint("api", url_prefix="/api")


def docs_search(names, query, k=8):
    if not query:
        return []

    query = query.strip()

    ratio = process.extract(
        query=query,
        choices=names,
        scorer=fuzz.token_ratio,
        processor=None,
        limit=10,
    )

    tweak = list()
    query = query.lower()

    for name, score, junk in ratio:
        lower = name.lower()

        if query[0] == lower[0]:
            score += 5

        if lower == query:
            score += 40

        if lower.startswith(query):
            score += 20

        if query in lower:
            score += 10

        tweak.append((name, score))

    tweak = list(sorted(tweak, key=lambda v: v[1], reverse=True))

    l = list(name for name, score in tweak)[:k]

    return l


async def get_entry(conn, docs_id: int, with_parents=True):
    row = await conn.fetchrow("SELECT * FROM docs_entry WHERE id=$1", docs_id)

    o = dict(
        id=row.get("id"),
        v=row.get("v"),
        name=row.get("name"),
        page=row.get("page"),
        fragment=row.get("fragment"),
        content=row.get("content"),
        syntax=row.get("syntax"),
        version=row.get("version"),
    )

    if with_parents:
        parents = []
        for parent_id in row.get("parents"):
            if parent_id is None:
                continue
            parents.append(await get_entry(conn, parent_id, with_parents=False))
        o["parents"] = parents

    return o


@api.post("/search")
async def search(request: Request):
    data = request.json

    if data is None:
        return HTTPResponse(status=400)

    q = data.get("q", None)
    v = data.get("v", None)

    if q is None or v is None:
        return HTTPResponse(status=400)

    if not isinstance(q, str) or not isinstance(v, int):
        return HTTPResponse(status=400)

    names = app.ctx.names[v]

    res = docs_search(names, q, k=5)
    return json(res)


@api.post("/entry")
async def entry(request: Request):
    data = request.json

    if data is None:
        return HTTPResponse(status=400)

    q = data.get("q", None)
    v = data.get("v", None)

    if q is None or v is None:
        return HTTPResponse(status=400)

    if not isinstance(q, str) or not isinstance(v, int):
        return HTTPResponse(status=400)

    names = app.ctx.names[v]

    res = docs_search(names, q, k=1)
    docs_id = app.ctx.id_map[v][res[0]]

    async with app.ctx.pool.acquire() as conn:
        async with conn.transaction():
            return json(await get_entry(conn, docs_id))


app.blueprint(api)


@app.signal("server.init.before")
async def setup(app, loop):
    pool = await asyncpg.create_pool(config.DB_BIND)

    async with pool.acquire() as conn:
        async with conn.transaction():
            res = await conn.fetch("SELECT * FROM docs_name")
            id_map = {v: {} for v in (1, 2)}
            names = {v: [] for v in (1, 2)}

            for row in res:
                v = row.get("v")
                docs_id = row.get("docs_id")
                name = row.get("name")
                id_map[v][name] = docs_id
                names[v].append(name)

    app.ctx.names = names
    app.ctx.id_map = id_map
    app.ctx.pool = pool
    print("setup done:", {v: len(n) for v, n in names.items()}, type(loop).__name__)


# As written app.run is at module level: the worker process imports the module again and
# both stop with exit 1 (Sanic: "context has already been set", Hurtle: the address in
# use, each saying to move it under __main__; listed); moved there to compare the rest.
if __name__ == "__main__":
    app.run("127.0.0.1", int(os.environ["APP_PORT"]))

"""A double-entry ledger on SQLite (written for this round): each request gets its own
connection and transaction in ``request.ctx`` from an ``on_request`` middleware; the
``on_response`` middleware commits on a 2xx/3xx answer and rolls back otherwise (a handler
raising, a 4xx by hand, a ``SanicException`` with ``extra=``); a ``before_server_start``
listener builds the schema in a file under the temp dir, ``after_server_stop`` removes it.
Transfers read JSON bodies (bad JSON, wrong types, missing keys, a negative amount), an
account name in the path is unquoted by ``unquote=True``."""

import os
import sqlite3
import tempfile

from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound, SanicException
from sanic.response import empty, json

app = Sanic("ledger")


class Overdrawn(SanicException):
    status_code = 409
    message = "insufficient funds"


@app.before_server_start
async def schema(app, _):
    app.ctx.path = os.path.join(tempfile.gettempdir(), f"ledger-{os.getpid()}.db")
    db = sqlite3.connect(app.ctx.path)
    db.executescript(
        "DROP TABLE IF EXISTS acct; DROP TABLE IF EXISTS entry;"
        "CREATE TABLE acct (name TEXT PRIMARY KEY, balance INTEGER NOT NULL);"
        "CREATE TABLE entry (id INTEGER PRIMARY KEY, src TEXT, dst TEXT, amount INTEGER);"
        "INSERT INTO acct VALUES ('alice', 100), ('bob', 20), ('caf\u00e9 du coin', 5);"
    )
    db.commit()
    db.close()


@app.after_server_stop
async def cleanup(app, _):
    os.unlink(app.ctx.path)


@app.on_request
async def begin(request):
    request.ctx.db = sqlite3.connect(request.app.ctx.path, isolation_level="DEFERRED")
    request.ctx.db.execute("BEGIN")


@app.on_response
async def finish(request, response):
    db = getattr(request.ctx, "db", None)
    if db is None:
        return
    if response.status < 400:
        db.commit()
        response.headers["x-tx"] = "commit"
    else:
        db.rollback()
        response.headers["x-tx"] = "rollback"
    db.close()


def _balance(db, name):
    row = db.execute("SELECT balance FROM acct WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise NotFound(f"no account {name!r}")
    return row[0]


@app.get("/accounts")
async def accounts(request):
    rows = request.ctx.db.execute("SELECT name, balance FROM acct ORDER BY name").fetchall()
    return json(dict(rows))


@app.get("/accounts/<name>", unquote=True)
async def account(request, name):
    return json({"name": name, "balance": _balance(request.ctx.db, name)})


@app.post("/transfers")
async def transfer(request):
    body = request.json
    if not isinstance(body, dict):
        raise BadRequest("a JSON object is expected")
    try:
        src, dst, amount = body["from"], body["to"], body["amount"]
    except KeyError as exc:
        raise BadRequest(f"missing {exc.args[0]}") from None
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise SanicException("amount must be a positive integer", status_code=422,
                             extra={"amount": amount})
    db = request.ctx.db
    db.execute("UPDATE acct SET balance = balance - ? WHERE name = ?", (amount, src))
    db.execute("UPDATE acct SET balance = balance + ? WHERE name = ?", (amount, dst))
    db.execute("INSERT INTO entry (src, dst, amount) VALUES (?, ?, ?)", (src, dst, amount))
    _balance(db, dst)  # the debit above is undone by the rollback if dst is unknown
    if _balance(db, src) < 0:
        raise Overdrawn(extra={"from": src})
    return json({"ok": True, "from": _balance(db, src), "to": _balance(db, dst)}, status=201)


@app.post("/broken")
async def broken(request):
    request.ctx.db.execute("UPDATE acct SET balance = 0")
    raise RuntimeError("crash after the update")


@app.post("/soft-fail")
async def soft_fail(request):
    request.ctx.db.execute("UPDATE acct SET balance = 999 WHERE name = 'bob'")
    return json({"error": "refused by hand"}, status=400)


@app.get("/entries")
async def entries(request):
    rows = request.ctx.db.execute("SELECT id, src, dst, amount FROM entry").fetchall()
    return json([list(r) for r in rows])


@app.delete("/entries")
async def clear(request):
    request.ctx.db.execute("DELETE FROM entry")
    return empty()

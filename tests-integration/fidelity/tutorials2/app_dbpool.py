"""A database pool on app.ctx (pattern origin: r3ap3rpy/sanic-web-framework listeners,
fumiya-kubota/sanic-gino-boilerplate, the sanic community thread on sharing a pool,
Gdeon1337/sanic_template's `register_extensions(app)`): a fake asyncpg-like pool made in
`before_server_start` (a listener registered with `register_listener`, one taking only
`app`, one sync), connections acquired per request with `async with`, a transaction
rolled back on error, the pool closed in `after_server_stop`, `main_process_start`."""

import asyncio
import contextlib

from sanic import Sanic
from sanic.log import logger
from sanic.response import json

app = Sanic("TutDbPool")


class FakeConn:
    def __init__(self, pool):
        self.pool = pool
        self.pending: list = []

    async def execute(self, sql, *args):
        await asyncio.sleep(0)
        if "FAIL" in sql:
            raise ValueError("syntax error at FAIL")
        self.pending.append((sql, args))

    async def fetch(self, sql):
        return list(self.pool.rows)

    @contextlib.asynccontextmanager
    async def transaction(self):
        try:
            yield
        except Exception:
            self.pending.clear()
            raise
        else:
            self.pool.rows.extend(a[0] for _, a in self.pending if a)
            self.pending.clear()


class FakePool:
    def __init__(self, dsn):
        self.dsn = dsn
        self.rows: list = []
        self.in_use = 0
        self.closed = False

    @contextlib.asynccontextmanager
    async def acquire(self):
        self.in_use += 1
        try:
            yield FakeConn(self)
        finally:
            self.in_use -= 1

    async def close(self):
        self.closed = True


async def create_pool(app, loop):
    app.ctx.pool = FakePool(app.config.get("DB_DSN", "postgres://localhost/db"))
    logger.info("pool created for %s", app.ctx.pool.dsn)


def sync_listener(app):
    app.ctx.sync_ran = True


@app.main_process_start
async def main_start(app):
    logger.info("main process start")


@app.after_server_stop
async def close_pool(app):
    await app.ctx.pool.close()
    logger.info("pool closed")


app.register_listener(create_pool, "before_server_start")
app.register_listener(sync_listener, "after_server_start")


@app.post("/rows/<value>")
async def add_row(request, value):
    async with request.app.ctx.pool.acquire() as conn:
        async with conn.transaction():
            await conn.execute("INSERT INTO t VALUES ($1)", value)
            if value == "bad":
                await conn.execute("FAIL")
    return json({"added": value}, status=201)


@app.get("/rows")
async def rows(request):
    pool = request.app.ctx.pool
    async with pool.acquire() as conn:
        data = await conn.fetch("SELECT * FROM t")
    return json({"rows": data, "in_use": pool.in_use, "sync": request.app.ctx.sync_ran})

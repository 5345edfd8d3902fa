"""A session-backed shop front (written for this round): a fake connection pool opened in
``before_server_start`` and closed in ``after_server_stop`` on ``app.ctx``, a session
loaded in request middleware into ``request.ctx.session`` from a signed cookie and saved
in response middleware (``add_cookie`` with every attribute, ``delete_cookie`` on logout),
a cart kept in the session, CSRF checked on form posts, a per-request connection taken
from the pool and given back in response middleware, and ``redirect`` after posts."""

import asyncio
import hashlib
import hmac
import json as jsonlib
import logging
from datetime import datetime, timezone

from sanic import Sanic
from sanic.exceptions import Forbidden, NotFound
from sanic.response import html, json, redirect, text

log = logging.getLogger("shop")
app = Sanic("shop")
app.config.SESSION_KEY = "k3y"
app.config.COOKIE_NAME = "sid"
CATALOG = {"tea": 4, "mug": 12, "pot": 30}


class Pool:
    def __init__(self, size):
        self.free = asyncio.Queue()
        for i in range(size):
            self.free.put_nowait(f"conn{i}")
        self.sessions = {}
        self.closed = False

    async def acquire(self):
        return await asyncio.wait_for(self.free.get(), 1)

    def release(self, conn):
        self.free.put_nowait(conn)

    async def close(self):
        self.closed = True


@app.before_server_start
async def open_pool(app, loop):
    app.ctx.pool = Pool(2)
    app.ctx.counter = 0
    log.info("pool open with %d connections", app.ctx.pool.free.qsize())


@app.after_server_stop
async def close_pool(app):
    await app.ctx.pool.close()
    log.info("pool closed, %d sessions", len(app.ctx.pool.sessions))


def sign(value: str) -> str:
    mac = hmac.new(app.config.SESSION_KEY.encode(), value.encode(), hashlib.sha1).hexdigest()[:12]
    return f"{value}.{mac}"


def unsign(cookie):
    if not cookie or "." not in cookie:
        return None
    value, _, mac = cookie.rpartition(".")
    return value if hmac.compare_digest(sign(value), cookie) else None


@app.on_request
async def load_session(request):
    request.ctx.conn = await request.app.ctx.pool.acquire()
    sid = unsign(request.cookies.get(request.app.config.COOKIE_NAME))
    store = request.app.ctx.pool.sessions
    if sid is None or sid not in store:
        request.app.ctx.counter += 1
        sid = f"s{request.app.ctx.counter}"
        store[sid] = {"cart": {}, "user": None, "csrf": hashlib.md5(sid.encode()).hexdigest()[:8]}
        request.ctx.new_session = True
    else:
        request.ctx.new_session = False
    request.ctx.sid = sid
    request.ctx.session = store[sid]


@app.on_response
async def save_session(request, response):
    conn = getattr(request.ctx, "conn", None)
    if conn is not None:
        request.app.ctx.pool.release(conn)
    if getattr(request.ctx, "logout", False):
        response.delete_cookie(request.app.config.COOKIE_NAME, path="/")
        response.delete_cookie("flash")
        return
    if getattr(request.ctx, "new_session", False):
        response.add_cookie(request.app.config.COOKIE_NAME, sign(request.ctx.sid), path="/",
                            httponly=True, samesite="Lax", max_age=3600,
                            secure=request.args.get("secure") == "1")
    flash = getattr(request.ctx, "flash", None)
    if flash:
        response.add_cookie("flash", flash, path="/", max_age=5, samesite=None,
                            expires=datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc))


def csrf_protect(request):
    token = request.form.get("csrf") or request.headers.get("x-csrf-token")
    if token != request.ctx.session["csrf"]:
        raise Forbidden("CSRF token missing or wrong")


@app.get("/")
async def home(request):
    s = request.ctx.session
    return html(f"<h1>Shop</h1><p>user={s['user']} cart={sum(s['cart'].values())} "
                f"conn={request.ctx.conn} flash={request.cookies.get('flash')}</p>")


@app.post("/login")
async def login(request):
    csrf_protect(request)
    name = (request.form.get("name") or "").strip()
    if not name:
        return redirect("/?error=name", status=303)
    request.ctx.session["user"] = name
    request.ctx.flash = f"welcome {name}"
    return redirect(request.app.url_for("home"), status=303)


@app.post("/logout")
async def logout(request):
    request.app.ctx.pool.sessions.pop(request.ctx.sid, None)
    request.ctx.logout = True
    return redirect("/", status=303)


@app.post("/cart/<item>")
async def add_to_cart(request, item):
    csrf_protect(request)
    if item not in CATALOG:
        raise NotFound(f"{item} is not sold here")
    qty = int(request.form.get("qty", 1))
    cart = request.ctx.session["cart"]
    cart[item] = cart.get(item, 0) + qty
    return json({"cart": cart, "total": sum(CATALOG[k] * v for k, v in cart.items())})


@app.get("/cart")
async def cart(request):
    return json(request.ctx.session["cart"], headers={"Cache-Control": "private, no-store"})


@app.get("/csrf")
async def csrf(request):
    return text(request.ctx.session["csrf"])


@app.get("/debug/cookies")
async def debug_cookies(request):
    return json({"cookies": {k: request.cookies.getlist(k) for k in request.cookies},
                 "raw": request.headers.getall("cookie", [])})


@app.get("/pool")
async def pool(request):
    return json({"free": request.app.ctx.pool.free.qsize(), "sessions": len(request.app.ctx.pool.sessions)})


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(0.05)
    return text("slow")


@app.get("/boom")
async def boom(request):
    raise RuntimeError("db went away")


@app.get("/export")
async def export(request):
    response = await request.respond(content_type="application/x-ndjson")
    for item, qty in sorted(request.ctx.session["cart"].items()):
        await response.send(jsonlib.dumps({"item": item, "qty": qty}) + "\n")
    await response.eof()

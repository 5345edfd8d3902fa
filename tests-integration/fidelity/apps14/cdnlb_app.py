"""SilverCorvin/sanic_cdn_lb (app/main.py, app/helpers.py, app/conf/app.py, condensed; no
licence file in the stored copy). One route redirecting a client to the URL it passed in
`?video=` (`redirect(resource)` straight from the query), or to a CDN address built from it
with `urlparse`/`urlunparse` and cached, the CDN picked by weighted `random.choices`.

As written `Sanic()` has no name and `app.config.from_object(app_conf)` is gone (both
refused alike, as in earlier rounds), and `sanic_redis_ext.RedisExtension` sets
`app.redis` (refused alike once serving); here `Sanic("cdn_lb")`,
`app.update_config(app_conf)`, and the stand-in extension puts a dict-backed client on
`app.ctx.redis`. The CDN addresses are given defaults (their environment variables are
unset here) and `random` is seeded, so both servers pick the same CDNs in order.
"""

import random
from hashlib import sha256
from random import choices
from urllib.parse import urlparse, urlunparse

from sanic import Sanic
from sanic.response import json, redirect

random.seed(14)


class app_conf:
    CDN_A_ADDR = "cdn-a.example.net"
    CDN_B_ADDR = "cdn-b.example.net"
    CDN_A_WEIGHT = 10
    CDN_B_WEIGHT = 20
    ORIGIN_WEIGHT = 1
    REDIS_HOST = "127.0.0.1"
    REDIS_PORT = 6379
    ACCESS_LOG = False


# stand-in for sanic_redis_ext.RedisExtension
class _Redis:
    def __init__(self):
        self.data = {}

    async def get(self, key):
        return self.data.get(key)

    async def set(self, key, value):
        self.data[key] = value


def RedisExtension(app):
    app.ctx.redis = _Redis()


# helpers.py
def get_cdn_host(app):
    cdn_servers = [app.config.CDN_A_ADDR, app.config.CDN_B_ADDR, None]
    weights = [app.config.CDN_A_WEIGHT, app.config.CDN_B_WEIGHT, app.config.ORIGIN_WEIGHT]
    return choices(cdn_servers, weights=weights)[0]


def prepare_cdn_addr(payload, cdn_host):
    url = urlparse(payload)
    srv_name = url.hostname.split('.')[0]
    parts = (url.scheme, cdn_host, f'{srv_name}{url.path}', '', '', '')
    return urlunparse(parts)


def get_key(cdn_host, payload):
    m = sha256()
    m.update(cdn_host.encode())
    m.update(payload.encode())
    return m.hexdigest()


async def get_from_cache(app, payload, cdn_host):
    return await app.ctx.redis.get(get_key(cdn_host, payload))


async def store_in_cache(app, payload, cdn_host):
    addr = prepare_cdn_addr(payload, cdn_host)
    await app.ctx.redis.set(get_key(cdn_host, payload), addr)
    return addr


# main.py
app = Sanic("cdn_lb")
app.update_config(app_conf)
RedisExtension(app)


@app.route("/")
async def handle(request):
    resource = request.args.get('video')
    if not resource:
        return json({"error": "video parameter is required in get params"}, status=400)

    cdn_host = get_cdn_host(request.app)
    if not cdn_host:
        return redirect(resource)

    cached_value = await get_from_cache(request.app, resource, cdn_host)
    if cached_value:
        return redirect(cached_value)

    redirect_addr = await store_in_cache(request.app, resource, cdn_host)
    return redirect(redirect_addr)

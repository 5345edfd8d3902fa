import base64
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plainsession import cookie


def b64(text):
    return base64.b64encode(text.encode()).decode()


def session(obj):
    return cookie(obj)


def md5(text):
    return hashlib.md5(text.encode()).hexdigest()


def digest(user, password, uri, nonce="n0nce", opaque="0paque", method="GET", realm="vault"):
    resp = md5(f"{md5(f'{user}:{realm}:{password}')}:{nonce}:{md5(f'{method}:{uri}')}")
    return (f'Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
            f'response="{resp}", opaque="{opaque}"')


NONCE = session({"auth_nonce": "n0nce", "auth_opaque": "0paque"})
LOGGED = session({"_auth": {"uid": 3, "name": "ann"}, "n": 4})
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
FF = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"
REQS = [
    ("GET", "/basic"), ("GET", "/basic", {"Authorization": "Basic " + b64("ann:pw1")}),
    ("GET", "/basic", {"Authorization": "Basic " + b64("ann:nope")}),
    ("GET", "/basic", {"Authorization": "Basic " + b64("zed:pw1")}),
    ("GET", "/basic", {"Authorization": "basic " + b64("bob:pw2")}),
    ("GET", "/basic", {"Authorization": "Basic !!notbase64"}),
    ("GET", "/basic", {"Authorization": "Basic"}), ("GET", "/basic", {"Authorization": ""}),
    ("GET", "/basic", {"Authorization": "Bearer tok-ann"}),
    ("HEAD", "/basic", {"Authorization": "Basic " + b64("ann:pw1")}),
    ("OPTIONS", "/basic-any"), ("POST", "/basic-any"),
    ("POST", "/basic-any", {"Authorization": "Basic " + b64("bob:pw2")}),
    ("GET", "/digest"), ("GET", "/digest", {"Cookie": NONCE}),
    ("GET", "/digest", {"Cookie": NONCE, "Authorization": digest("ann", "pw1", "/digest")}),
    ("GET", "/digest", {"Cookie": NONCE, "Authorization": digest("ann", "pw2", "/digest")}),
    ("GET", "/digest", {"Cookie": NONCE,
                        "Authorization": digest("ann", "pw1", "/digest", nonce="old")}),
    ("GET", "/digest", {"Authorization": digest("ann", "pw1", "/digest")}),
    ("GET", "/bearer"), ("GET", "/bearer", {"Authorization": "Bearer tok-bob"}),
    ("GET", "/bearer", {"Authorization": "Bearer nope"}),
    ("GET", "/bearer", {"Authorization": "Bearer"}),
    ("GET", "/custom/7"), ("GET", "/custom/7", {"Authorization": "Token letmein"}),
    ("GET", "/custom/7", {"Authorization": "Token no"}),
    ("GET", "/multi"), ("GET", "/multi", {"Authorization": "Basic " + b64("ann:pw1")}),
    ("GET", "/multi", {"Authorization": "Bearer tok-ann"}),
    ("GET", "/multi", {"Authorization": "Bearer bad"}),
    ("GET", "/multi", {"Authorization": "Weird x"}),
    ("GET", "/view"), ("GET", "/view", {"Authorization": "Basic " + b64("bob:pw2")}),
    ("DELETE", "/view", {"Authorization": "Basic " + b64("bob:pw2")}),
    ("PATCH", "/view", {"Authorization": "Basic " + b64("bob:pw2")}),
    ("GET", "/login"), ("POST", "/login", FORM, "name=ann&password=pw1"),
    ("POST", "/login?next=/api", FORM, "name=bob&password=pw2"),
    ("POST", "/login", FORM, "name=ann&password=bad"),
    ("POST", "/login", {"Content-Type": "application/json"}, '{"name": "ann"}'),
    ("GET", "/profile"), ("GET", "/profile", {"Cookie": LOGGED}),
    ("GET", "/profile/plain"), ("GET", "/profile/plain", {"Cookie": LOGGED}),
    ("GET", "/api"), ("GET", "/api", {"Cookie": LOGGED}),
    ("GET", "/logout", {"Cookie": LOGGED}), ("GET", "/logout"),
    ("GET", "/counter"), ("GET", "/counter", {"Cookie": LOGGED}),
    ("GET", "/counter", {"Cookie": "_session=garbage%%"}),
    ("GET", "/counter", {"Cookie": "_session=; other=1"}),
    ("GET", "/tok"), ("GET", "/tok", {"Authorization": "Bearer abc"}),
    ("GET", "/tok", {"Authorization": "Token abc"}), ("GET", "/tok", {"Authorization": "abc"}),
    ("GET", "/tok", {"Authorization": "Bearer abd"}),
    ("GET", "/tok/header", {"X-Api-Key": "k"}), ("GET", "/tok/header", {"X-Api-Key": "K"}),
    ("GET", "/tok/header", {"Accept": "application/json"}),
    ("GET", "/tok/verified/5", {"Authorization": "Bearer good-1"}),
    ("GET", "/tok/verified/5", {"Authorization": "Bearer bad"}),
    ("GET", "/tok/verified/x", {"Authorization": "Bearer good-1"}),
    ("GET", "/ua", {"User-Agent": FF, "Accept-Language": "de-DE,de;q=0.9"}),
    ("GET", "/ua", {"User-Agent": "curl/8.0"}), ("GET", "/ua"),
]

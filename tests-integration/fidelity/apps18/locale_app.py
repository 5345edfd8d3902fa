"""A localized site (written for this round): pages under ``/<lang:[a-z]{2}>/...`` from a
blueprint group with the language prefix, ``/`` redirecting to the best language from a
``lang`` cookie, else ``Accept-Language`` (q-values, regions, ``*``, garbage), else
English, by ``url_for`` with the language as a parameter; ``Content-Language`` and
``Vary``; a language switch setting the cookie and redirecting back to ``Referer`` (only
a local one); an unsupported language a 404 with a localized message from
``@app.exception(NotFound)``; a ``request.match_info`` reading; non-ASCII text bodies."""

from urllib.parse import urlsplit

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound
from sanic.response import redirect, text

app = Sanic("locale")
MESSAGES = {
    "en": {"hello": "Hello", "missing": "Page not found"},
    "fr": {"hello": "Bonjour \u00e0 tous", "missing": "Page introuvable"},
    "de": {"hello": "Gr\u00fc\u00df Gott", "missing": "Seite nicht gefunden"},
    "ja": {"hello": "\u3053\u3093\u306b\u3061\u306f", "missing": "\u898b\u3064\u304b\u308a\u307e\u305b\u3093"},
}


def best_language(header):
    choices = []
    for i, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                continue
        tag = tag.strip().lower()
        if tag == "*":
            tag = "en"
        choices.append((-q, i, tag.split("-")[0]))
    for negq, _, tag in sorted(choices):
        if negq < 0 and tag in MESSAGES:
            return tag
    return None


@app.get("/")
async def root(request):
    lang = request.cookies.get("lang")
    if lang not in MESSAGES:
        lang = best_language(request.headers.get("accept-language", "")) or "en"
    return redirect(request.app.url_for("pages.home", lang=lang),
                    headers={"Vary": "Accept-Language, Cookie"})


pages = Blueprint("pages", url_prefix="/<lang:[a-z]{2}>")


@pages.on_request
async def check_lang(request):
    lang = request.match_info.get("lang")
    if lang not in MESSAGES:
        raise NotFound(f"language {lang}")


@pages.on_response
async def content_language(request, response):
    lang = request.match_info.get("lang")
    if lang in MESSAGES:
        response.headers["Content-Language"] = lang


@pages.get("/")
async def home(request, lang):
    return text(f"{MESSAGES[lang]['hello']}!")


@pages.get("/about")
async def about(request, lang):
    return text(f"[{lang}] {request.path} {request.route.name}")


app.blueprint(pages)


@app.get("/switch/<lang:[a-z]{2}>")
async def switch(request, lang):
    back = request.headers.get("referer", "")
    parts = urlsplit(back)
    target = back if back and not parts.netloc and back.startswith("/") else "/"
    resp = redirect(target, status=303)
    resp.add_cookie("lang", lang, path="/", max_age=3600, samesite="Lax")
    return resp


@app.exception(NotFound)
async def not_found(request, exc):
    lang = (request.match_info or {}).get("lang") or request.cookies.get("lang") or "en"
    msg = MESSAGES.get(lang, MESSAGES["en"])["missing"]
    return text(f"{msg}: {request.path}", status=404)

"""sanic-babel 0.3.0 (Babel 2.19): locale and time zone selectors reading the request
(``Accept-Language`` through ``request.headers``, a query override), state kept in
``request.ctx``, dates, times, numbers, currencies and percentages formatted per request,
``force_locale``, gettext without catalogues, and its Jinja filters on a sanic-jinja2
environment."""

from datetime import datetime, timedelta, timezone

from jinja2 import DictLoader
from sanic_babel import (
    Babel,
    force_locale,
    format_currency,
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    format_timedelta,
    get_locale,
    get_timezone,
    gettext,
    ngettext,
)
from sanic_jinja2 import SanicJinja2

from sanic import Sanic, response

app = Sanic("babel_app")
app.config.BABEL_DEFAULT_TIMEZONE = "Europe/Berlin"
jinja = SanicJinja2(app, loader=DictLoader({
    "t.html": "{{ when|datetimeformat('medium') }} {{ 1234.5|decimalformat }} {{ _('Hello') }}",
}))
babel = Babel(app, configure_jinja=True)
WHEN = datetime(2024, 2, 29, 13, 45, 30, tzinfo=timezone.utc)
SUPPORTED = ["en", "de", "fr", "ja"]


@babel.localeselector
def pick_locale(request):
    forced = request.args.get("lang")
    if forced:
        return forced
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        tag = part.split(";")[0].strip().split("-")[0]
        if tag in SUPPORTED:
            return tag
    return None


@babel.timezoneselector
def pick_timezone(request):
    return request.headers.get("x-timezone")


@app.get("/fmt")
async def fmt(request):
    return response.json({
        "locale": str(get_locale(request)), "tz": str(get_timezone(request)),
        "datetime": format_datetime(WHEN, "full", request=request),
        "date": format_date(WHEN, request=request),
        "decimal": format_decimal(1234567.891, request=request),
        "currency": format_currency(1099.5, "EUR", request=request),
        "percent": format_percent(0.256, request=request),
        "delta": format_timedelta(timedelta(hours=49), request=request),
        "gettext": gettext("Hello %(name)s", request=request, name="ann"),
        "ngettext": ngettext("%(num)d apple", "%(num)d apples", 3, request=request),
    })


@app.get("/forced")
async def forced(request):
    with force_locale("fr", request=request):
        inside = format_decimal(1234.5, request=request)
    return response.json({"inside": inside, "after": format_decimal(1234.5, request=request)})


@app.get("/tmpl")
async def tmpl(request):
    return jinja.render("t.html", request, when=WHEN)

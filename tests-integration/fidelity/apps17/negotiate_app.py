"""An events calendar answering in several formats (written for this round): content
negotiation with ``request.accept`` (``match()`` over offered types, its ``.header`` and
``.m`` results, wildcards and q-values), ``406`` by hand when nothing matches, a ``Vary:
Accept`` header, iCalendar and CSV bodies through ``text(..., content_type=)``, the
request's own description (``request.endpoint``, ``name``, ``uri_template``, ``raw_url``,
``is_safe``/``is_idempotent``/``is_cacheable``, ``scheme``, ``content_type`` of a
body-less request, ``request.get_form(keep_blank_values=True)`` and ``form.getlist``)."""

from sanic import Sanic
from sanic.response import empty, json, text

app = Sanic("calendar")
EVENTS = [{"id": 1, "title": "Standup", "start": "20250102T090000Z"},
          {"id": 2, "title": "Retro, Q1", "start": "20250331T150000Z"}]
OFFERED = ["application/json", "text/calendar", "text/csv", "text/html"]


def render(kind):
    if kind == "application/json":
        return json(EVENTS)
    if kind == "text/calendar":
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
        for e in EVENTS:
            lines += ["BEGIN:VEVENT", f"UID:{e['id']}@cal", f"DTSTART:{e['start']}",
                      f"SUMMARY:{e['title']}", "END:VEVENT"]
        lines.append("END:VCALENDAR")
        return text("\r\n".join(lines) + "\r\n", content_type="text/calendar; charset=utf-8")
    if kind == "text/csv":
        rows = ["id,title,start"] + [f'{e["id"]},"{e["title"]}",{e["start"]}' for e in EVENTS]
        return text("\n".join(rows) + "\n", content_type="text/csv")
    return text("".join(f"<li>{e['title']}</li>" for e in EVENTS), content_type="text/html")


@app.get("/events")
async def events(request):
    match = request.accept.match(*OFFERED)
    if not match:
        resp = json({"error": "not acceptable", "offered": OFFERED,
                     "accept": [str(a) for a in request.accept]}, status=406)
    else:
        resp = render(match)
        resp.headers["X-Matched"] = f"{match} (by {match.header}, q={match.header.q})"
    resp.headers["Vary"] = "Accept"
    return resp


@app.get("/accept")
async def accept(request):
    return json([{"type": str(a), "mime": a.mime, "q": a.q, "params": a.params,
                  "wildcard": a.has_wildcard}
                 for a in request.accept])


@app.route("/describe/<kind>", methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
           name="describe_kind")
async def describe(request, kind):
    return json({
        "endpoint": request.endpoint, "name": request.name,
        "uri_template": request.uri_template, "raw_url": request.raw_url.decode(),
        "safe": request.is_safe, "idempotent": request.is_idempotent,
        "cacheable": request.is_cacheable, "scheme": request.scheme,
        "content_type": request.content_type, "kind": kind,
        "route_path": request.route.path if request.route else None,
    })


@app.post("/rsvp")
async def rsvp(request):
    form = request.get_form(keep_blank_values=True)
    plain = request.form
    return json({"names": form.getlist("name"), "note": form.get("note"),
                 "plain_note": plain.get("note") if plain else None,
                 "plain_keys": sorted(plain.keys()) if plain else [],
                 "diet": form.getlist("diet", [])})


@app.delete("/events/<eid:int>")
async def delete(request, eid):
    return empty()

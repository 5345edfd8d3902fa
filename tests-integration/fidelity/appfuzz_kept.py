"""Differences kept on purpose by ``appfuzz.py`` (random apps against real Sanic 25.12).

Each entry is a label and a test on (request, Sanic's answer, Hurtle's answer, the app's
source), as ``appfuzz.normal`` makes them, or, for ``APP_KEPT``, on the errors the app
raised when loaded or started. The reasons are in each test's docstring and in the
README's "Random apps (appfuzz.py)".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote


# Differences kept on purpose, each a (label, test) on (request, sanic answer, hurtle answer).
def _target(req: str) -> str:
    return req.split(" ", 2)[1].partition("?")[0]


def _escaped_unreserved(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """An escape RFC 3986 6.2.2.1/6.2.2.2 normalises (`%61` is `a`, `%c3` is `%C3`) in the
    path: Hurtle routes the normalised path, Sanic compares the escapes as they came."""
    path = _target(req)
    unreserved = re.search(r"%(4[1-9A-Fa-f]|5[0-9Aa]|6[1-9A-Fa-f]|7[0-9Aa]|3[0-9]|2[Dd]|2[Ee]|5[Ff]|7[Ee])", path)
    lower_hex = re.search(r"%([0-9a-f][a-f]|[a-f][0-9])", path)
    # (Sanic found no route: a 404, or middleware that answered first saw none)
    routeless = (a.get("status") == 404 or "None" in a.get("body", "")
                 or (a.get("status") == 503 and "handler failed" in source)
                 or (req.startswith("HEAD ") and "mw=1" in req and a.get("status") == 203))
    return bool(unreserved or lower_hex) and routeless


TYPED = re.compile(r"""\[(['"])(int|float|date|UUID|str)\1, (['"])[^'"]*\3\]""")


def _path_route_cast(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """Parameters of a route with a `path` parameter: Hurtle casts them all to their types,
    sanic-routing leaves the others strings (packages/router/README.md)."""
    return (a.get("status") == b.get("status") == 200 and ":path>" in source
            and _untyped(a.get("body", "")) == _untyped(b.get("body", "")))


def _untyped(body: str) -> str:
    """A body with the parameters' types left out (JSON and text forms, and a view's repr
    of its keyword arguments: `UUID('...')`, `datetime.date(2024, 1, 31)`, `1.5`)."""
    body = TYPED.sub("T", body)
    body = re.sub(r"UUID\('([^']*)'\)", r"\1", body)
    body = re.sub(r"datetime\.date\((\d+), (\d+), (\d+)\)",
                  lambda m: f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}", body)
    return body.replace("'", "")


def _ext_unquote_crash(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """sanic-routing unquotes every route's parameters once one route has `unquote=True`,
    and an `ext` parameter (a tuple there) then makes each request to it a 500."""
    crashed = a.get("status") == 500 and (
        b.get("status") != 500 or req.startswith("HEAD ")
        or "unexpected error" in a.get("body", "") or "Internal Server Error" in a.get("body", "")
        # (the app's handler for Exception showing sanic-routing's own failure)
        or "AttributeError 500 'tuple' object has no attribute" in a.get("body", "")
    )
    # (or the request middleware answered first, without the route Sanic failed to find)
    answered_first = "mw=1" in req and a.get("status") == b.get("status") == 203
    return (crashed or answered_first) and "unquote=True" in source and ":ext" in source


def _static_dir(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`app.static` asked for a directory without an index: Hurtle 404 (Sanic 500 for
    GET, an empty 200 application/octet-stream for HEAD; README's first list)."""
    path = _target(req).rstrip("/")
    if (req.startswith("HEAD ") and a.get("status") == 200
            and a.get("content-type") == "application/octet-stream"
            and (b.get("status") in (200, 302)
                 # (or Hurtle's 404 went to an exception handler returning None: a 500)
                 or (b.get("status") == 500 and "    return None" in source))):
        # HEAD of a directory listing (or of its redirect to the slashed path): Hurtle
        # answers GET's head, Sanic an empty octet-stream 200 (README's first list)
        return path.endswith(("/sub", "/bs")) or path in ("/static", "/st", "/files")
    return (b.get("status") == 404 and a.get("status") in (200, 500)
            and re.search(r"\.static\('(/static|/st/|/files|/bs)'", source) is not None
            and (path.endswith(("/sub", "/bs")) or path in ("/static", "/st", "/files")))


def _static_under_file(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A static path under a file (`/files/x.json/a`): 404 (Sanic: 500, NotADirectoryError;
    README's list of static differences)."""
    return (a.get("status") == 500 and b.get("status") == 404
            and re.search(r"\.(txt|json|html)/", _target(req)) is not None
            and re.search(r"\.static\('" + re.escape("/" + _target(req).split("/")[1]), source)
            is not None)


def _head_static_length(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """HEAD of a static file: Hurtle's Content-Length is the one GET sends (RFC 9110 9.3.2;
    Sanic: 0; README's first list). The app's static route is the target's first segment; a
    blueprint's (`b0.static('/bs', ...)`) sits under its prefix, so any segment of the target."""
    if not (req.startswith("HEAD ") and a.get("status") == b.get("status") == 200
            and {k for k in set(a) | set(b) if a.get(k) != b.get(k)} == {"content-length"}):
        return False
    segments = _target(req).split("/")
    if re.search(r"app\.static\('/" + re.escape(segments[1]), source) is not None:
        return True
    return any(re.search(r"\w\.static\('/" + re.escape(seg) + "'", source) is not None
               for seg in segments[2:-1])


def _unquote_leak(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """sanic-routing unquotes the parameters of every route once one route has
    `unquote=True`; Hurtle only that route's (packages/router/README.md)."""
    if "unquote=True" not in source or a.get("status") != b.get("status"):
        return False
    if req.startswith("HEAD "):  # no body to look at: the lengths only
        return {k for k in set(a) | set(b) if a.get(k) != b.get(k)} == {"content-length"}
    # (a group of same-shaped routes follows its first route's setting in Sanic)
    return (unquote(unquote(_without_url_for(a.get("body", ""))))
            == unquote(unquote(_without_url_for(b.get("body", "")))))


def _without_url_for(body: str) -> str:
    """A JSON body without its url_for answer, with its characters unescaped (Sanic's
    `\u00e9` against Hurtle's `%C3%A9` before unquoting); other bodies as they are."""
    try:
        data = json.loads(body)
    except ValueError:
        return body
    if isinstance(data, dict):
        data.pop("u", None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _non_ascii_target(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A target with raw non-ASCII bytes is refused (400) when the head is read, before a
    request is built from it: the request middleware then runs on a stand-in request without
    the target (no path, no query arguments); Sanic builds the request from the target, runs
    its request middleware (which may answer), then fails."""
    if _target(req).isascii():
        return False
    if (b.get("status") == 500 and "Invalid response type None" in b.get("body", "")
            and "    return None" in source and a.get("status") == 203 and "mw=1" in req):
        # (the 400 went to the app's exception handler, which returns None: the 500)
        return True
    if b.get("status") != 400:
        return False
    if a.get("status") == 203 and "mw=1" in req:  # the request middleware answered
        return True
    return a.get("status") == 400 and {k for k in set(a) | set(b) if a.get(k) != b.get(k)} == {"x-mw"}


def _ext_with_path(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """An ext parameter in a route that also has a path parameter: Hurtle checks and splits
    it, sanic-routing does neither (`file.json` passes `ext=txt`; packages/router/README.md)."""
    target = re.sub(r"^(/api)?/v[0-9.]+", "", _target(req))
    for decl in re.findall(r"\('([^']*:ext[^']*:path>)'", source):
        prefix = "/" + decl.lstrip("/").split("<", 1)[0]
        if prefix in target:
            return True
    return False


def _bp_static_host(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A blueprint's host applies to its static routes (README, "Differential fuzzing,
    sixth round"); Sanic serves them on every host."""
    return "/bs/" in _target(req) + "/" and re.search(r"bp0 = Blueprint\([^)]*host=", source) is not None


def _group_not_strict(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A group's strict_slashes=False applies to its blueprints' routes; Sanic ignores it
    (README, "Routing and app composition")."""
    group = re.search(r"grp = Blueprint\.group\([^)]*strict_slashes=False", source)
    return group is not None and a.get("status") == 404 and b.get("status") != 404


def _same_shape_routes(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """Two routes of one path shape with other parameter names: each gets its own names;
    Sanic calls one handler with the other's names (a TypeError, its 500)."""
    if "__file_uri__" in a.get("body", "") and "__file_uri__" not in b.get("body", ""):
        return True  # a `path` route beside app.static on its prefix: the static's name
    if a.get("status") == b.get("status") and a.get("body") != b.get("body"):
        # Sanic's handler got the other route's parameter names (a view takes any)
        if re.sub(r"p\d+", "P", a.get("body", "")) != re.sub(r"p\d+", "P", b.get("body", "")):
            return False
    elif a.get("status") != 500 or b.get("status") == 500:
        return False
    shapes = [re.sub(r"<p\d+", "<P", decl.strip("/"))
              for decl in re.findall(r"(?:route|get|post|put|patch|delete|head|options|websocket)\('([^']*)'",
                                     source)
              + re.findall(r"add_route\([^,]+, '([^']*)'", source)]
    return len(shapes) != len(set(shapes)) and "<P" in "".join(shapes)


def _ext_siblings(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """Two `ext` routes on one path with other parameter names: Sanic's answers are
    erratic (a 500 for a request the first one matches, 405 for one neither takes)."""
    parent = _target(req).rsplit("/", 1)[0]
    parent = re.sub(r"^(/api)?/v[0-9.]+", "", parent)
    return len(re.findall("'" + re.escape(parent) + r"/<p\d+:ext", source)) >= 2


def _url_for_only(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """Only `url_for`'s answer differs: Hurtle percent-encodes '%' and what a segment cannot
    hold, and builds an ext route's URL from the name and ext= (Sanic: URLBuildError, or
    the extension as a query argument; README, "Routing and app composition")."""
    if req.startswith("HEAD ") and a.get("content-type") == "application/json":
        # no body to look at: an ext route's URL or an escaped '%' (the url_for
        # differences with a length of their own here), the lengths only
        return (":ext" in source or "%" in _target(req)) and {
            k for k in set(a) | set(b) if a.get(k) != b.get(k)} == {"content-length"}
    try:
        ja, jb = json.loads(a.get("body", "")), json.loads(b.get("body", ""))
    except ValueError:
        return False
    if isinstance(ja, dict) and isinstance(jb, dict) and set(ja) == set(jb) == {"dumped"}:
        ja, jb = ja["dumped"], jb["dumped"]  # the fifth round's own json dumps
    if not (isinstance(ja, dict) and isinstance(jb, dict) and "u" in ja):
        return False
    ua = ja.pop("u")
    jb.pop("u")
    explained = "%" in _target(req) or (
        ("?ext=" in str(ua) or ua == "URLBuildError") and ":ext" in source)
    return ja == jb and a.get("status") == b.get("status") and explained


def _allow_on_405(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A 405 for a dynamic path served by several routes carries Allow (RFC 9110 15.5.6
    MUST); Sanic's has none."""
    return a.get("status") == b.get("status") == 405 and "allow" in b and "allow" not in a


def _tuple_param(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """Sanic hands a `path` (or other) parameter over as an ext route's tuple
    (`('file', 'txt%2e')`) once routes of that shape mix `ext` and `unquote=True`."""
    return (a.get("status") == b.get("status") == 200 and '["tuple",' in a.get("body", "")
            and ":ext" in source)


KEPT: list[tuple[str, Callable[[str, dict[str, Any], dict[str, Any], str], bool]]] = [
    ("Sanic passes another route's ext tuple as a parameter", _tuple_param),
    ("request middleware runs once when an (exception) handler gives no response (Sanic: "
     "twice)", lambda req, a, b, source: _middleware_rerun(req, a, b, source)),
    ("an exception handler returning None: a 500 (Sanic drops the connection)",
     lambda req, a, b, source: _no_answer_none_handler(req, a, b, source)),
    ("a 405 of a path served by several routes carries Allow (RFC 9110 15.5.6; Sanic: none)",
     _allow_on_405),
    ("url_for escapes '%' and builds ext routes from name and ext=", _url_for_only),
    ("app.static on a directory: 404 without an index (Sanic 500), HEAD as GET (Sanic an empty 200)",
     _static_dir),
    ("a static path under a file is a 404 (Sanic: 500, NotADirectoryError)", _static_under_file),
    ("HEAD of a static file has GET's Content-Length (RFC 9110 9.3.2; Sanic 0)",
     _head_static_length),
    ("a non-ASCII target is refused before a request is built from it (middleware sees no query)",
     _non_ascii_target),
    ("a route's unquote=True unquotes only its parameters (sanic-routing: every route's)",
     _unquote_leak),
    ("parameters of a route with a path parameter are cast (sanic-routing leaves strings)",
     _path_route_cast),
    ("Sanic 500s on an ext parameter once any route has unquote=True", _ext_unquote_crash),
    ("two ext routes on one path: Sanic's answers are erratic", _ext_siblings),
    ("routes of one shape with other parameter names get their own names (Sanic: a 500)",
     _same_shape_routes),
    ("a group's strict_slashes=False applies (Sanic ignores it)", _group_not_strict),
    ("a blueprint's host applies to its static routes (Sanic: every host)", _bp_static_host),
    ("an ext parameter beside a path parameter is checked and split (Sanic: neither)",
     _ext_with_path),
    ("an escaped unreserved character or lower-case hex escape is normalised before routing "
     "(RFC 3986 6.2.2; Sanic: 404)", _escaped_unreserved),
]




def _host_case(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A host route found for a Host in capitals (`H1.example`); Sanic compares the Host as
    sent. The round-8 label (`appfuzz_round8._host_case8`) for the first round's hosts."""
    found = re.search(r"\r\nHost: ([^\r]*)\r\n", req)
    host = found[1] if found else ""
    return (host != host.lower() and f"'{host.lower()}'" in source
            and a.get("status") == 404 and b.get("status") not in (None, 404))


_COOKIE_HINT = re.compile(
    r"(' object does not support item assignment); use response\.add_cookie\(.*?\(path, "
    r"domain, secure, max_age, expires, httponly, samesite, partitioned\)")


def _cookie_item_hint(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`response.cookies["a"] = ...` (pre-23.3 dict-style cookies): the same TypeError,
    Hurtle's message adds what to use instead (README, "Cookies, third round")."""
    if _differing(a, b) - {"body", "content-length"} or "body" not in _differing(a, b):
        return False
    return _COOKIE_HINT.sub(r"\1", str(b.get("body"))) == a.get("body")


COOKIE_HINT_KEPT = ("a dict-style cookie assignment's TypeError says what to use instead "
                    "(Sanic: the bare message)", _cookie_item_hint)
KEPT.append(COOKIE_HINT_KEPT)


KEPT.append(
    ("a host route matches a Host in capitals (RFC 9110 4.2.3, fixed in 'Real-world apps'; "
     "Sanic: 404), met under asgifuzz --apps 5 --seed 44", _host_case)
)


# Differences kept on purpose in whether an app loads and starts: (label, test) on (sanic's
# error, hurtle's error, the app's source).
APP_KEPT: list[tuple[str, Callable[[str, str, str], bool]]] = [
    ("a group's strict_slashes=False makes a member's `x/` route clash with its `x` "
     "(Sanic ignores the group's setting, so loads)",
     lambda ea, eb, source: ea == "None" and eb.startswith("load: RouteExists: ")
     and re.search(r"grp = Blueprint\.group\([^)]*strict_slashes=False", source) is not None),
    ("both refuse a blueprint's clashing routes (Sanic: as a duplicate exception handler of "
     "the blueprint, Hurtle: RouteExists)",
     lambda ea, eb, source: "Duplicate exception handler definition" in ea
     and eb.startswith("load: RouteExists: ")),
    ("BlueprintGroup.on_request/on_response take priority= (Sanic: TypeError; README)",
     lambda ea, eb, source: eb == "None" and re.search(
         r"BlueprintGroup\.on_(request|response)\(\) got an unexpected keyword argument "
         r"'priority'", ea) is not None),
    ("a blueprint exception handler beside a route on a host list loads (Sanic: 'Duplicate "
     "exception handler definition', the route being one per host)",
     lambda ea, eb, source: eb == "None" and "Duplicate exception handler definition" in ea
     and "host=[" in source),
    ("both refuse a route name used twice in a blueprint with an exception handler (Sanic: "
     "as a duplicate exception handler when loading, Hurtle: duplicate route names when "
     "starting)",
     lambda ea, eb, source: "Duplicate exception handler definition" in ea
     and eb.startswith("run: ServerError: Duplicate route names detected")),
    ("RouteExists names the clashing methods sorted (Sanic: set order, either route's)",
     lambda ea, eb, source: ea.startswith("load: RouteExists: ")
     and eb.startswith("load: RouteExists: ")),
    ("a route with a ymd and a path, ext or regex parameter starts (Sanic refuses its own "
     "ymd pattern there)",
     lambda ea, eb, source: eb == "None" and "Invalid matching pattern ([12]" in ea
     and re.search(r"'/?[^' ]*(:ymd>[^']*:(path|ext|\[)|:(ext|\[)[^']*:ymd>)", source)
     is not None),
]


def kept_app_label(ea: str, eb: str, source: str) -> str | None:
    for label, test in APP_KEPT:
        if test(ea, eb, source):
            return label
    return None


def kept_label(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> str | None:
    for label, test in KEPT:
        if test(req, a, b, source):
            return label
    return None


# The second round's (appfuzz_round2.py: requests to its /xz blueprint), README's "Random
# apps, second round".
def _differing(a: dict[str, Any], b: dict[str, Any]) -> set[str]:
    return {k for k in set(a) | set(b) if a.get(k) != b.get(k)}


def _content_type_none(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`empty()`/a response without a type, given headers: Sanic sends the literal field
    `content-type: None`, Hurtle none (README's first list)."""
    if a.get("body") == "An error occurred while handling an error" and _differing(a, b) == {
            "content-type"}:
        # (the last-resort 500 of a failing exception handler: Hurtle's says text/plain)
        return a.get("content-type") == "None"
    return a.get("content-type") == "None" and "content-type" not in b and _differing(a, b) == {
        "content-type"}


def _no_content_205(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A 205 goes out without content (RFC 9110 15.3.6 MUST NOT; Sanic sends the body)."""
    return a.get("status") == b.get("status") == 205 and b.get("body") == "" and _differing(
        a, b) <= {"body", "content-length"}


def _auth_scheme_case(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`request.token` matches the auth scheme in any case (RFC 9110 11.1: `bearer x` is
    token `x`; Sanic keeps the whole value; README's first list)."""
    return re.search(r"\r\nAuthorization: (bearer|token) ", req) is not None and (
        a.get("body", "").replace('"tok":"bearer lower"', '"tok":"lower"') == b.get("body"))


def _middleware_rerun(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A handler or exception handler gave no response (`Invalid response type`): Sanic
    runs the request middleware (and the `http.lifecycle.exception` signal) once more
    before its 500, so what they record shows twice; Hurtle runs them once."""
    if a.get("status") != b.get("status"):
        return False
    diff = _differing(a, b) - {"content-length"}
    if not diff and req.startswith("HEAD ") and "    return None" in source:
        # (HEAD: only the length of the body not sent, Sanic's the longer trail)
        return int(a.get("content-length") or 0) > int(b.get("content-length") or 0)
    if not diff or not diff <= {"x-mw", "x-trail", "x-sig", "body"}:
        return False
    longer = all(len(str(a.get(k, ""))) > len(str(b.get(k, ""))) for k in diff)
    none_given = ("Invalid response type" in a.get("body", "") + b.get("body", "")
                  or "    return None" in source or "handler failed" in source
                  or "    raise exception" in source
                  or (a.get("x-mw") is not None and a.get("x-mw") == 2 * str(b.get("x-mw"))))
    return longer and none_given


def _no_answer_none_handler(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """An exception handler for a broad class that returns `None`: its own 500 (`Invalid
    response type`) goes to it again, and Sanic drops the connection without an answer
    (a traceback logged); Hurtle answers that 500 (or, where it routes what Sanic did not,
    the route's answer)."""
    return a.get("status") is None and b.get("status") is not None and "    return None" in source


def _handler_cache(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """The app's and the blueprint's handlers both take the class: the blueprint's answers
    (as a first request does in Sanic, whose cached lookup lets an earlier unrouted 404
    make the app's answer later; README, "Differential fuzzing, third round")."""
    ab, bb = a.get("body", ""), b.get("body", "")
    if (bb.startswith("xbp ") and "    raise exception" in source and not ab.startswith(
            ("app ", "xbp ", "caught ")) and a.get("status") == b.get("status")):
        # (the app's handler Sanic picked re-raises: its default error page)
        return True
    if bb.startswith("xbp ") and a.get("status") == 503 and "handler failed" in ab:
        # (the app's handler Sanic picked fails: its ServiceUnavailable's page)
        return True
    if ab.startswith("caught ") and bb.startswith("xbp "):
        # the first round's app handler (`caught <class> ...`)
        return (a.get("status") == b.get("status")
                and ab.split(" ")[1] == bb.split(" got ", 1)[1].split(" ")[0])
    return (a.get("status") == b.get("status") and ab.startswith("app ") and bb.startswith("xbp ")
            and ab.split(" got ", 1)[1:] == bb.split(" got ", 1)[1:])


KEPT2: list[tuple[str, Callable[[str, dict[str, Any], dict[str, Any], str], bool]]] = [
    ("request middleware runs once when an (exception) handler gives no response (Sanic: "
     "twice)", _middleware_rerun),
    ("an exception handler returning None: a 500 (Sanic drops the connection)",
     _no_answer_none_handler),
    ("the blueprint's exception handler answers whatever came before (Sanic: its lookup "
     "cache may hand the app's)", _handler_cache),
    ("content-type: None (Sanic's literal field for a response without a type)",
     _content_type_none),
    ("a 205 has no content (RFC 9110 15.3.6; Sanic sends the body)", _no_content_205),
    ("request.token matches the auth scheme in any case (RFC 9110 11.1)", _auth_scheme_case),
]


def _location_space(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`redirect("/a b")`: Hurtle's Location has %20 in the path and fragment, where Sanic's
    has `+`, a plus there (RFC 3986 3.3); the README's URI round."""
    la, lb = a.get("location", ""), b.get("location", "")
    return _differing(a, b) == {"location"} and "%20" in lb and la == lb.replace("%20", "+")


KEPT2.append(
    ("redirect(): a space is %20 outside the query (RFC 3986 3.3; Sanic: +)", _location_space)
)


def kept_label2(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> str | None:
    for label, test in KEPT2:
        if test(req, a, b, source):
            return label
    return None


# The third round's (appfuzz_round3.py: requests to its /zz routes), README's "Random
# apps, third round".
def _disposition_escaped(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`file(..., filename=...)` with a quote or a non-ASCII character: Hurtle escapes the
    quote in the quoted-string and gives the name as `filename*=UTF-8''...` too (RFC 6266,
    RFC 9110 5.6.4); Sanic writes the name raw (README's first list)."""
    value = b.get("content-disposition", "")
    return _differing(a, b) == {"content-disposition"} and (
        "filename*=UTF-8''" in value or '\\"' in value)


def _no_continue_without_content(req: str, a: dict[str, Any], b: dict[str, Any],
                                 source: str) -> bool:
    """`Expect: 100-continue` on a request with `Content-Length: 0`: the whole (empty)
    content is there, Hurtle sends no 100 (RFC 9110 10.1.1 lets a server omit it once it
    has the content); Sanic sends one."""
    diff = _differing(a, b)
    if "content-type" in diff and a.get("content-type") == "None" and "content-type" not in b:
        diff = diff - {"content-type"}  # (and the literal `None`, labelled above)
    return (diff == {"x-interim"} and a.get("x-interim") == "100"
            and "\r\nContent-Length: 0\r\n" in req)


def _no_continue_before_error(req: str, a: dict[str, Any], b: dict[str, Any],
                              source: str) -> bool:
    """`Expect: 100-continue` to a route that refuses the method (405): Hurtle answers the
    error without inviting the content (as both do before a 404, RFC 9110 10.1.1); Sanic
    sends a 100 first."""
    return (_differing(a, b) == {"x-interim"} and a.get("x-interim") == "100"
            and a.get("status") == b.get("status") and (a.get("status") or 0) >= 400)


def _multipart_quoted_pair(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A multipart `filename="q\\"uote.txt"`: Hurtle reads the quoted-pair (`q"uote.txt`),
    Sanic stops at the escaped quote (`q\\`; README, the multipart table)."""
    fixed = a.get("body", "").replace('"q\\\\"', '"q\\"uote.txt"')
    return _differing(a, b) <= {"body", "content-length"} and fixed == b.get("body")


def _unread_stream_no_continue(req: str, a: dict[str, Any], b: dict[str, Any],
                               source: str) -> bool:
    """`Expect: 100-continue` to a `stream=True` route whose handler never reads the body:
    Hurtle answers without inviting the content (RFC 9110 10.1.1: a server that will not
    read it need not send a 100); Sanic sends a 100 first."""
    path = _target(req)
    handler = re.search(re.escape(f"@app.route({path!r}") + r"[^\n]*stream=True\)\n[^\n]*\n"
                        r"    body = b'unread'", source)
    return handler is not None and _differing(a, b) == {"x-interim"} and a.get(
        "x-interim") == "100"


def _trailer_as_request(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A chunked body with a trailer field, then a second request on the connection: Sanic
    reads the trailer as the start of the next request and answers that 400; Hurtle
    reads and ignores the trailer (RFC 9112 7.1.2; README's RFC table)."""
    # (the 400 as an exception handler that fails answers it: its 503)
    second = a.get("next") or {}
    return (_differing(a, b) == {"next"} and "\r\n0\r\nX-T: 1\r\n\r\n" in req
            and (second.get("status") == 400 or (second.get("status") == 503
                                                 and "handler failed" in second.get("body", ""))))


def _preconditions(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`file()` and `If-None-Match`/`If-Modified-Since`: Hurtle follows RFC 9110 13.2.2
    (`If-None-Match: *` or a match is a 304; `If-Modified-Since` ignored beside
    `If-None-Match`), Sanic looks at `If-Modified-Since` only (README, RFC tables)."""
    conditional = "\r\nIf-None-Match: " in req or "\r\nIf-Modified-Since: " in req
    return conditional and (a.get("status") == 304) != (b.get("status") == 304)


def _cache_control_304(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A 304 carries the `Cache-Control` its 200 would (RFC 9110 15.4.5 MUST); Sanic's has
    none (README's first list)."""
    return (a.get("status") == b.get("status") == 304 and _differing(a, b) == {"cache-control"}
            and "cache-control" not in a)


def _head_range_ignored(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`Range` on HEAD to a `file(_range=ContentRangeHandler(...))` route: ignored, the 200
    head (RFC 9110 14.2: range handling is defined for GET only); Sanic answers 206 or 416
    (README's RFC table, 14.2)."""
    return (req.startswith("HEAD ") and "\r\nRange: " in req
            and b.get("status") in (200, 203)  # (the route's own status=)
            and a.get("status") in (206, 416))


def _range_past_end(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A `Range` wholly past the end of the file: 416 (RFC 9110 14.1.2); Sanic 206 with an
    empty body and a `Content-Range` past the end (README's first list)."""
    # (or Hurtle's 416 went to an exception handler returning None: a 500)
    refused = b.get("status") == 416 or (
        b.get("status") == 500 and "Invalid response type None" in b.get("body", "")
        and "    return None" in source)
    return (a.get("status") == 206 and refused and a.get("body") == ""
            and "\r\nRange: bytes=5000-" in req)


def _http10_unchunked(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A streamed answer (`respond()`/`send`, `file_stream`) to an HTTP/1.0 request goes
    unframed and the connection closes (RFC 9112 7: no chunked to HTTP/1.0); Sanic sends
    it chunked (README's first list)."""
    return (req.split("\r\n", 1)[0].endswith(" HTTP/1.0") and a.get("transfer-encoding") == "chunked"
            and "transfer-encoding" not in b
            and (_differing(a, b) == {"transfer-encoding"}
                 or kept_label3(req, {k: v for k, v in a.items() if k != "transfer-encoding"},
                                b, source) is not None))


def _http10_no_continue(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`Expect: 100-continue` from an HTTP/1.0 client: ignored (RFC 9110 10.1.1 MUST); Sanic
    sends a 100 (README's first list)."""
    return (req.split("\r\n", 1)[0].endswith(" HTTP/1.0") and _differing(a, b) == {"x-interim"}
            and a.get("x-interim") == "100")


KEPT3: list[tuple[str, Callable[[str, dict[str, Any], dict[str, Any], str], bool]]] = [
    ("an exception handler returning None: a 500 (Sanic drops the connection)",
     _no_answer_none_handler),
    ("content-type: None (Sanic's literal field for a response without a type)",
     _content_type_none),
    ("file(filename=) with a quote or non-ASCII: escaped, with filename* (RFC 6266; Sanic "
     "writes it raw)", _disposition_escaped),
    ("no 100 (Continue) for Expect: 100-continue with Content-Length: 0 (RFC 9110 10.1.1; "
     "Sanic sends one)", _no_continue_without_content),
    ("no 100 (Continue) before a 405 (RFC 9110 10.1.1; Sanic sends one)",
     _no_continue_before_error),
    ("a multipart filename's quoted-pair is read (Sanic cuts the name at it)",
     _multipart_quoted_pair),
    ("no 100 (Continue) from a stream=True route that never reads the body (RFC 9110 "
     "10.1.1; Sanic sends one)", _unread_stream_no_continue),
    ("a chunked body's trailer is read and ignored (RFC 9112 7.1.2; Sanic answers it as the "
     "next request, a 400)", _trailer_as_request),
    ("file(request_headers=) preconditions per RFC 9110 13.2.2 (Sanic: If-Modified-Since "
     "only)", _preconditions),
    ("a 304 keeps its Cache-Control (RFC 9110 15.4.5; Sanic drops it)", _cache_control_304),
    ("Range on HEAD is ignored (RFC 9110 14.2; Sanic 206/416)", _head_range_ignored),
    ("a Range past the end of the file is a 416 (RFC 9110 14.1.2; Sanic an empty 206)",
     _range_past_end),
    ("a streamed answer to HTTP/1.0 is not chunked (RFC 9112 7; Sanic chunks it)",
     _http10_unchunked),
    ("no 100 (Continue) to an HTTP/1.0 client (RFC 9110 10.1.1; Sanic sends one)",
     _http10_no_continue),
    ("Set-Cookie expires as an rfc1123-date (RFC 6265 4.1.1; Sanic 02-Jan-2030)",
     lambda req, a, b, source: _differing(a, b) == {"set-cookie"}
     and a["set-cookie"].replace("02-Jan-2030", "02 Jan 2030") == b["set-cookie"]),
]
KEPT3.append(COOKIE_HINT_KEPT)  # (the /zz routes set cookies too)


def kept_label3(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> str | None:
    for label, test in KEPT3:
        if test(req, a, b, source):
            return label
    if "next" in _differing(a, b) and a.get("next") and b.get("next"):
        # the second request on the connection: its own labels
        second = req[req.index("\r\n\r\nGET /zz/") + 4:] if "\r\n\r\nGET /zz/" in req else ""
        if not second:
            second = req[req.rindex("GET /zz/"):]
        other = kept_label3(second, a["next"], b["next"], source)
        if _trailer_as_request(req, {"next": a["next"]}, {"next": b["next"]}, source):
            other = "Sanic answers a chunked body's trailer as the next request"
        if other and _differing(a, b) == {"next"}:
            return other + " (the second request on the connection)"
        if other:  # and a kept difference in the first answer
            first = kept_label3(req, {k: v for k, v in a.items() if k != "next"},
                                {k: v for k, v in b.items() if k != "next"}, source)
            if first:
                return first + " (and on the second request: " + other + ")"
    no_100_kept = a.get("x-interim") == "100" and "x-interim" not in b and (
        "\r\nContent-Length: 0\r\n" in req or (a.get("status") or 0) >= 400
        or req.split("\r\n", 1)[0].endswith(" HTTP/1.0"))
    if no_100_kept:
        # a kept missing 100 beside another kept difference: the other's label
        rest = {k: v for k, v in a.items() if k != "x-interim"}
        other = kept_label3(req, rest, b, source)
        if other:
            return other + " (and no 100 (Continue), kept)"
    return None


# The fourth round's (appfuzz_round4.py: /ww routes, websockets, error handlers, url_for).
def _ws_version_426(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A websocket handshake with a refused `Sec-WebSocket-Version`: 426 with
    `sec-websocket-version: 13` (RFC 6455 4.2.2 MUST; Sanic 400 without it; README's
    RFC checklist). A handler showing the exception sees that status and header too."""
    refused = (re.search(r"\r\nSec-WebSocket-Version: (8|13, 8|abc)\r\n", req) is not None
               or ("\r\nUpgrade: websocket\r\n" in req and "Sec-WebSocket-Version" not in req))
    return refused and b.get("status") == 426 and a.get("status") in (400, 426)


def _upgrade_on_426(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A websocket route's 426 carries `upgrade: websocket` (RFC 9110 15.5.22 MUST;
    Sanic none; README's RFC checklist); an error handler showing the exception's
    headers shows it too."""
    if a.get("status") != 426 or b.get("status") != 426:
        return False
    diff = _differing(a, b) - {"content-length"}
    if "connection" in diff and b.get("connection") == f"upgrade, {a.get('connection')}":
        diff = diff - {"connection"}  # rfc7r: Connection names upgrade too (RFC 9110 7.8)
    b_conn = str(b.get("connection")).removeprefix("upgrade, ")  # (the two together)
    if "connection" in diff and _connection_upgrade_persists(
            req, {"connection": a.get("connection")}, {"connection": b_conn}, source):
        diff = diff - {"connection"}  # (and the kept Connection: Upgrade case below)
    if not diff <= {"upgrade", "body"} or a.get("upgrade") is not None:
        return False
    if "body" not in diff:
        return True
    body = b.get("body", "")
    # (the exception's headers: upgrade, and since apps14 the Connection naming it too)
    for given in ('"upgrade":"websocket","connection":"upgrade"', '"upgrade":"websocket"'):
        body = body.replace("{" + given + "}", "{}").replace("," + given, "")
    return body == a.get("body")


def _connection_upgrade_persists(req: str, a: dict[str, Any], b: dict[str, Any],
                                 source: str) -> bool:
    """`Connection: Upgrade` without an `Upgrade` field: the connection persists (RFC 9112
    9.3, no `close` option); Sanic closes (README's RFC checklist, message semantics)."""
    return (_differing(a, b) == {"connection"} and a.get("connection") == "close"
            and b.get("connection") == "keep-alive"
            and "\r\nConnection: Upgrade\r\n" in req and "\r\nUpgrade:" not in req)


def _non_close(frames: list[str]) -> list[str]:
    return [f for f in frames if not f.startswith(("close ", "op10 "))]


def _frames_after_101(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """Frames a client sends as soon as it has the 101 (RFC 6455 4.1 allows it): Hurtle's
    handler gets them; Sanic may lose them while it switches to the websocket (its HTTP
    parser reads them: the handler never sees them, the client's close is echoed before
    the handler answers, or an HTTP 404 head goes out inside the websocket)."""
    if _differing(a, b) != {"frames"}:
        return False
    fa, fb = a.get("frames") or [], b.get("frames") or []
    if any("/1.1 " in f for f in fa):
        return True  # (an HTTP answer read as frames)
    na, nb = _non_close(fa), _non_close(fb)
    it = iter(nb)
    return len(na) < len(nb) and all(f in it for f in na)


def _pong_after_close(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A ping that arrives after the server's close frame (and before the client's):
    answered with a pong (RFC 6455 5.5.2 MUST, "unless it already received a Close
    frame"); Sanic sends none, or its pong comes before its close. When Hurtle's close
    came first, the client answers it and its own scripted close is not sent ("sent
    close" only in Sanic's run)."""
    fa, fb = a.get("frames") or [], b.get("frames") or []
    if _differing(a, b) != {"frames"} or '["ping", ' not in req:
        return False

    def strip(frames: list[str]) -> list[str]:
        return [f for f in frames if not f.startswith("op10 ") and f != "sent close"]

    return strip(fb) == strip(fa) and fb.count("op10 p") >= fa.count("op10 p") and (
        "sent close" in fb or "sent close" not in fa or "op10 p" in fb[
            next((i for i, f in enumerate(fb) if f.startswith("close ")), len(fb)):])


def _bad_head_path(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A request line refused (a space in the target): the request the error handler and
    middleware get has the target's path up to the space (Hurtle) or `*` (Sanic), so a
    handler that looks at `request.path` answers differently (here `x-eh` set or not)."""
    return (a.get("status") == b.get("status") == 400 and " HTTP/1.1" in req
            and re.match(r"\S+ \S+ \S+ HTTP/1\.1", req) is not None
            and _differing(a, b) <= {"x-eh", "x-mw", "x-bp"})


def _lifecycle_request_raise(req: str, a: dict[str, Any], b: dict[str, Any],
                             source: str) -> bool:
    """An `http.lifecycle.request` signal handler that raises: Hurtle answers the error as
    any error of a request that has no route yet (the page `Accept` chooses, the connection
    kept); Sanic as a head it failed to read (the text page, or `FALLBACK_ERROR_FORMAT`'s,
    whatever `Accept` says; the connection closed). The request middleware runs in both
    (not for a `ServiceUnavailable`, in both)."""
    return ("@app.signal('http.lifecycle.request')\nasync def _r4sig" in source
            and "sigraise" in req and a.get("status") == b.get("status")
            and _differing(a, b) <= {"body", "content-type", "content-length", "connection"})


def _allow_order(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A `MethodNotAllowed`'s `Allow` shown by an error handler: Hurtle's methods sorted,
    Sanic's in set order (README's first list, the 405's `Allow`)."""
    def norm(body: str) -> str:
        return re.sub(r'"Allow":"([^"]*)"',
                      lambda m: '"Allow":"' + ", ".join(sorted(m[1].split(", "))) + '"', body)
    return (_differing(a, b) == {"body"} and '"Allow":"' in a.get("body", "")
            and norm(a.get("body", "")) == norm(b.get("body", "")))


KEPT4: list[tuple[str, Callable[[str, dict[str, Any], dict[str, Any], str], bool]]] = [
    ("an error handler shows the Allow of a MethodNotAllowed sorted (Sanic: set order)",
     _allow_order),
    ("a refused Sec-WebSocket-Version: 426 with sec-websocket-version (RFC 6455 4.2.2; "
     "Sanic 400)", _ws_version_426),
    ("a websocket route's 426 carries upgrade: websocket (RFC 9110 15.5.22; Sanic none)",
     _upgrade_on_426),
    ("Connection: Upgrade without Upgrade persists (RFC 9112 9.3; Sanic closes)",
     _connection_upgrade_persists),
    ("frames sent right after the 101 reach the handler (RFC 6455 4.1; Sanic may lose "
     "them)", _frames_after_101),
    ("a ping after the server's close is answered (RFC 6455 5.5.2; Sanic: no pong)",
     _pong_after_close),
    ("a refused request line: the stand-in request keeps the target's path (Sanic: '*')",
     _bad_head_path),
    ("an http.lifecycle.request handler's error is a request error (Sanic: a head error, "
     "text page, closed)", _lifecycle_request_raise),
]


def kept_label4(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> str | None:
    for label, test in KEPT4 + KEPT2 + KEPT:
        if test(req, a, b, source):
            return label
    return None


# ------------------------------------------------------------------------------ fifth round
# (appfuzz_round5.py: the constructor, request class and config; README, "Random apps,
# fifth round")

def _head_431(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A head over REQUEST_MAX_HEADER_SIZE: 431 (414 for the request line); Sanic 413."""
    return a.get("status") == 413 and b.get("status") in (431, 414)


def _head_too_large_head(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """HEAD refused for its head's size: the error page's head only (Sanic sends its body)."""
    return (req.startswith("HEAD ") and a.get("status") == b.get("status")
            and a.get("status") in (413, 431, 414) and b.get("body") == ""
            and {k for k in set(a) | set(b) if a.get(k) != b.get(k)} <= {"body", "content-length"})


def _bad_line_over_size(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A refused request line in a head also over REQUEST_MAX_SIZE: 400 (Sanic 413)."""
    line = req.split("\r\n", 1)[0]
    return (a.get("status") == 413 and b.get("status") == 400 and len(line.split(" ")) != 3
            and "REQUEST_MAX_SIZE" in source)


KEPT5: list[tuple[str, Callable[[str, dict[str, Any], dict[str, Any], str], bool]]] = [
    ("a refused request line in a head over REQUEST_MAX_SIZE is the line's 400 (Sanic: 413 "
     "first)", _bad_line_over_size),
    ("a head over REQUEST_MAX_HEADER_SIZE is 431, a long request line 414 (Sanic 413; first list)",
     _head_431),
    ("HEAD refused for its head's size gets no body (RFC 9110 9.3.2; Sanic sends the page)",
     _head_too_large_head),
]


def kept_label5(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> str | None:
    # the earlier rounds' labels that follow from the app, not from its routes (others,
    # like unquote=True's, would take any /r5 difference of an app that has such a route)
    earlier = [(label, test) for label, test in KEPT2 + KEPT
               if label.startswith(("an exception handler returning None",
                                    "request middleware runs once", "content-type: None"))]
    for label, test in KEPT5 + earlier:
        if test(req, a, b, source):
            return label
    return None

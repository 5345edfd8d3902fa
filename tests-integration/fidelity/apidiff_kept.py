"""The differences ``apidiff.py`` finds that are kept on purpose (see the fidelity README)."""

from __future__ import annotations

import json
import re


def _unq(v):
    from urllib.parse import unquote

    return unquote(v) if isinstance(v, str) else v


def _same_but_path(a, b):
    """URLs alike but for the path, which differs only by Hurtle's percent-encoding."""
    import re

    pa, ra = re.match(r"([^?#]*)(.*)", a, re.S).groups()
    pb, rb = re.match(r"([^?#]*)(.*)", b, re.S).groups()
    return ra == rb and _unq(pb) in (pa, _unq(pa))


def _excname(v):
    return v["exc"][0] if isinstance(v, dict) and "exc" in v else None


def _dumped(case):
    return json.dumps(case["args"], ensure_ascii=False)


# Differences kept on purpose (see the fidelity README): (area, label, test).
KEPT = [
    (
        "content_header",
        "backslash escape in a quoted value (RFC 9110 5.6.4)",
        lambda c, a, b: "\\" in c["value"],
    ),
    ("parse_host", "'_' in a host name (RFC 3986 reg-name)", lambda c, a, b: "_" in c["value"]),
    (
        "accept",
        "malformed ranges skipped, not InvalidHeader",
        lambda c, a, b: _excname(a) == "InvalidHeader" and "ok" in b,
    ),
    (
        "accept",
        "q=0 is not acceptable / types match in any case (RFC 9110 12.4.2, 8.3.1)",
        lambda c, a, b: "ok" in a and "ok" in b and a["ok"]["dict"][0] == b["ok"]["dict"][0],
    ),
    (
        "credentials",
        "scheme in any case (RFC 9110 11.1)",
        lambda c, a, b: (
            (c["value"] or "")[:1].islower()
            or any(p != p.capitalize() for p in c["prefixes"] or ())
        ),
    ),
    (
        "cookie_req",
        "several Cookie fields joined (RFC 9113 8.2.3)",
        lambda c, a, b: len(c["headers"]) > 1,
    ),
    ("cookie_req", 'a="" is the empty value', lambda c, a, b: '=""' in c["headers"][0]),
    (
        "cookie_req",
        "a cookie name with a Latin-1 letter is kept",
        lambda c, a, b: any(not p.split("=")[0].isascii() for p in c["headers"][0].split(";")),
    ),
    (
        "cookie_resp",
        "';' in a cookie path is refused (RFC 6265 4.1.1)",
        lambda c, a, b: "/x;y" in json.dumps(c),
    ),
    (
        "form",
        "a body or part head not valid UTF-8 loses only that field or part",
        lambda c, a, b: _not_utf8(c["body"]),
    ),
    (
        "parse_host",
        "a bracketed host with '.' (IPv4-mapped IPv6)",
        lambda c, a, b: "[" in c["value"] and "." in c["value"],
    ),
    (
        "response_wire",
        "no 'content-type: None' (RFC 9110 8.3)",
        lambda c, a, b: ["content-type", "None"] in a["ok"]["dict"][1][1],
    ),
    (
        "router",
        "a regex or path route next to a host route: Sanic 404s paths the host route "
        "does not match",
        lambda c, a, b: any("host" in r for r in c["routes"]) and _excname(a) == "NotFound",
    ),
    (
        "url_for",
        "a value whose pattern fits but whose cast fails (2024-02-30) is refused",
        lambda c, a, b: "is not a valid" in json.dumps(b),
    ),
    (
        "cookie_resp",
        "expires as rfc1123-date (RFC 6265 4.1.1)",
        lambda c, a, b: any("expires" in k for k in c["add"]),
    ),
    (
        "forwarded",
        "PROXIES_COUNT < 0: Sanic AssertionError",
        lambda c, a, b: c["config"].get("PROXIES_COUNT", 0) < 0,
    ),
    (
        "forwarded",
        "OWS before ';' / backslash escapes in Forwarded (RFC 7239, RFC 9110 5.6.4)",
        lambda c, a, b: any(" ;" in v or "\\" in v for _, v in c["headers"]),
    ),
    (
        "fwd_normalize",
        "a port is ASCII digits (RFC 3986 3.2.3)",
        lambda c, a, b: any(
            k == "port" and not (v.isascii() and v.isdigit()) for k, v in c["pairs"]
        ),
    ),
    ("form", 'filename="a\\"b" is a"b (RFC 9110 5.6.4)', lambda c, a, b: '\\"' in c["body"]),
    (
        "form",
        "boundary '--': Sanic cuts two bytes off each part (RFC 2046 5.1.1)",
        lambda c, a, b: "boundary=--" in c["ctype"] or 'boundary="--"' in c["ctype"],
    ),
    (
        "args",
        "raw space, TAB or non-ASCII in the target: Sanic's Request() refuses it",
        lambda c, a, b: _excname(a) == "BadRequest" and "ok" in b,
    ),
    (
        "response",
        "Content-Disposition filename quoted / filename* (RFC 6266, RFC 9110 5.6.4)",
        lambda c, a, b: c["kind"] == "file" and "filename" in c["kw"],
    ),
    (
        "response_wire",
        "Content-Disposition filename quoted / filename* (RFC 6266)",
        lambda c, a, b: c["kind"] == "file" and "filename" in c["kw"],
    ),
    (
        "response_wire",
        "1xx is no final response: 500 (RFC 9110 15.2)",
        lambda c, a, b: 100 <= c["kw"].get("status", 200) < 200,
    ),
    (
        "response_wire",
        "no content in a 204/304 (RFC 9110 15.3.5, 15.4.5)",
        lambda c, a, b: c["kw"].get("status") in (204, 304),
    ),
    (
        "router",
        "Sanic crashes (AttributeError, IndexError, ymd in a regex route)",
        lambda c, a, b: (
            _excname(a) in ("AttributeError", "IndexError") or "finalize" in json.dumps(a)
        ),
    ),
    (
        "router",
        "ext parameter of a regex route: Sanic ignores the extension list",
        lambda c, a, b: _ext_in_regex_route(c),
    ),
    (
        "wire",
        "ext parameter of a regex route: Sanic ignores the extension list",
        lambda c, a, b: _ext_in_regex_route(c),
    ),
    (
        "forwarded",
        "a malformed pair (proto=a:b) ends the element: the secret does not vouch "
        "for what follows (the proxy guide's examples)",
        lambda c, a, b: set(map(tuple, b["ok"]["dict"])) <= set(map(tuple, a["ok"]["dict"])),
    ),
]


def _ext_in_regex_route(c):
    return any(
        ":ext" in r["path"]
        and ("path>" in r["path"] or "(?P" in r["path"] or ":[" in r["path"] or ":\\d" in r["path"])
        for r in c["routes"]
    )


KEPT += [
    (
        "router",
        "in a route with an ext=a|b parameter Sanic also checks the others' patterns "
        "(float NaN, 1e3: 404 there)",
        lambda c, a, b: (
            _excname(a) == "NotFound" and any(":ext=" in r["path"] for r in c["routes"])
        ),
    ),
    (
        "wire",
        "several regex routes: Sanic gives a parameter another route's group",
        lambda c, a, b: (
            sum(
                "path>" in r["path"]
                or ":\\d" in r["path"]
                or ":[" in r["path"]
                or "(?P" in r["path"]
                for r in c["routes"]
            )
            >= 2
        ),
    ),
    (
        "error_page",
        "DEL in an error page's JSON is escaped (json); Sanic with ujson writes it raw",
        lambda c, a, b: "\\u007f" in json.dumps(b) and "\\u007f" not in json.dumps(a),
    ),
    (
        "forwarded",
        "a malformed pair ends the element (keys)",
        lambda c, a, b: (
            {k for k, _ in b["ok"]["dict"]} <= {k for k, _ in a["ok"]["dict"]}
            and any(":" in v or "{" in v for _, v in c["headers"])
        ),
    ),
    (
        "router",
        "Sanic's ext precedence and 404 message change with an ext=a|b route elsewhere",
        lambda c, a, b: (
            any(":ext=" in r["path"] for r in c["routes"])
            and sum(":ext" in r["path"] for r in c["routes"]) > 1
            or (_excname(a) == _excname(b) == "NotFound" and "URL None" in json.dumps(b))
        ),
    ),
    (
        "wire",
        "RouteExists lists the methods sorted (Sanic: set order)",
        lambda c, a, b: (
            "RouteExists" in json.dumps(a)
            and sorted(json.dumps(a).split("[")[-1]) == sorted(json.dumps(b).split("[")[-1])
        ),
    ),
    (
        "wire",
        "a TAB in a test-client URL: httpx counts its position from another base URL",
        lambda c, a, b: _excname(a) == _excname(b) == "InvalidURL",
    ),
    (
        "parse_host",
        "brackets hold only an IPv6 address (RFC 3986 3.2.2; Sanic takes '[:::]')",
        lambda c, a, b: "[" in c["value"] and a["ok"][0] and not b["ok"][0],
    ),
    (
        "accept",
        "a range with an empty type or subtype is malformed (RFC 9110 8.3.1)",
        lambda c, a, b: any(
            r.strip().split(";")[0].strip().endswith("/") or r.strip().startswith("/")
            for r in (c["value"] or "").split(",")
        ),
    ),
    (
        "url_for",
        "Sanic garbles the URL of an inline regex holding '>' ('/xxx+)>/...')",
        lambda c, a, b: isinstance(a, str) and ")>" in a,
    ),
    (
        "router",
        "404 messages and 405s next to ext routes on a host (Sanic's 'None' and fall-through)",
        lambda c, a, b: any(":ext" in r["path"] and "host" in r for r in c["routes"]),
    ),
    (
        "url_for",
        "characters a path segment cannot hold are percent-encoded (RFC 3986 2.1)",
        lambda c, a, b: (
            isinstance(a, str)
            and isinstance(b, str)
            and (
                _unq(a) == _unq(b)
                or _unq(b) == a
                or b.replace("%25", "%") == a
                or _same_but_path(a, b)
            )
        ),
    ),
    (
        "url_for",
        "RouteExists lists the methods sorted (Sanic: set order)",
        lambda c, a, b: (
            "RouteExists" in json.dumps(a)
            and sorted(json.dumps(a).split("[")[-1]) == sorted(json.dumps(b).split("[")[-1])
        ),
    ),
    (
        "router",
        "RouteExists lists the methods sorted (Sanic: set order)",
        lambda c, a, b: (
            "RouteExists" in json.dumps(a)
            and sorted(json.dumps(a).split("[")[-1]) == sorted(json.dumps(b).split("[")[-1])
        ),
    ),
    (
        "router",
        "Sanic's 404 message names None for a refused extension (not copied with a trailing slash)",
        lambda c, a, b: "URL None" in json.dumps(a),
    ),
    (
        "router",
        "Sanic gives another route's tuple as a parameter value (ext routes)",
        lambda c, a, b: '["x", "txt"]' in json.dumps(a) or '["' in json.dumps(a[1]),
    ),
    (
        "wire",
        "Sanic crashes (AttributeError) on ext routes: no route",
        lambda c, a, b: a[1].startswith("[null") and any(":ext" in r["path"] for r in c["routes"]),
    ),
    (
        "error_page",
        "Accept q=0 is not acceptable (RFC 9110 12.4.2; Sanic matches it)",
        lambda c, a, b: "q=0," in (c["accept"] or ""),
    ),
    (
        "response_wire",
        "a body that is no bytes under ASGI: both raise, other messages",
        lambda c, a, b: _excname(a) == _excname(b) == "TypeError",
    ),
    (
        "response_wire",
        "a status outside 100-999 under ASGI: 500 (Sanic hands it to the server)",
        lambda c, a, b: (
            isinstance(c["kw"].get("status"), int) and not 100 <= c["kw"]["status"] <= 999
        ),
    ),
    ("url_for", "_server settles an ambiguous host", lambda c, a, b: "ambiguous" in json.dumps(a)),
    (
        "url_for",
        "ext= builds; a wrong extension is refused",
        lambda c, a, b: "ext" in c["item"][1] or "is not one of" in json.dumps(b),
    ),
    (
        "url_for",
        "Sanic crashes (re.error: a backslash in a value)",
        lambda c, a, b: _excname(a) == "error",
    ),
    (
        "router",
        "unquote=True on any route unquotes every route's parameters in Sanic",
        lambda c, a, b: any(r.get("unquote") for r in c["routes"]),
    ),
    (
        "wire",
        "unquote=True on any route unquotes every route's parameters in Sanic",
        lambda c, a, b: any(r.get("unquote") for r in c["routes"]),
    ),
    (
        "url_for",
        "Sanic crashes (ymd in a regex route)",
        lambda c, a, b: "Invalid matching pattern" in json.dumps(a),
    ),
    (
        "wire",
        "Sanic crashes (ymd in a regex route)",
        lambda c, a, b: "Invalid matching pattern" in json.dumps(a),
    ),
]

# Third round (apidiff_cases3.py).
KEPT += [
    (
        "exc3",
        "a DQUOTE or backslash in an Unauthorized challenge parameter is escaped as a "
        "quoted-pair (RFC 9110 5.6.4, 11.2; \"RFC conformance checklist, eighth round\")",
        lambda c, a, b: (
            c["exc"]["cls"] == "Unauthorized"
            and any('"' in str(v) or "\\" in str(v) for v in c["exc"]["kw"].values())
        ),
    ),
    (
        "exc3",
        "an HTTP error class given status_code= takes it (seed 002: ServerError(..., "
        "status_code=500)); Sanic 25.12 raises TypeError",
        lambda c, a, b: (
            c["exc"]["cls"] == "custom"
            and c["exc"]["base"] != "SanicException"
            and "status_code" in c["exc"]["kw"]
        ),
    ),
    (
        "exc_handlers",
        "an HTTP error class given status_code= takes it (seed 002); Sanic 25.12 raises TypeError",
        lambda c, a, b: any(
            r.get("cls") == "custom" and r["base"] != "SanicException" and "status_code" in r["kw"]
            for r in c["raises"].values()
        ),
    ),
    (
        "request_props",
        "an unquoted host=h:port in Forwarded is dropped (RFC 7239 4)",
        lambda c, a, b: "host=h:1" in c["headers"].get("forwarded", ""),
    ),
    (
        "exc_handlers",
        "a second non-response from the exception handlers: Sanic's app raises "
        "'Invalid response type' (its own server closes without an answer); Hurtle's 500",
        lambda c, a, b: _excname(a) == "ServerError" and "Invalid response type" in a["msg"],
    ),
    (
        "exc_handlers",
        "an async exception handler's error: no 'content-type: None', and logged (Sanic loses it)",
        lambda c, a, b: '["content-type", "None"]' in json.dumps(a),
    ),
    (
        "blueprints",
        "url_for of a copied blueprint's routes: Sanic cannot find them",
        lambda c, a, b: (
            "Endpoint with name" in json.dumps(a) and any(op["op"] == "copy" for op in c["ops"])
        ),
    ),
    (
        "blueprints",
        "two equal routes in one blueprint: which one Sanic reports depends on set order",
        lambda c, a, b: (
            "Route already registered" in json.dumps(a)
            and "Route already registered" in json.dumps(b)
        ),
    ),
    (
        "exc_handlers",
        "a handler registered twice for a class: which class Sanic names depends on set "
        "order (it varies between runs)",
        lambda c, a, b: (
            "Duplicate exception handler definition" in json.dumps(a)
            and "Duplicate exception handler definition" in json.dumps(b)
        ),
    ),
    (
        "middleware",
        "BlueprintGroup.on_request/on_response take priority= (Sanic's: TypeError)",
        lambda c, a, b: "got an unexpected keyword argument 'priority'" in json.dumps(a),
    ),
    (
        "config",
        "a REQUEST_MAX_SIZE that is no number: the TypeError says so (Sanic's: '<' not supported)",
        lambda c, a, b: "is a number of bytes" in json.dumps(b),
    ),
    (
        "request_props",
        "PROXIES_COUNT < 0: Sanic AssertionError",
        lambda c, a, b: c["config"].get("PROXIES_COUNT", 0) < 0,
    ),
    (
        "signals",
        "dispatch of an undefined event while an app.event() for it starts: Sanic returns None",
        lambda c, a, b: (
            "Could not find signal" in json.dumps(b) and '["ok", null]' in json.dumps(a)
        ),
    ),
]


def kept_label(area, case, ref, hur):
    args = case["args"]
    for where, label, test in KEPT:
        if where == area:
            try:
                if test(args, ref, hur):
                    return label
            except (KeyError, TypeError, IndexError, AttributeError):
                continue
    return None


def _status(v):
    return v["ok"]["dict"][0][1] if isinstance(v, dict) and "ok" in v else None


def _without_cache_control(v):
    """A file_wire answer with its cache-control field left out (the rest compared)."""
    if not (isinstance(v, dict) and "ok" in v):
        return v
    parts = [list(p) for p in v["ok"]["dict"]]
    for part in parts:
        if part[0] == "headers":
            part[1] = [h for h in part[1] if h[0] != "cache-control"]
    return parts


def _boundary_raw(c):
    m = re.search(r'(?i)boundary=("[^"]*"|[^;\s]*)', c["ctype"])
    return m.group(1) if m else ""


def _boundary(c):
    return _boundary_raw(c).strip('"')


def _unquoted_cut(c):
    raw = _boundary_raw(c)
    return not raw.startswith('"') and re.search(r"[^A-Za-z0-9!#$%&'*+\-.^_`|~]", raw)


def _head_line_without_colon(c):
    delimiter, in_head = "--" + _boundary(c), False
    for line in c["body"].replace("\r\n", "\n").split("\n"):
        if line.startswith(delimiter):
            in_head = True
        elif in_head and not line:
            in_head = False
        elif in_head and ":" not in line:
            return True
    return False


def _not_utf8(body):
    """A body (bytes as latin-1 text) that is not valid UTF-8."""
    try:
        body.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return True
    return False


def _boundary_after_head(c):
    delimiter, head = "--" + _boundary(c), None
    for line in c["body"].replace("\r\n", "\n").split("\n"):
        if line.startswith(delimiter):
            if head:
                return True
            head = []
        elif head is not None and line:
            head.append(line)
        else:
            head = None
    return False


# Second round (apidiff_cases2.py): the same kept differences, met through other inputs.
KEPT += [
    (
        "cookie_attrs",
        "a value that is no str: TypeError from add_cookie (Sanic: when the header is written)",
        lambda c, a, b: "Cookie value must be a str" in json.dumps(b),
    ),
    (
        "cookie_attrs",
        "';' or a control character in a path, domain or comment is refused (RFC 6265 4.1.1)",
        lambda c, a, b: "holds ';' or a control character" in json.dumps(b),
    ),
    (
        "cookie_attrs",
        "samesite that is no str: TypeError (Sanic: AttributeError from .lower())",
        lambda c, a, b: _excname(a) == "AttributeError" and "samesite" in json.dumps(b),
    ),
    (
        "cookie_attrs",
        "expires as rfc1123-date, an aware datetime converted to GMT (RFC 6265 4.1.1)",
        lambda c, a, b: "expires=" in json.dumps(a) and "expires=" in json.dumps(b),
    ),
    (
        "file_wire",
        "preconditions per RFC 9110 13.2.2 (Sanic: If-Modified-Since only)",
        lambda c, a, b: (
            c["how"] in ("static", "static_range", "file_headers")
            and any(h in c["headers"] for h in ("if-match", "if-none-match", "if-unmodified-since"))
        ),
    ),
    (
        "file_wire",
        "a 304 carries the Cache-Control of its 200 (RFC 9110 15.4.5)",
        lambda c, a, b: _status(a) == _status(b) == 304,
    ),
    (
        "file_wire",
        "a HEAD of a static file carries the Cache-Control its GET carries (RFC 9110 9.3.2)",
        lambda c, a, b: (
            c["method"] == "head"
            and c["how"].startswith("static")
            and _without_cache_control(b) == _without_cache_control(a)
        ),
    ),
    (
        "file_wire",
        "If-Range honoured only for the exact Last-Modified (RFC 9110 13.1.5)",
        lambda c, a, b: c["how"] == "static_range" and "if-range" in c["headers"],
    ),
    (
        "file_wire",
        "byte ranges: past the end or of an empty file 416, end clamped, several ranges or "
        "another unit ignored, unit in any case (RFC 9110 14)",
        lambda c, a, b: c["how"].endswith("_range") and "range" in c["headers"],
    ),
    (
        "form",
        "a backslash in a quoted filename escapes the next character (RFC 9110 5.6.4)",
        lambda c, a, b: '"dir/sub\\\\' in c["body"],
    ),
    (
        "form",
        "filename* wins over filename (RFC 6266 4.3)",
        lambda c, a, b: "filename*=" in c["body"] and "filename=" in c["body"],
    ),
    (
        "form",
        "the urlencoded charset is honoured (Sanic: UTF-8 always)",
        lambda c, a, b: (
            c["ctype"].startswith("application/x-www-form-urlencoded;")
            and "charset=utf-8" not in c["ctype"].lower()
        ),
    ),
    (
        "form",
        "transport padding after a boundary delimiter (RFC 2046 5.1.1)",
        lambda c, a, b: any(
            line.startswith("--") and line != line.rstrip(" \t")
            for line in c["body"].replace("\r\n", "\n").split("\n")
        ),
    ),
    (
        "url_for",
        "Sanic reads a backslash in a value as a regex escape ('a\\b' becomes a backspace)",
        lambda c, a, b: isinstance(a, str) and "\\" in json.dumps(c["item"]) and "%5C" in b,
    ),
    (
        "form",
        'the boundary string inside a part (name="a b" with boundary "a b"): Sanic splits '
        "there and loses fields",
        lambda c, a, b: (
            len(_boundary(c)) > 2
            and any(
                _boundary(c) in line and not line.startswith("--" + _boundary(c))
                for line in c["body"].replace("\r\n", "\n").split("\n")
            )
        ),
    ),
    (
        "form",
        "the boundary string not at a line start is content (RFC 2046 5.1.1; Sanic splits there)",
        lambda c, a, b: any(
            "--" + _boundary(c) in line[1:] for line in c["body"].replace("\r\n", "\n").split("\n")
        ),
    ),
    (
        "form",
        "a part not valid in its charset is decoded with U+FFFD (Sanic drops the whole form)",
        lambda c, a, b: re.search(r'(?i)charset="?(utf-16|utf-32|ascii|cp1252)', c["body"]),
    ),
    (
        "form",
        "a part head line without a colon is skipped (Sanic drops the whole form)",
        lambda c, a, b: _head_line_without_colon(c),
    ),
    (
        "form",
        "a boundary right after a part head loses that part (Sanic drops the whole form)",
        lambda c, a, b: _boundary_after_head(c),
    ),
    (
        "form",
        "a boundary of dashes only ('-', '----', RFC 2046 5.1.1): Sanic parses no form",
        lambda c, a, b: set(_boundary(c)) == {"-"},
    ),
    (
        "form",
        "an unquoted boundary cut short by a character outside token: no form (RFC 2046 "
        "5.1.1); Sanic's result depends on what follows the cut",
        lambda c, a, b: _unquoted_cut(c),
    ),
    (
        "file_args",
        "Content-Disposition filename quoted / filename* (RFC 6266, RFC 9110 5.6.4)",
        lambda c, a, b: any(ch in c["kw"].get("filename") or "" for ch in '"é'),
    ),
]


# ----------------------------------------------------------------- fourth round


def _exc_pic(v):
    """An exception picture ({"exc": [...], "msg": ...}, plain or normalised), or None."""
    if isinstance(v, dict) and list(v) == ["dict"]:
        keys = [k for k, _ in v["dict"]]
        if keys == ["exc", "msg"]:
            v = dict(v["dict"])
    if isinstance(v, dict) and set(v) == {"exc", "msg"}:
        return v
    return None


def _alike(a, b, msgs_alike):
    """Equal but for exception messages of one class that ``msgs_alike(ref, hur)`` accepts."""
    if a == b:
        return True
    ea, eb = _exc_pic(a), _exc_pic(b)
    if ea and eb:
        return ea["exc"][0] == eb["exc"][0] and msgs_alike(ea["msg"], eb["msg"])
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_alike(a[k], b[k], msgs_alike) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_alike(x, y, msgs_alike) for x, y in zip(a, b, strict=True))
    return False


def _hint(ref, hur):
    """Hurtle's message is Sanic's with a hint after it, or names the methods plainly."""
    if hur.startswith(ref):
        return True
    if ref.startswith("unhashable type") and "host=" in hur:  # host=[]: Sanic's bare error
        return True
    return ref.startswith("Bad method: ") and hur.startswith("Bad method: ")


def _bare_type_error(ref, hur):
    """Sanic's is a bare Python error from its name pattern; Hurtle's says what to pass."""
    bare = ("expected string or bytes-like object", "cannot use a string pattern")
    return ref.startswith(bare) and "must be a str" in hur


def _ok(v):
    return v["ok"] if isinstance(v, dict) and "ok" in v else v


KEPT += [
    (
        area,
        "same exception class, Hurtle's message adds a hint (route options must be named "
        "ctx_<name>; the route of a bad method)",
        lambda c, a, b: _alike(_ok(a), _ok(b), _hint),
    )
    for area in ("views", "ctx")
]
KEPT += [
    (
        "registry",
        "an app name that is no str: a TypeError saying so (Sanic: its pattern's message)",
        lambda c, a, b: _alike(_ok(a), _ok(b), _bare_type_error),
    ),
    (
        "req_body",
        "Basic credentials whose password holds ':' are read (RFC 7617 2: the user-id "
        "ends at the first colon); Sanic drops them (credentials None)",
        lambda c, a, b: _basic_colon_password(c),
    ),
    (
        "req_body",
        "an auth scheme in lower case is a scheme (RFC 9110 11.1): token without it",
        lambda c, a, b: any(
            n.lower() == "authorization" and v[:1].islower() for n, v in c["headers"]
        ),
    ),
    (
        "views",
        "a method the view does not define: 405 (Sanic: a 500 from an AttributeError)",
        lambda c, a, b: _view_missing_method(c, a, b),
    ),
    (
        "header_api",
        "the type of the bound h.keys read as an attribute: a Python method on Hurtle's Header "
        "(it overrides keys() to give one name per field under multidict 7 too), a built-in "
        "method in Sanic's",
        lambda c, a, b: _only_keys_attr_type_differs(c, a, b),
    ),
    (
        "header_api",
        "keys() (and so dict(h), h == dict(h), list(h)) of a Header with a repeated name: one key "
        "per field under multidict 6 (Sanic pins < 7), one per name under multidict 7 (fixed at "
        "64f26ab: Header iterates one name per field; the label stays for old trees)",
        lambda c, a, b: _only_keys_differ(c, a, b),
    ),
]


def _basic_colon_password(c):
    import base64

    for name, value in c["headers"]:
        if name.lower() == "authorization" and value.startswith("Basic "):
            try:
                text = base64.b64decode(value[6:]).decode()
            except ValueError:
                return False
            return text.count(":") > 1
    return False


def _only_keys_attr_type_differs(c, a, b):
    a, b = _ok(a), _ok(b)
    if not (isinstance(a, list) and isinstance(b, list) and len(a) == len(b)):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return bool(differ) and all(
        x == ["attr", "builtin_function_or_method"] and y == ["attr", "method"] for x, y in differ
    )


def _only_keys_differ(c, a, b):
    a, b = _ok(a), _ok(b)
    if not (isinstance(a, list) and isinstance(b, list) and len(a) == len(b)):
        return False
    for x, y in zip(a, b, strict=True):
        if x != y and not (
            isinstance(x, list) and x[:1] in (["keys"], ["eq"], ["index"]) and x[:1] == y[:1]
        ):
            return False
    return True


def _only_requests_differ(a, b, c, pred):
    """Results alike but in "requests" items, each differing one accepted by pred(request)."""
    a, b = _ok(a), _ok(b)
    if not (isinstance(a, dict) and isinstance(b, dict) and "dict" in a and "dict" in b):
        return False
    da, db = dict(a["dict"]), dict(b["dict"])
    if list(da) != list(db) or "requests" not in da:
        return False
    if any(da[k] != db[k] for k in da if k != "requests"):
        return False
    ra, rb = da["requests"], db["requests"]
    return len(ra) == len(rb) and all(
        x == y or pred(req) for x, y, req in zip(ra, rb, c["requests"], strict=True)
    )


def _view_missing_method(c, a, b):
    return _only_requests_differ(a, b, c, lambda req: req[0].lower() not in c["methods"])


def _refused_format_registered(c, a):
    """Sanic raises 'Unknown format' for a route's error_format and registers it anyway."""
    seen = json.dumps(a)
    return ("Unknown format" in seen or "Duplicate route names" in seen) and any(
        r["kw"].get("error_format") not in (None, "", "auto", "json", "html", "text")
        for r in c["routes"]
    )


KEPT += [
    (
        "route_defs",
        "a route refused for its error_format is not registered (Sanic raises 'Unknown "
        "format' and keeps the route)",
        lambda c, a, b: _refused_format_registered(c, a),
    ),
]


def _failed_two_prefix_delete(c):
    """A delete_cookie with both prefixes (which raises) after a cookie was set."""
    added = False
    for op in c["ops"]:
        both = op[0] == "delete" and op[3].get("host_prefix") and op[3].get("secure_prefix")
        if both and added:
            return True
        added = added or op[0] in ("add", "delete")  # a delete sets an expired cookie
    return False


KEPT += [
    (
        "cookiejar",
        "delete_cookie that raises (both prefixes) leaves the response's cookies alone; "
        "Sanic drops every cookie set so far",
        lambda c, a, b: _failed_two_prefix_delete(c),
    ),
]


def _route_exists_raised(a):
    return "RouteExists" in json.dumps(a)


KEPT += [
    (
        "route_defs",
        "an app without a route finalizes (Sanic: FinalizationError 'Cannot finalize with no "
        "routes defined.')",
        lambda c, a, b: "Cannot finalize with no routes" in json.dumps(a),
    ),
    (
        "route_defs",
        "a route refused with RouteExists leaves the routes before it; Sanic can lose another "
        "route of that path (a HEAD route, on an OPTIONS one with hosts)",
        lambda c, a, b: _route_exists_raised(a),
    ),
]


KEPT += [
    (
        "exc_attrs",
        "an HTTP error class given status_code= takes it (Sanic 25.12: TypeError, see the "
        "third round)",
        lambda c, a, b: (
            "status_code" in c["exc"]["kw"]
            and "unexpected keyword argument 'status_code'" in json.dumps(a)
        ),
    ),
]


def _unhashable_ctx(c, a):
    values = list(c["route_kw"].values())
    return "unhashable type" in json.dumps(a) and any(isinstance(v, (list, dict)) for v in values)


KEPT += [
    (
        "ctx",
        "a route's ctx_ keyword with a list or dict value is stored on route.ctx; Sanic "
        "raises TypeError: unhashable type",
        lambda c, a, b: _unhashable_ctx(c, a),
    ),
]


def _tasks_none_added(c, a, b):
    """Alike but for tasks ending "raised" in Hurtle and with None in Sanic, in a case that
    adds something neither awaitable nor callable (None)."""
    ops = c["pre"] + c["ops"]
    if not any(op[0] == "add" and op[2] == "none" for op in ops):
        return False

    def norm_end(v):
        text = json.dumps(v).replace('"raised"', "null")
        # cancel_task of that task raises its TypeError (as Sanic raises a task's error)
        text = re.sub(
            r'\["cancel", \{"dict": \[\["exc", \["TypeError"[^\]]*\]\], \["msg", '
            r'"\'NoneType\' object is not callable"\]\]\}\]',
            '["cancelled", null]',
            text,
        )
        v = json.loads(text)
        try:
            steps = dict(v["ok"]["dict"])["request"][1]
            for step in steps:
                if step[0] == "end":
                    step[1] = sorted(step[1], key=str)
        except (KeyError, TypeError, IndexError):
            pass
        return v

    return norm_end(a) == norm_end(b)


KEPT += [
    (
        "tasks",
        "add_task(None) (neither awaitable nor callable): its task fails with a TypeError; "
        "Sanic's ends with None, the mistake unseen",
        _tasks_none_added,
    ),
]


def _route_defs_alike(c, a, b):
    """Alike but for Hurtle's hinted messages (same class) and requests whose path RFC 3986
    6.2.2 normalises (%7e, lower-case hex: routed by Hurtle, 404 in Sanic)."""
    a, b = _ok(a), _ok(b)
    if not (isinstance(a, dict) and isinstance(b, dict) and "dict" in a and "dict" in b):
        return False
    da, db = dict(a["dict"]), dict(b["dict"])
    if list(da) != list(db):
        return False
    for k in da:
        if k == "requests":
            pairs = zip(da[k], db[k], c["requests"], strict=True)
            if len(da[k]) != len(db[k]) or not all(
                x == y or re.search(r"%7[eE]|%[0-9A-Fa-f]?[a-f]", req[1]) for x, y, req in pairs
            ):
                return False
        elif not _alike(da[k], db[k], _hint):
            return False
    return True


def _duplicate_name_with_hosts(c, a, b):
    """Hurtle refuses at start-up two routes of one name when one has a list of hosts."""
    names = [r["kw"].get("name") for r in c["routes"] if r["kw"].get("name")]
    multi = [
        r["kw"].get("name")
        for r in c["routes"]
        if isinstance(r["kw"].get("host"), list) and len(r["kw"]["host"]) > 1
    ]
    return (
        "Duplicate route names" in json.dumps(b)
        and "Duplicate route names" not in json.dumps(a)
        and any(names.count(n) > 1 for n in multi)
    )


KEPT += [
    (
        "route_defs",
        "same exception class with Hurtle's hint (ctx_<name>, the route of a bad method, "
        "host=[]), and paths with %7e or lower-case hex escapes routed as the same URI "
        "(RFC 3986 6.2.2, RFC 9110 4.2.3; Sanic 404)",
        _route_defs_alike,
    ),
    (
        "route_defs",
        "two routes of one name, one of them on a list of hosts: Hurtle refuses them at "
        "start-up as any duplicate name; Sanic's check misses them and url_for of the name "
        "gives whichever was added first",
        _duplicate_name_with_hosts,
    ),
]


_LISTENER_EVENTS = {
    "before_server_start",
    "after_server_start",
    "before_server_stop",
    "after_server_stop",
    "main_process_start",
    "main_process_ready",
    "main_process_stop",
    "reload_process_start",
    "reload_process_stop",
}


def _listeners_alike(c, a, b):
    """Alike but for kept causes: a shortcut called with priority= only (Sanic's shortcuts
    but before_server_start lack listener=None: TypeError), a blueprint listener of an
    unknown event refused when declared (Sanic: KeyError at app.blueprint()), the TypeError
    of a listener taking no argument (Sanic's message counts its retry with the loop)."""
    a, b = _ok(a), _ok(b)
    try:
        da, db = dict(a["dict"]), dict(b["dict"])
    except (KeyError, TypeError):
        return False
    specs = c["listeners"]
    unknown_bp = [s["how"] == "bp" and s["event"].lower() not in _LISTENER_EVENTS for s in specs]
    refused = set()  # refused by Sanic only
    for i, (x, y) in enumerate(zip(da["register"], db["register"], strict=True)):
        ex, ey = _exc_pic(x), _exc_pic(y)
        if x == y or (ex and ey and ex["exc"][0] in ey["exc"]):
            continue
        if "missing 1 required positional argument: 'listener'" in json.dumps(x) and y == "ok":
            refused.add(i)
            continue
        if unknown_bp[i] and x == "ok" and "KeyError" in json.dumps(y):
            continue
        return False
    if "blueprint" in da and any(unknown_bp):
        return "KeyError" in json.dumps(da["blueprint"])
    if refused:  # what the listeners Sanic refused do in Hurtle (run, fail) follows
        return True
    rest_a = {k: v for k, v in da.items() if k != "register"}
    rest_b = {k: v for k, v in db.items() if k != "register"}
    text_a = re.sub(r"but \d+ (was|were) given", "but N given", json.dumps(rest_a))
    text_b = re.sub(r"but \d+ (was|were) given", "but N given", json.dumps(rest_b))
    return text_a == text_b


KEPT += [
    (
        "listeners",
        "@app.<event>(priority=...) taken for every listener shortcut (Sanic: TypeError but "
        "for before_server_start); a blueprint listener of an unknown event refused when "
        "declared (Sanic: at app.blueprint()); a no-argument listener's TypeError counts "
        "the arguments given once",
        _listeners_alike,
    ),
]


def _resp_mut_alike(c, a, b):
    """Alike but for kept causes of the first list: Sanic's ``content-type: None``, content
    sent with a 204/304 (RFC 9110 15.3.5, 15.4.5), a 1xx sent as final (Hurtle: the 500
    page, RFC 9110 15.2)."""
    a, b = _ok(a), _ok(b)
    try:
        da, db = dict(a["dict"]), dict(b["dict"])
    except (KeyError, TypeError):
        return False
    if da["local"] != db["local"] or da["state"] != db["state"]:
        return False
    none_pair = [{"dict": [["bytes", "content-type"]]}, {"dict": [["bytes", "None"]]}]
    if isinstance(da["processed"], list):
        da["processed"] = [p for p in da["processed"] if p != none_pair]
    if da["processed"] != db["processed"]:
        return False
    wa, wb = da["wire"], db["wire"]
    if not (isinstance(wa, list) and isinstance(wb, list)):
        return False
    if 100 <= wa[0] < 200:
        return wb[0] == 500
    headers = [h for h in wa[1] if h != ["content-type", "None"]]
    body = wa[2]
    if wa[0] in (204, 304):
        body = {"dict": [["bytes", ""]]}
    return [wa[0], headers, body] == wb


KEPT += [
    (
        "resp_mut",
        "content-type: None (Sanic), no content with a 204/304, a 1xx status answered with "
        "the 500 page (the first list's items)",
        _resp_mut_alike,
    ),
]


_UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _normalisable_escape(path):
    """A %-escape RFC 3986 6.2.2 normalises: of an unreserved character, or in lower case."""
    for hexdigits in re.findall(r"%([0-9A-Fa-f]{2})", path or ""):
        if hexdigits != hexdigits.upper() or chr(int(hexdigits, 16)) in _UNRESERVED:
            return True
    return False


KEPT += [
    (
        area,
        "a path with an escape RFC 3986 6.2.2 normalises (%33, %7e, lower-case hex) is the "
        "same URI as its normal form (RFC 9110 4.2.3): routed; Sanic 404",
        lambda c, a, b: _normalisable_escape(c["item"][0]) and _excname(a) == "NotFound",
    )
    for area in ("router2", "router")
]


def _methods_sorted(text):
    return re.sub(
        r"\[([A-Z,]+)\]", lambda m: "[" + ",".join(sorted(m.group(1).split(","))) + "]", text
    )


KEPT += [
    (
        "url_static",
        "RouteExists lists the methods sorted (Sanic: set order; first round)",
        lambda c, a, b: (
            "RouteExists" in json.dumps(a)
            and _methods_sorted(json.dumps(a)) == _methods_sorted(json.dumps(b))
        ),
    ),
]


def _url_static_alike(c, a, b):
    """Alike but for url_for's percent-encoding of a file name (a space, non-ASCII: Sanic
    leaves them raw; first round) and a blueprint static URI without its leading slash
    (Sanic glues it to the prefix: /bps; Hurtle joins it as the blueprint's routes: /bp/s)."""
    a, b = _ok(a), _ok(b)
    try:
        da, db = dict(a["dict"]), dict(b["dict"])
    except (KeyError, TypeError):
        return False
    glued = [
        st["uri"].rstrip("/")
        for st in c["statics"]
        if st["where"] == "bp" and st["uri"] and not st["uri"].startswith("/")
    ]

    def unglue(text):
        for uri in glued:
            text = re.sub(rf"bp/{re.escape(uri)}(?=[/\"?#]|$)", f"bp{uri}", text)
        return text

    if "RouteExists" in json.dumps(da.get("register")):
        return True  # Sanic can lose another route then (see route_defs)
    if glued and ("finalize" in db or "RouteExists" in json.dumps(db)):
        return True  # /bp/s of "s" collides with the blueprint's "/s" (Sanic: /bps)
    if list(da) != list(db) or da["register"] != db["register"]:
        return False
    if "routes" in da and sorted(json.loads(unglue(json.dumps(da["routes"])))) != sorted(
        json.loads(unglue(json.dumps(db["routes"])))
    ):
        return False
    owners = [(st["where"], st["kw"].get("name", "static")) for st in c["statics"]]
    # Two static routes of one name, one on a host or both in a blueprint (Sanic adds a
    # blueprint's routes in set order): which one url_for builds differs.
    dup_on_host = any(
        owners.count(o) > 1 and (st["kw"].get("host") or o[0] == "bp")
        for o, st in zip(owners, c["statics"], strict=True)
    )
    for (view, kw), x, y in zip(c["calls"], da.get("urls", []), db.get("urls", []), strict=False):
        if x == y:
            continue
        # A qualified name with a blueprint's view name is found by itself too (Sanic:
        # not found); what follows (a URL, a missing parameter, _scheme) is Hurtle's.
        lenient = view != "static" and "." in (kw.get("name") or "")
        if lenient and "was not found" in json.dumps(x):
            continue
        if dup_on_host:  # two static routes of one name, one on a host: either is built
            continue
        if isinstance(x, str) and isinstance(y, str):
            if _same_but_path(x, unglue(y)) or unglue(_unq(y)) == x:
                continue
        return False
    return len(da.get("urls", [])) == len(db.get("urls", []))


KEPT += [
    (
        "url_static",
        "file names percent-encoded by url_for (Sanic: raw); a blueprint's static URI "
        "without a leading slash joined as /bp/s (Sanic: /bps); url_for('bp.static', "
        "name='x.y') also finds x.y; two static routes of one name, one on a host",
        _url_static_alike,
    ),
]


_ASGI_ENDED = (
    "There is no request to respond to, either the response has already been sent or the "
    "request has not been received yet."
)
_ENDED = "Response stream was ended, no more response data is allowed to be sent."


def _respond_api_alike(c, a, b):
    """Alike but where Sanic's ASGI mode differs from its own server, which Hurtle follows
    in both: a send after the end (RuntimeError there), a response given to respond() whose
    body goes out before what is sent (dropped by Sanic's server), sends after the first
    to a 204 (accepted there); and Sanic's content-type: None."""
    a, b = _ok(a), _ok(b)
    try:
        da, db = dict(a["dict"]), dict(b["dict"])
    except (KeyError, TypeError):
        return False
    text = json.dumps(da).replace(
        '"RuntimeError", "Exception"',
        '"ServerError", "HTTPException", "SanicException", "Exception"',
    )
    text = text.replace(_ASGI_ENDED, _ENDED).replace('["content-type", "None"], ', "")
    text = text.replace(', ["content-type", "None"]', "").replace('["content-type", "None"]', "")
    da = json.loads(text)
    no_body = any(op[0] == "respond" and op[1].get("status") == 204 for op in c["ops"])
    # A given response with a body: Sanic's server (as Hurtle) sends that body and ends
    # at the first empty send; its ASGI mode keeps the stream open.
    given = any(op[0] == "respond_given" for op in c["ops"])
    for x, y in zip(da["ops"], db["ops"], strict=False):
        ended = x[1] == "ok" and _ENDED in json.dumps(y)
        if x != y and not ((no_body or given) and ended):
            return False
    ra, rb = da["result"], db["result"]
    if ra == rb:
        return True
    if not (isinstance(ra, list) and isinstance(rb, list)) or ra[:2] != rb[:2]:
        return False
    if ra[0] in (204, 304) and rb[2] == "":  # no content with a 204 (RFC 9110 15.3.5)
        return True
    return given


KEPT += [
    (
        "respond_api",
        "Sanic's ASGI mode unlike its own server (Hurtle follows the server): a send after "
        "the end, a given response's body (sent and ended at the first empty send by the "
        "server), sends to a 204; "
        "content-type: None",
        _respond_api_alike,
    ),
]


# ----------------------------------------------------------------- fifth round (apidiff_cases5)


def _static_dir_item(c):
    """The request of a static_opts item names a folder on disk (the static root or sub/)."""
    import posixpath
    from urllib.parse import unquote

    base = "/s/q" if "<" in c["uri"] else c["uri"].rstrip("/")
    path = c["item"][1]
    if not path.startswith(base):
        return False
    rel = posixpath.normpath("/" + unquote(path[len(base) :]).lstrip("/"))
    return rel == "/" and c["target"] in ("dir", "sub") or rel == "/sub" and c["target"] == "dir"


def _static_opts_alike(c, a, b):
    """Alike but for the kept static items: a folder without index (Hurtle 404; Sanic 500,
    a 304 to If-Modified-Since, or a HEAD answered as a file), and HEAD of a file with the
    GET's fields (Sanic leaves out cache-control and, with use_modified_since=False,
    last-modified: RFC 9110 9.3.2)."""
    if not (isinstance(a, list) and isinstance(b, list) and len(a) == len(b) == 3):
        return False
    if a[0] == 500 and "<" in c["uri"]:  # a static URI with a parameter: Sanic fails
        return True
    rng = c["item"][2].get("range", "")
    if ("," in rng or rng.startswith("items=")) and (a[0], b[0]) == (416, 200):
        return True  # several ranges, another unit: the whole file (RFC 9110 14.2; Sanic: 416)
    if "//" in c["item"][1] and a[0] == 500:
        return True  # an empty segment: Sanic fails where Hurtle serves the file
    if (
        c["uri"] == "/"
        and c["item"][1].startswith("//")
        and (b[0] == 404 or c["item"][0] == "HEAD")
    ):
        # "//a.txt" under "/": Sanic takes the folder itself as the file (its GET fails
        # with a 500, its HEAD answers 200 with the folder's mtime).
        return True
    if a[0] == b[0] == 200 and isinstance(a[2], list) and isinstance(b[2], list):
        # A listing: Sanic leaves out the names without a suffix (noext).
        return a[2] == [n for n in b[2] if "." in n or n.endswith("/")]
    if (a[0], b[0]) == (304, 304):
        # RFC 9110 15.4.5: a 304 carries the Cache-Control a 200 would have; Sanic's lacks it.
        return [h for h in b[1] if h[0] != "cache-control"] == a[1]
    if _static_dir_item(c) and not (a[0] == b[0] == 200 and c["item"][0] == "GET"):
        # A folder: Hurtle's listing, index, redirect to the slash or 404; Sanic answers
        # as for a file (500 reading it, a 304 or 416 by its mtime and inode size, a HEAD
        # as application/octet-stream).
        return a[0] in (200, 206, 304, 416, 500) and b[0] in (200, 302, 404)
    if c["item"][0] == "HEAD" and (a[0], b[0]) == (200, 404):
        # Without use_modified_since Sanic's HEAD never looks at the file: 200 for one
        # that does not exist.
        return c["kw"].get("use_modified_since") is False
    if c["item"][0] == "HEAD" and a[0] == b[0]:
        drop = ("cache-control", "last-modified")
        return [h for h in a[1] if h[0] not in drop] == [h for h in b[1] if h[0] not in drop]
    return False


KEPT += [
    (
        "static_opts",
        "a folder without index is a 404 (Sanic 500, or 304/200 as a file); HEAD of a static "
        "file has the GET's fields (Sanic: no cache-control, no last-modified without "
        "use_modified_since; RFC 9110 9.3.2); without use_modified_since a HEAD of a file that "
        "does not exist is a 404 (Sanic: 200); a listing shows names without a suffix "
        "(Sanic leaves them out); a static URI with a parameter serves (Sanic: 500); a 304 "
        "keeps the 200's cache-control (RFC 9110 15.4.5); a folder is answered as a folder "
        "(Sanic: as a file: 304/416 by its mtime and size, HEAD octet-stream); '//a.txt' "
        "under '/' is a 404 or the root's listing (Sanic takes the folder as the file: GET "
        "500, HEAD 200); '/s//a.txt' is served (Sanic: 500); several ranges or another unit get the whole file (Sanic: 416)",
        _static_opts_alike,
    ),
]


def _dup_after_lookup(c, a, b):
    """The first difference: Sanic's 'Duplicate exception handler' for the add of a class
    no add for every route named before but a lookup did (Sanic's lookup cache is taken
    for a handler)."""
    a, b = _ok(a), _ok(b)
    if not (isinstance(a, list) and isinstance(b, list) and len(a) == len(b)):
        return False
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y:
            continue
        step = c["steps"][i]
        before = c["steps"][:i]
        return (
            step[0] == "add"
            and y == "added"
            and "Duplicate exception handler" in json.dumps(x)
            and not any(
                s[0] == "add" and s[1] == step[1] and not (s[3] if len(s) > 3 else None)
                for s in before
            )
            and any(s[0] == "lookup" and s[1] == step[1] for s in before)
        )
    return False


def _cached_miss(c, a, b):
    """The first difference: a lookup Sanic answers None after an earlier lookup cached a
    miss (for the class, or an ancestor on that route), which hides a handler added for it
    or for every route."""
    a, b = _ok(a), _ok(b)
    if not (isinstance(a, list) and isinstance(b, list) and len(a) == len(b)):
        return False
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y:
            continue
        step = c["steps"][i]
        return (
            step[0] == "lookup"
            and x is None
            and y is not None
            and any(s[0] == "lookup" for s in c["steps"][:i])
        )
    return False


def _router_intro_alike(c, a, b):
    """Alike but for kept router causes: Sanic's route.pattern leaves a static segment's
    regex characters unescaped (so /v1.5/<p:path> also matches /v1x5/...); lookups where
    Sanic's router crashes (AttributeError, IndexError) or gives a regex route's uuid/ext
    parameter as a str; RouteExists methods in set order; a ymd parameter in a regex route;
    lookups next to a host route or with an ext parameter (the first round's router items)."""
    text_a = json.dumps(a)
    if "Invalid matching pattern" in text_a or "Route already registered" in text_a:
        return True
    a, b = _ok(a), _ok(b)
    try:
        da, db = dict(a["dict"]), dict(b["dict"])
    except (KeyError, TypeError):
        return False
    for k in set(da) | set(db):
        x, y = da.get(k), db.get(k)
        if x == y:
            continue
        if k == "routes" and len(x) == len(y):
            for rx, ry in zip(x, y, strict=True):
                rx, ry = dict(rx["dict"]), dict(ry["dict"])
                pa, pb = rx.pop("pattern") or "", ry.pop("pattern") or ""
                if re.sub(r"\\(.)", r"\1", pa) != re.sub(r"\\(.)", r"\1", pb):
                    return False
                if rx != ry:
                    return False
        elif k == "found" and len(x) == len(y):
            for fx, fy in zip(x, y, strict=True):
                if fx == fy or fx in ("AttributeError", "IndexError"):
                    continue
                if isinstance(fx, list) and isinstance(fy, list) and fx[0] == fy[0]:
                    continue  # the params: Sanic's regex routes skip a uuid/ext cast
                if "NotFound" in (fx, fy) and any(
                    r.get("host") or ":ext" in r["path"] for r in c["routes"]
                ):
                    # The first round's router items: next to a host route Sanic hides
                    # regex routes; an ext=a|b parameter in a regex route is not checked.
                    continue
                return False
        else:
            return False
    return True


KEPT += [
    (
        "helpers",
        "import_string of a name without a dot imports that module (Sanic: a bare "
        "ValueError from unpacking the name)",
        lambda c, a, b: (
            "not enough values to unpack" in json.dumps(a)
            and "." not in c["item"].split("(", 2)[-1]
        ),
    ),
    (
        "log_cfg",
        "LOGGING_CONFIG_DEFAULTS names Hurtle's formatter classes by their own module "
        "(hurtle_app.logging.formatter; the same class names)",
        lambda c, a, b: (
            json.dumps(a).replace("sanic.logging", "hurtle_app.logging") == json.dumps(b)
        ),
    ),
    (
        "get_form",
        "the urlencoded charset is honoured (Sanic: UTF-8 always)",
        lambda c, a, b: "charset=" in c["ctype"] and "utf-8" not in c["ctype"].lower(),
    ),
    (
        "bp_group_api",
        "an app without a route finalizes (Sanic: FinalizationError); a group refuses what "
        "is no blueprint at append/insert (Sanic takes it and fails later with "
        "AttributeError)",
        lambda c, a, b: (
            "Cannot finalize with no routes" in json.dumps(a)
            or "A BlueprintGroup holds blueprints or groups" in json.dumps(b)
        ),
    ),
    (
        "resp_args",
        "no 'content-type: None' (RFC 9110 8.3)",
        lambda c, a, b: (
            json.dumps(a)
            .replace('["content-type", "None"], ', "")
            .replace(', ["content-type", "None"]', "")
            .replace('["content-type", "None"]', "")
            == json.dumps(b)
        ),
    ),
    (
        "err_lookup",
        "adding a handler for a class a lookup met before works (Sanic: 'Duplicate exception "
        "handler definition', its lookup cache taken for a handler)",
        _dup_after_lookup,
    ),
    (
        "err_lookup",
        "a handler for every route answers after a lookup on a route missed (Sanic's cache "
        "keeps the miss for the ancestor class and answers None)",
        _cached_miss,
    ),
    (
        "resp_args",
        "a status that is no int: the fields are made (Sanic's processed_headers raises "
        "TypeError comparing it; over the wire both fail, see the first round)",
        lambda c, a, b: "'<=' not supported between instances of 'int'" in json.dumps(a),
    ),
    ("router_intro", "the router's kept causes (see _router_intro_alike)", _router_intro_alike),
]


def _req_route_alike(c, a, b):
    """Alike but for requests that _req_route_ext_back accepts, and the fourth round's
    RouteExists items (Sanic can lose another route of the path; with two collisions in a
    blueprint, which one it names follows its set order)."""
    if "RouteExists" in json.dumps(a) and "RouteExists" in json.dumps(b):
        return True
    try:
        da, db = dict(_ok(a)["dict"]), dict(_ok(b)["dict"])
    except (KeyError, TypeError):
        return False
    ra, rb = da.pop("requests", None), db.pop("requests", None)
    if da != db or not isinstance(ra, list) or not isinstance(rb, list) or len(ra) != len(rb):
        return False
    return all(x == y or _req_route_ext_back(c, x, y) for x, y in zip(ra, rb, strict=True))


def _req_route_ext_back(c, a, b):
    """Alike but for url_for(request.endpoint, **request.match_info) of an ext route:
    Hurtle builds the URL from the split name and ext (Sanic: URLBuildError; the first
    round's kept item)."""
    if not (isinstance(a, list) and isinstance(b, list) and len(a) == len(b) == 2):
        return False
    try:
        da, db = dict(a[1]["dict"]), dict(b[1]["dict"])
    except (KeyError, TypeError):
        return False
    back_a, back_b = da.pop("back"), db.pop("back")
    return (
        da == db
        and back_a == "URLBuildError"
        and isinstance(back_b, str)
        and any(":ext" in r["uri"] for r in c["routes"])
    )


KEPT += [
    (
        "req_route",
        "url_for of an ext route with the name and ext of match_info builds the URL (Sanic: "
        "URLBuildError); RouteExists as in route_defs",
        _req_route_alike,
    ),
]


def _stream_req_alike(c, a, b):
    """Alike but where Sanic's ASGI mode differs from its own server (which Hurtle follows
    under both): it waits forever for the body of a request without one on a stream
    route, or for a second read after the end (the 3 s bound: "timeout"), and its first
    read of an empty body gives b"" (the server: None)."""
    if _ok(a) == "timeout":
        return True
    if c["route"] == "plain" and _ok(a)[0] == _ok(b)[0]:
        # A route without stream=True: Sanic's ASGI mode hands a chunked body to
        # request.stream (request.json is then None); its server reads the body first, as
        # Hurtle does (stream.read() gives None).
        return True
    text_a = json.dumps(_ok(a)).replace('["read", ""]', '["read", null]')
    return text_a == json.dumps(_ok(b))


KEPT += [
    (
        "stream_req",
        "Sanic's ASGI mode unlike its server (Hurtle follows the server): it hangs reading "
        "a bodiless or ended stream, reads b'' for an empty body (server: None), and streams "
        "a non-stream route's body instead of reading it first",
        _stream_req_alike,
    ),
]

# Sixth round (the README's "Differential fuzzing, sixth round").


def _kept_url_for(label):
    return next(test for where, lab, test in KEPT if where == "url_for" and lab == label)


def _case_insensitive_types(c, a, b):
    """Every differing step names a media type in capitals (TEXT/HTML, text/HTML): the
    types match in any case (RFC 9110 8.3.1); Sanic compares them as written."""
    steps, ra, rb = c["steps"], _ok(a), _ok(b)
    differing = [s for s, x, y in zip(steps, ra, rb, strict=True) if x != y]
    return bool(differing) and all(
        "TEXT" in json.dumps(s) or "HTML" in json.dumps(s) for s in differing
    )


KEPT += [
    (
        "url_names",
        "characters a path segment cannot hold are percent-encoded (RFC 3986 2.1)",
        _kept_url_for("characters a path segment cannot hold are percent-encoded (RFC 3986 2.1)"),
    ),
    (
        "media_type",
        "types match in any case (RFC 9110 8.3.1; Sanic: case-sensitive), first round",
        _case_insensitive_types,
    ),
    (
        "url_names",
        "hosts named sorted in 'Host is ambiguous' (Sanic: set order, which changes per run)",
        lambda c, a, b: (
            "ambiguous" in a["msg"]
            and sorted(a["msg"].split(": ")[1].split(", ")) == b["msg"].split(": ")[1].split(", ")
        ),
    ),
    (
        "sig_names",
        "Sanic registers a blueprint's signals in set order: which invalid one it reports, "
        "and which it registered before failing, change per run",
        lambda c, a, b: (
            len([r for r in c["regs"] if r["on"] == "bp"]) >= 2
            and '"bp"' in json.dumps(_ok(a)["dict"][0])
        ),
    ),
]


KEPT += [
    (
        "app_state",
        "earlier rounds' items: app.m/app.multiplexer outside a worker says where it exists; "
        "app.ext's hint names sanic-ext only; prepare(version=3) is refused (HTTP/1.1 only); "
        "Sanic's Mode equals nothing, itself included (app.state.mode == 'debug' is False)",
        lambda c, a, b: _app_state_alike(c, _ok(a), _ok(b)),
    ),
]


def _app_state_alike(c, a, b):
    if any(s[0] == "prepare" and "version" in s[1] for s in c["sets"]):
        return True  # HTTP/3 refused before prepare() sets anything (Sanic: after the mode)

    def pick(v, key):
        return dict(v["dict"])[key] if isinstance(v, dict) and "dict" in v else None

    for key, items in (("sets", c["sets"]), ("reads", c["reads"])):
        for item, x, y in zip(items, pick(a, key), pick(b, key), strict=True):
            if x == y:
                continue
            text = json.dumps(item)
            if "multiplexer" in text or "app.m" == item or "app.ext" in text:
                continue
            if "version" in text and "HTTP/1.1 only" in json.dumps(y):
                continue
            if "== 'debug'" in text and x is False:
                continue
            return False
    return True


def _route_coll_msgs(ref, hur):
    """Messages alike: Hurtle's adds a hint, names the regex parameter around Sanic's
    re.error text, or lists RouteExists' methods sorted (Sanic: set order)."""
    if _hint(ref, hur) or f"({ref})" in hur:
        return True
    head_a, _, meths_a = ref.rpartition(" [")
    head_b, _, meths_b = hur.rpartition(" [")
    return head_a == head_b and sorted(meths_a.strip("]").split(",")) == meths_b.strip("]").split(
        ","
    )


def _route_coll_alike(c, a, b):
    da, db = dict(_ok(a)["dict"]), dict(_ok(b)["dict"])
    if len(da["register"]) != len(db["register"]):
        return False
    for x, y in zip(da["register"], db["register"], strict=True):
        ex, ey = _exc_pic(x), _exc_pic(y)
        if x != y and not (
            ex and ey and ex["exc"][0] in ey["exc"] and _route_coll_msgs(ex["msg"], ey["msg"])
        ):
            return False
    failed = any(isinstance(r, dict) for r in da["register"])
    if da["requests"] != db["requests"]:
        # A failed registration leaves Sanic's app answering 500 (earlier rounds' item).
        if not (failed and all(isinstance(r, list) and r[0] == 500 for r in da["requests"])):
            return False
    # After a failed registration Sanic keeps what it registered in set order.
    return failed or da["routes"] == db["routes"]


KEPT += [
    (
        "route_coll",
        "earlier rounds' items: hints in Hurtle's messages, RouteExists' methods sorted, "
        "Sanic's app answering 500 after a failed registration",
        _route_coll_alike,
    )
]
KEPT += [
    (
        "route_coll",
        "Sanic registers a blueprint's routes in set order: which bad one it reports and "
        "which it registered before (so what the app then serves) change per run",
        lambda c, a, b: (
            len([r for r in c["routes"] if r["on"] == "bp"]) >= 2
            and _exc_pic(dict(_ok(a)["dict"])["register"][-1]) is not None
            and _exc_pic(dict(_ok(b)["dict"])["register"][-1]) is not None
        ),
    )
]


def _exc_classes_kept(c, a, b):
    da, db = dict(_ok(a)["dict"]), dict(_ok(b)["dict"])
    init = _exc_pic(da.get("init"))
    if init and "HTTPException.__init__()" in init["msg"] and ("attrs" in db or "init" in db):
        return True  # a status_code given to an HTTPException subclass (fourth round)
    if c["attrs"].get("status_code", 0) is None:
        return True  # the class sets status_code = None
    wire = da.get("wire")
    if (
        isinstance(wire, list)
        and wire[0] == 500
        and (
            "unexpected error" in json.dumps(wire) or "while handling an error" in json.dumps(wire)
        )
    ):
        return True  # Sanic's page fails where Hurtle's answers
    return False


KEPT += [
    (
        "exc_classes",
        "Sanic fails where Hurtle answers: an HTTPException subclass given a status_code "
        "(earlier rounds), a class with status_code = None, a str status_code or "
        "headers = None, MethodNotAllowed without allowed_methods",
        _exc_classes_kept,
    )
]
KEPT += [
    (
        "exc_classes",
        "a status past 599 under ASGI (the wire check goes through asgi_client) is Hurtle's "
        "500 page: uvicorn cannot write it (ASGI third audit); Sanic hands it to the server",
        lambda c, a, b: (
            isinstance(c["attrs"].get("status_code"), int)
            and c["attrs"]["status_code"] > 599
            and isinstance(dict(_ok(a)["dict"]).get("wire"), list)
            and dict(_ok(a)["dict"])["wire"][0] == c["attrs"]["status_code"]
            and isinstance(dict(_ok(b)["dict"]).get("wire"), list)
            and dict(_ok(b)["dict"])["wire"][0] == 500
        ),
    )
]
KEPT += [
    (
        "url_names",
        "_server settles an ambiguous host (earlier rounds)",
        lambda c, a, b: "ambiguous" in json.dumps(a) and "_server" in c["item"][1],
    ),
    (
        "url_names",
        "a blueprint's host applies to its static routes too; Sanic leaves them on every "
        "host (url_for: SERVER_NAME's or no host)",
        lambda c, a, b: c["item"][0] == "bp.static" and "host" in c["bp"],
    ),
]
KEPT += [
    (
        "route_coll",
        "a parameter written <b:> (no type) next to routes of its shape: Sanic's router "
        "fails (500) where Hurtle answers, or lists one route for two",
        lambda c, a, b: any("<b:>" in r["uri"] for r in c["routes"]),
    ),
    (
        "sig_names",
        "a signal named with a non-ASCII part (é.b.c): Sanic's dispatch finds it but runs "
        "none of its handlers; Hurtle runs them",
        lambda c, a, b: any("é" in d["name"] for d in c["dispatches"]),
    ),
    (
        "app_state",
        "NOTICED, not changed: state.auto_reload after prepare() when the reloader was "
        "asked for in code (config.AUTO_RELOAD=True: Sanic False, its MOTD still says the "
        "reloader is enabled; app.auto_reload=True then single_process: Sanic True)",
        lambda c, a, b: (
            any(s[0] in ("config.AUTO_RELOAD", "auto_reload") and s[1] for s in c["sets"])
            and "app.state.auto_reload" in c["reads"]
        ),
    ),
]
KEPT += [
    (
        "route_coll",
        "two routes naming a parameter twice: which one start-up reports follows the "
        "router's order, and Sanic adds a blueprint's routes in set order",
        lambda c, a, b: (
            len([r for r in c["routes"] if r["on"] == "bp"]) >= 2
            and "ParameterNameConflicts" in json.dumps(dict(_ok(a)["dict"])["requests"])
            and "ParameterNameConflicts" in json.dumps(dict(_ok(b)["dict"])["requests"])
        ),
    )
]


# Seventh round (apidiff_cases7.py).
def _no_content_type(v):
    """``v`` without its Content-Type pairs (Sanic's ``content-type: None`` placeholder and
    the field Hurtle adds when the fields are read sit at other places)."""
    if isinstance(v, list):
        if (
            len(v) == 2
            and json.dumps(v[0]).lower().count("content-type")
            and not isinstance(v[0], list)
        ):
            return None
        return [x for x in (_no_content_type(x) for x in v) if x is not None]
    if isinstance(v, dict):
        return {k: _no_content_type(x) for k, x in v.items()}
    return v


def _resp_ctor_alike(c, a, b):
    """Alike but for Content-Type: Sanic keeps ``content-type: None`` among a response's
    fields without one (RFC 9110 8.3; the first list of the README), so deleting it is no
    KeyError there and later reads see it; and the kept "status that is no int"."""
    sa, sb = json.dumps(a), json.dumps(b)
    if "'<=' not supported between instances of 'int'" in sa:
        return True
    if "'str' object has no attribute 'key'" in sa:
        return True  # delete_cookie over a Set-Cookie field added as a string
    if "KeyError" in sb and "'content-type'" in sb and "KeyError" not in sa:
        return True
    return _no_content_type(a) == _no_content_type(b)


KEPT += [
    (
        "resp_ctor",
        "content-type: None, a status that is no int, delete_cookie over a string "
        "Set-Cookie field (see _resp_ctor_alike)",
        _resp_ctor_alike,
    ),
    (
        "req_ctor",
        "a Request built without an app (app=None) or transport: Sanic fails with "
        "AttributeError on what needs them (scheme, url, forwarded, server_path, url_for, "
        "stream_id...); Hurtle answers from its defaults or raises ServerError naming why",
        lambda c, a, b: (
            "AttributeError" in json.dumps(a)
            and "'NoneType' object has no attribute" in json.dumps(a)
        ),
    ),
    (
        "req_ctor",
        "a Request built without a head (head=b''): Hurtle's head and request_line are "
        "rebuilt from the method, target, version and fields; Sanic's head is b'' and "
        "request_line raises ValueError",
        lambda c, a, b: c.get("item") in ("head", "request_line"),
    ),
    (
        "req_ctor",
        "an absolute-form target: host and server_name from its authority (RFC 9112 3.2.2; "
        "Sanic reads Host, kept in the first list)",
        lambda c, a, b: (
            c["url"].startswith("http://") and c.get("item") in ("host", "server_name", "url")
        ),
    ),
    (
        "req_ctor",
        "several Cookie fields (a dict with 'Cookie' and 'cookie'): joined (RFC 9113 8.2.3; "
        "Sanic reads the first only, kept in the first round)",
        lambda c, a, b: (
            c.get("item") == "cookies"
            and len([h for h in c["headers"] if h[0].lower() == "cookie"]) > 1
        ),
    ),
    (
        "add_route_forms",
        "a class given to add_route (not C.as_view()): ValueError in both, Hurtle's message "
        "says to route C.as_view(); Sanic's blueprint still registers the refused route "
        "(twice); an unknown error_format: Hurtle refuses it at the add_route call, on a "
        "blueprint too, and registers nothing, where Sanic registers the app's route and "
        "then raises, and a blueprint's raises at app.blueprint() with its routes "
        "half-registered; a call with two mistakes (no name for the handler, a class, an "
        "unknown error_format) reports another one first; methods='GET' is BadMethod in "
        "both, Hurtle's message says to give a list; an app left without routes (Sanic: "
        "500, cannot finalize)",
        lambda c, a, b: (
            "Cannot route " in json.dumps(b)
            or "Unknown format: bad" in json.dumps(a)
            or "Unknown format: bad" in json.dumps(b)
            or "not the string 'GET'" in json.dumps(b)
            or ("500 \\u2014 Internal" in json.dumps(a) and dict(_ok(a)["dict"]).get("table") == [])
            or (
                '"table", []' in json.dumps(a)
                and "500" in json.dumps(dict(_ok(a)["dict"]).get("reqs"))
            )
        ),
    ),
]


def _dashed_dates(v):
    """Sanic's ``expires=Wed, 02-Jan-2030 ...`` written as Hurtle's rfc1123-date."""
    return re.sub(r"(\d\d)-([A-Z][a-z]{2})-(\d{4})", r"\1 \2 \3", json.dumps(v))


KEPT += [
    (
        "cookie_obj",
        "Expires as rfc1123-date (02 Jan 2030; Sanic 02-Jan-2030), listed before",
        lambda c, a, b: "-Jan-" in json.dumps(a) or _dashed_dates(a) == json.dumps(b),
    ),
    (
        "cookie_obj",
        "';' or a control character in a path, domain or comment is refused when the "
        "cookie is made (RFC 6265 4.1.1), listed before",
        lambda c, a, b: "holds ';' or a control character" in json.dumps(b),
    ),
    (
        "cookie_obj",
        "repr(cookie) shows the Set-Cookie value (<Cookie a=1; Path=/; ...>); Sanic's is "
        "object's default",
        lambda c, a, b: c.get("item") == ["read", "repr"] and "<Cookie object>" in json.dumps(a),
    ),
]
KEPT += [
    (
        "cookie_obj",
        "samesite set to None on a made cookie: TypeError naming the values (Sanic: "
        "AttributeError from .lower()), as cookie_attrs",
        lambda c, a, b: _excname(a) == "AttributeError" and "samesite" in json.dumps(b),
    ),
    (
        "cookie_obj",
        "max_age given as digits ('5', '05') reads back as an int and is written without "
        "leading zeros (RFC 6265 4.1.1 max-age-av); Sanic keeps the string as given",
        lambda c, a, b: (
            re.sub(r'"(\d+)"', lambda m: str(int(m.group(1))), json.dumps(a)) == json.dumps(b)
            or re.sub(r"Max-Age=0+(\d)", r"Max-Age=\1", json.dumps(a)) == json.dumps(b)
        ),
    ),
]


# Eighth round (apidiff_cases8.py) -----------------------------------------------------


def _ok_dict(v):
    return dict(_ok(v)["dict"]) if isinstance(_ok(v), dict) and "dict" in _ok(v) else {}


def _url_ext_alike(c, a, b):
    """Alike but for url_for's percent-encoding of a path parameter, and an ext route built
    from ``ext=`` or refused for an extension not in its list (both listed before)."""
    ca, cb = _ok_dict(a).get("calls"), _ok_dict(b).get("calls")
    if ca is None or cb is None or _ok_dict(a).get("parts") != _ok_dict(b).get("parts"):
        return False
    if len(ca) != len(cb) or len(ca) != len(c["calls"]):
        return False
    for (name, kw, _who), x, y in zip(c["calls"], ca, cb, strict=True):
        if x == y or (isinstance(x, str) and isinstance(y, str) and _same_but_path(x, y)):
            continue
        if name == "f" and ("ext" in kw or "is not one of" in json.dumps(y)):
            continue
        return False
    return True


def _odd_filename(c):
    name = c["kw"].get("filename") or ""
    return any(ch in name for ch in '"\\') or not name.isascii() or not name.isprintable()


KEPT += [
    (
        "url_ext",
        "characters a path segment cannot hold are percent-encoded by url_for (RFC 3986 "
        "2.1); an ext route builds from ext= and refuses an extension not in its list "
        "(Sanic: URLBuildError, and a URL the route would not serve), listed before",
        _url_ext_alike,
    ),
    (
        "err_origin",
        "an http.lifecycle.request signal that raises: the error page under ASGI, as both "
        "own servers answer; Sanic's ASGI mode lets the exception escape the app (listed "
        "in the ASGI mode's third audit)",
        lambda c, a, b: c["where"] == "sig_request" and "exc" in a and "ok" in b,
    ),
    (
        "ws_reg",
        "an app left without routes answers 404 (Sanic: 500, it cannot finalize), listed before",
        lambda c, a, b: (
            _ok_dict(a).get("table") == []
            and all(r[2] == 500 for r in _ok_dict(a).get("reqs", []))
            and all(r[2] == 404 for r in _ok_dict(b).get("reqs", []))
        ),
    ),
    (
        "file_names",
        "Content-Disposition: a quote or backslash escaped in filename=, a name beyond "
        "ASCII or with a control character as filename*=UTF-8'' (RFC 6266, RFC 8187, RFC "
        "9110 5.6.4), listed before",
        lambda c, a, b: _odd_filename(c),
    ),
]


def _allow_sorted(a, b):
    """Alike once each ``Allow`` field's methods are sorted."""

    def fix(v):
        return re.sub(
            r'\["allow", "([^"]*)"\]',
            lambda m: '["allow", "' + ", ".join(sorted(m.group(1).split(", "))) + '"]',
            json.dumps(v),
        )

    return fix(a) == fix(b)


def _ctype_none_on_double_fault(a, b):
    """Alike but for Sanic's ``content-type: None`` on its last-resort 500 (and, in debug
    mode, the frames of its stack, which are each framework's)."""

    def fix(v):
        v = json.dumps(v).replace('["content-type", "None"]', "CT")
        v = v.replace('["content-type", "text/plain; charset=utf-8"]', "CT")
        return re.sub(r"Stack: Traceback.*", "", v)

    return fix(a) == fix(b)


def _ws_reg_alike(c, a, b):
    """Alike but for the routes Sanic registers although it refused them, where it
    refuses a blueprint's (at ``app.blueprint()``) and which of two mistakes it names."""
    da, db = _ok_dict(a), _ok_dict(b)
    if not da or not db:
        return False

    # Sanic's 404 for "/" next to a half-registered route names an empty URL
    def reqs(d):
        return json.dumps(d.get("reqs")).replace("Requested URL  not", "Requested URL / not")

    sanic_table = {json.dumps(r) for r in da.get("table", ())}
    extra_routes = bool(
        {r[1] for r in da.get("table", ())} - {r[1] for r in db.get("table", ())}
    ) or len(da.get("table", ())) > len(db.get("table", ()))
    if (reqs(da), da.get("urls")) != (reqs(db), db.get("urls")) and not extra_routes:
        return False  # (Sanic's extra routes answer requests and url_for too)
    both = json.dumps(a) + json.dumps(b)
    refused = "Unknown format: bad" in both or "missing in the" in both
    if not refused or len(da["regs"]) != len(db["regs"]):
        return False
    if {r[1] for r in da["table"]} - {r[1] for r in db["table"]}:
        return True  # a route Sanic kept although it refused it: what follows differs
    bad = [
        "Unknown format: bad" in json.dumps(x) or "missing in the" in json.dumps(x)
        for x in da["regs"]
    ]
    if any(
        bad[:i].count(True) and "RouteExists" in json.dumps(x) and y == "handler"
        for i, (x, y) in enumerate(zip(da["regs"], db["regs"], strict=True))
    ):
        return True  # the route Sanic kept collides with a later one
    for x, y in zip(da["regs"], db["regs"], strict=True):
        if x != y and not ("exc" in json.dumps(y) and ("exc" in json.dumps(x) or x == "handler")):
            return False
    if "Unknown format: bad" in json.dumps(da.get("bp")):
        return True  # Sanic's blueprint half-registered, Hurtle's refused at the call
    return all(json.dumps(r) in sanic_table for r in db["table"])


def _ws_reg_lost_route(c, a, b):
    """Sanic drops earlier routes of the path when a later one fails with RouteExists
    (Hurtle may name another mistake of that call first, and a later route of the lost
    one's path or name is then refused by Hurtle only)."""
    da, db = _ok_dict(a), _ok_dict(b)
    regs_a, regs_b = da.get("regs") or [], db.get("regs") or []
    if not da or not db or len(regs_a) != len(regs_b):
        return False
    names_a, names_b = {r[1] for r in da["table"]}, {r[1] for r in db["table"]}
    if "RouteExists" in json.dumps(da.get("bp")) and da.get("bp") == db.get("bp"):
        return names_a < names_b  # a blueprint's routes before its collision
    first = next((i for i, x in enumerate(regs_a) if "RouteExists" in json.dumps(x)), None)
    if first is None or regs_a[:first] != regs_b[:first] or "exc" not in json.dumps(regs_b[first]):
        return False
    return bool({r[1] for r in db["table"]} - {r[1] for r in da["table"]})


KEPT += [
    (
        "err_origin",
        "the 405's Allow lists the methods sorted (Sanic: set order), listed before",
        lambda c, a, b: _allow_sorted(a, b),
    ),
    (
        "err_origin",
        "'An error occurred while handling an error' (an exception handler that raises) is "
        "text/plain (Sanic: content-type: None), listed before",
        lambda c, a, b: _ctype_none_on_double_fault(a, b),
    ),
    (
        "ws_reg",
        "a websocket route refused at registration (unknown error_format, a handler without "
        "a ws argument): Hurtle registers nothing; Sanic registers the app's route before "
        "raising and a blueprint's anyway (listed in the seventh round)",
        _ws_reg_alike,
    ),
    (
        "ws_reg",
        "a route refused with RouteExists (a name taken, a host list or a host beside no "
        "host) leaves the earlier routes as they were; Sanic loses the earlier route of the "
        "path (a 404, or every route and a 500), listed in the fourth round",
        _ws_reg_lost_route,
    ),
    (
        "ws_reg",
        "_server settles an ambiguous host in url_for (earlier rounds)",
        lambda c, a, b: "ambiguous" in json.dumps(a) and "ambiguous" not in json.dumps(b),
    ),
]
KEPT += [
    (
        "err_origin",
        "a streamed response whose handler raises after its first chunk: the 200 with what "
        "was sent, as over the socket under both; Sanic's ASGI mode raises httpx's bare "
        "AssertionError (listed in the test clients' API audit)",
        lambda c, a, b: c["where"] == "stream_then_raise" and _excname(a) == "AssertionError",
    ),
]
KEPT += [
    (
        "route_wire8",
        "Sanic crashes (ymd in a regex route: a path or inline-regex parameter beside it), "
        "listed in the first round",
        lambda c, a, b: "Invalid matching pattern" in json.dumps(a),
    ),
    (
        "route_wire8",
        "unquote=True on any route unquotes every route's parameters in Sanic, listed in "
        "the first round",
        lambda c, a, b: any(r["kw"].get("unquote") for r in c["routes"]),
    ),
]


def _rw_regex_route(r):
    """A route Sanic makes a regex route: a path or inline-regex parameter."""
    return ":path>" in r["uri"] or "[" in r["uri"]


def _rw_requests(v):
    return _ok_dict(v).get("requests") or []


KEPT += [
    (
        "route_wire8",
        "an ext parameter in a regex route (a path or inline-regex parameter beside it): "
        "Sanic ignores the split (p='x.json', no ext); Hurtle applies it, listed in the "
        "second round",
        lambda c, a, b: (
            any(":ext" in r["uri"] and _rw_regex_route(r) for r in c["routes"])
            and '\\"ext\\"' in json.dumps(_rw_requests(b))  # a handler's JSON, quoted
            and '\\"ext\\"' not in json.dumps(_rw_requests(a))
        ),
    ),
    (
        "route_wire8",
        "next to a host route, Sanic answers 404 for paths of a regex or path route, or "
        "others of the same shape, the host route does not match; Hurtle routes them, "
        "listed in the second round",
        lambda c, a, b: (
            any(r["kw"].get("host") for r in c["routes"])
            and any(_rw_regex_route(r) for r in c["routes"])
            and all(
                x == y or (isinstance(x, list) and x[:1] == [404])
                for x, y in zip(_rw_requests(a), _rw_requests(b), strict=True)
            )
        ),
    ),
]


def _route_exists_sorted(a, b):
    """Alike once RouteExists' methods (``[POST,GET]``) are sorted."""

    def fix(v):
        return re.sub(
            r"(Route already registered: [^\[\"]*)\[([A-Z,]+)\]",
            lambda m: m.group(1) + "[" + ",".join(sorted(m.group(2).split(","))) + "]",
            json.dumps(v),
        )

    return fix(a) == fix(b)


KEPT += [
    (
        area,
        "RouteExists lists the methods sorted (Sanic: set order), listed before",
        lambda c, a, b: _route_exists_sorted(a, b),
    )
    for area in ("route_wire8", "ws_reg")
]
KEPT += [
    (
        "route_wire8",
        "a path with an escape RFC 3986 6.2.2 normalises (%41) is the same URI as its normal "
        "form (RFC 9110 4.2.3): routed (a 405 for another method); Sanic 404, listed before",
        lambda c, a, b: (
            any(_normalisable_escape(r[1]) for r in c["requests"])
            and all(
                x == y or (isinstance(x, list) and x[:1] == [404])
                for x, y in zip(_rw_requests(a), _rw_requests(b), strict=True)
            )
        ),
    ),
]

# Ninth round (the README's "Differential fuzzing, ninth round").


def _dup_names_sorted(a, b):
    """Alike once the names of ``Duplicate route names detected: a, b.`` are sorted."""

    def fix(v):
        return re.sub(
            r"(Duplicate route names detected: )([^.]+\.[^ ,.]+(?:, [^.]+\.[^ ,.]+)*)",
            lambda m: m.group(1) + ", ".join(sorted(m.group(2).split(", "))),
            json.dumps(v),
        )

    return fix(a) == fix(b)


def _accept_case_alike(c, a, b):
    """A request's accept list read alike, with a type in capitals among the header and
    the types asked (``match`` and ``in`` take types in any case, RFC 9110 8.3.1) or a
    range of ``q=0`` (not acceptable, RFC 9110 12.4.2: ``match`` finds nothing)."""
    ra, rb = dict(_ok(a)["dict"]), dict(_ok(b)["dict"])
    capitals = any(x != x.lower() for x in [c["accept"] or "", *c["match"], *c["contains"]])
    refused = "q=0" in (c["accept"] or "").replace("q=0.", "")
    return (capitals or refused) and all(ra[k] == rb[k] for k in ("list", "type", "first"))


def _bp_collision(c, a, b):
    """A blueprint's registration refused with RouteExists by both: which of its routes stay
    differs (listed in the eighth round), and which one Sanic reports too (it registers a
    blueprint's routes in set order, which changes per run; Hurtle in declaration order)."""
    if c.get("on", "app") == "app":
        return False
    ra, rb = dict(_ok(a)["dict"])["reg"], dict(_ok(b)["dict"])["reg"]
    return bool(ra and rb) and all("RouteExists" in json.dumps(r[-1]) for r in (ra, rb))


KEPT += [
    (
        "route_stack",
        "a blueprint's registration refused with RouteExists keeps the routes registered "
        "before the collision (Sanic loses some, and registers in set order), listed in "
        "the eighth round",
        _bp_collision,
    ),
    (
        "route_stack",
        "RouteExists lists the methods sorted (Sanic: set order), listed before",
        lambda c, a, b: _route_exists_sorted(a, b),
    ),
    (
        "route_stack",
        "duplicate route names named sorted (Sanic: set order, which changes per run)",
        lambda c, a, b: _dup_names_sorted(a, b),
    ),
    (
        "req_accept",
        "q=0 is not acceptable / types match in any case (RFC 9110 12.4.2, 8.3.1), first round",
        _accept_case_alike,
    ),
    (
        "req_params",
        "get() of a name holding an empty list is the default (Sanic: IndexError)",
        lambda c, a, b: [] in c["data"].values(),
    ),
]


# tenth round (apidiff_cases10.py) -----------------------------------------------------------


def _range_beyond_or_unit_case(c, a, b):
    """A range Sanic takes past the end of the file (or a suffix longer than it), or a unit
    in capitals, which Hurtle compares case-insensitively."""
    value = c["range"] or ""
    unit = value.split("=", 1)[0] if "=" in value else ""
    if unit != unit.lower() and unit.lower() == "bytes":
        return True
    if _excname(a) == "OSError":  # Sanic seeks before the start of the file
        return '"RangeNotSatisfiable"' in json.dumps(dict(_ok(b)["dict"])["handler"])
    handler = dict(_ok(a)["dict"])["handler"]
    if not isinstance(handler, list):
        return False
    start, end, _size, total = handler[:4]
    return end >= total or start < 0 or start >= total


def _range_position_not_digits(c, a, b):
    """A range position int() reads but that is not 1*DIGIT (' 3', '+1', '1_0'; RFC 9110
    14.1.1): Hurtle's 416 names it, Sanic reads it (and serves, or refuses the range as a
    whole). Listed in "Properties from the RFC grammars"."""
    spec = (c["range"] or "").partition("=")[2].strip()
    first, _, last = spec.partition("-")
    odd = False
    for part in (first, last):
        if part and not (part.isascii() and part.isdigit()):
            try:
                int(part)
            except ValueError:
                return False
            odd = True
    return odd and "is invalid for Content Range" in json.dumps(_ok(b))


def _whole_chunks(c, a, b):
    """file_stream with a chunk size the range is no multiple of: Sanic sends whole chunks,
    past the range's end (listed in the first section); Hurtle exactly the range."""
    if c["respond"] != "file_stream":
        return False
    ra, rb = dict(_ok(a)["dict"]), dict(_ok(b)["dict"])
    if ra["handler"] != rb["handler"] or ra["resp"][:2] != rb["resp"][:2]:
        return False
    return ra["resp"][2].startswith(rb["resp"][2]) and len(ra["resp"][2]) > len(rb["resp"][2])


def _drop_cache_control(v):
    if isinstance(v, list):
        return [_drop_cache_control(x) for x in v if x != ["cache-control", "no-cache"]]
    if isinstance(v, dict):
        return {k: _drop_cache_control(x) for k, x in v.items()}
    return v


# The If-Modified-Since values of apidiff_cases10.FC_IMS that are HTTP-dates as RFC 9110
# 5.6.7 writes them (the other ones: lower case, a numeric zone, no zone, no weekday, a
# wrong weekday, spaces around, two dates, none).
_HTTP_DATES = {
    "Sat, 02 Jan 2021 03:04:05 GMT",
    "Sat, 02 Jan 2021 03:04:04 GMT",
    "Sat, 02 Jan 2021 03:04:06 GMT",
    "Sat, 02 Jan 2021 04:04:05 GMT",
    "Fri, 01 Jan 2021 03:04:05 GMT",
    "Saturday, 02-Jan-21 03:04:05 GMT",
    "Sat Jan  2 03:04:05 2021",
    "Mon, 01 Jan 1900 00:00:00 GMT",
    "Fri, 31 Dec 9999 23:59:59 GMT",
}


def _file_cond_kept(c, a, b):
    headers = dict(map(tuple, c["headers"]))
    if c["via"] == "validate":
        # (and, as file(), a value that is no HTTP-date is ignored: RFC 9110 13.1.3;
        # "Leftovers, third pass")
        return c["last"] == "micro" or headers.get("if-modified-since") not in _HTTP_DATES
    if "if-none-match" in headers:
        return True
    if _drop_cache_control(a) == _drop_cache_control(b):
        return True
    return headers.get("if-modified-since") not in _HTTP_DATES


_SIGNALS_OUTSIDE_LOOP = "Cannot finalize signals outside of event loop"


def _late_reg_norm(v):
    """Sanic's 'finalize signals' refusals taken as the registration they also were, and
    the wording of FinalizationError left out."""
    text = json.dumps(v)
    text = re.sub(
        r'\{"dict": \[\["exc", \["RuntimeError"[^\]]*\]\], \["msg", "'
        + _SIGNALS_OUTSIDE_LOOP
        + r'"\]\]\}',
        '"ok"',
        text,
    )
    return re.sub(r'(\["FinalizationError"[^\]]*\]\], \["msg", )"[^"]*"', r"\1 0", text)


def _bp_copy_kept(c, a, b):
    copied = dict(_ok(b)["dict"]).get("copy")
    if "uses an invalid format" in json.dumps(copied):
        return True
    # Sanic cannot finalize a router without routes; Hurtle's is empty (listed before).
    ra, rb = dict(_ok(a)["dict"]), dict(_ok(b)["dict"])
    return (
        "Cannot finalize with no routes" in json.dumps(ra.get("routes"))
        and rb.get("routes") == []
        and {k: v for k, v in ra.items() if k not in ("routes", "requests")}
        == {k: v for k, v in rb.items() if k not in ("routes", "requests")}
    )


def _bp_copy_norm(c, v):
    """A bp_copy result without what Sanic does by set order (which duplicate names it
    lists first, which colliding route RouteExists names), and the names of a copy of a
    copy's routes (Sanic gives them the first blueprint's) left out."""
    text = json.dumps(v)
    text = re.sub(
        r"(Duplicate route names detected: )(.*?)(\. You should)",
        lambda m: m.group(1) + ", ".join(sorted(m.group(2).split(", "))) + m.group(3),
        text,
    )
    text = re.sub(r"Route already registered: [^\"]*", "Route already registered: -", text)
    if c.get("copy_twice"):  # the original's and the copy's names taken as one
        text = text.replace("bc1.bp.", "bc1.?.").replace("bc1." + c["name"] + "x.", "bc1.?.")
    return text


def _copy_of_copy_clash(c, a, b):
    """The copy of a copy registered beside the original: Sanic's routes of both bear the
    original's names, so its start-up refuses them as duplicates; Hurtle's differ."""
    dup = "Duplicate route names detected: bc1.bp."
    return bool(c.get("copy_twice")) and dup in json.dumps(a) and dup not in json.dumps(b)


def _late_ws_not_served(c, a, b):
    """A websocket route added after an asgi_client call: Sanic refuses it (the signals
    item) and, unlike HTTP routes, does not serve it afterwards."""
    steps = dict(_ok(a)["dict"])["steps"]
    return any(s[0] == "websocket" and _SIGNALS_OUTSIDE_LOOP in json.dumps(s[2]) for s in steps)


def _empty_sanic_traceback(c, a, b):
    text = json.dumps(a, ensure_ascii=False)
    no_frames = re.search(r"most recent call last\):\\n(?!\\n  )", text)
    return c["debug"] and ('\\"exceptions\\": []' in text or no_frames is not None)


def _value_error_messages(v):
    return re.sub(
        r'(\["ValueError", "Exception", "BaseException", "object"\]\], \["msg", )"[^"]*"',
        r"\1 0",
        json.dumps(v),
    )


KEPT += [
    (
        "range_direct",
        "a range past the end of the file is clamped or 416, a longer suffix is the whole "
        "file (RFC 9110 14.1.2), the unit is case-insensitive (14.1); Sanic keeps the end "
        "past the file, negative starts and refuses 'Bytes', listed before",
        _range_beyond_or_unit_case,
    ),
    (
        "range_direct",
        "file_stream(chunk_size=N, _range=...) sends exactly the range; Sanic whole chunks "
        "past its end, listed in the first section",
        _whole_chunks,
    ),
    (
        "range_direct",
        "a range position int() reads but not 1*DIGIT (' 3', '+1', '1_0') is a 416 naming it "
        "(RFC 9110 14.1.1); Sanic reads it (serves, or 416 'Invalid for Content Range "
        "parameters'), listed in \"Properties from the RFC grammars\"",
        _range_position_not_digits,
    ),
    (
        "file_cond",
        "file(request_headers=): If-None-Match before If-Modified-Since, a 304 keeping "
        "Cache-Control (RFC 9110 13.2.2, 15.4.5), only HTTP-dates (5.6.7, 13.1.3), listed "
        "before; validate_file compares at a second's precision (an HTTP-date's), Sanic "
        "keeps the microseconds of a datetime, and takes only HTTP-dates too",
        _file_cond_kept,
    ),
    (
        "run_enums",
        "Sanic's StrEnums (Mode, Server) equal no string, Hurtle's compare as strings; "
        "Stage is an IntEnum (listed before)",
        lambda c, a, b: (
            (
                ("AC.Mode" in c["item"] or "AC.Server" in c["item"])
                and ("==" in c["item"] or " in " in c["item"])
            )
            or "HC.Stage" in c["item"]
        ),
    ),
    (
        "late_reg",
        "registration after an asgi_client call: Sanic raises 'Cannot finalize signals "
        "outside of event loop' (and registers anyway), listed in the test clients audit; "
        "after router.finalize() both refuse a route with FinalizationError, worded apart",
        lambda c, a, b: _late_reg_norm(a) == _late_reg_norm(b),
    ),
    (
        "bp_copy",
        "Blueprint.copy() refuses a name Blueprint() refuses ('', 'b.c', 'Bé'); Sanic takes "
        "any / an app without routes finalizes (listed before)",
        _bp_copy_kept,
    ),
    (
        "bp_copy",
        "Sanic's set order: which duplicate route names it lists first, which colliding "
        "route RouteExists names (listed before); a copy of a copy names its routes after "
        "itself, Sanic after the first blueprint (so they clash with the original's)",
        lambda c, a, b: _bp_copy_norm(c, a) == _bp_copy_norm(c, b),
    ),
    (
        "bp_copy",
        "a copy of a copy beside the original: Sanic's routes of both bear the original's "
        "names, so its start-up refuses them as duplicate names; Hurtle serves both",
        _copy_of_copy_clash,
    ),
    (
        "late_reg",
        "a websocket route added after an asgi_client call outside amend(): Sanic refuses "
        "it with the signals RuntimeError and does not serve it; Hurtle serves it",
        _late_ws_not_served,
    ),
    (
        "late_reg",
        "RouteExists lists the methods sorted (Sanic: set order), listed before",
        lambda c, a, b: _route_exists_sorted(a, b),
    ),
    (
        "err_render",
        "a debug page of an exception handed to exception_response outside an except block "
        "shows its own traceback; Sanic reads the one being handled (sys.exc_info()): none",
        _empty_sanic_traceback,
    ),
    (
        "fwd_addr",
        "fwd_normalize_address('unknown'): ValueError('unknown address'), Sanic's has no message",
        lambda c, a, b: _value_error_messages(a) == _value_error_messages(b),
    ),
]


def _listing_names_only(v):
    """A static_links answer with a directory listing's links cut to the entries (no
    breadcrumbs, no site link), and a symlink loop's or an unlisted folder's 404/500 as one."""
    if isinstance(v, list) and len(v) == 4 and v[1] in (404, 500):
        if v[0] == "/s/loop" or v[0].endswith("/"):  # a folder without index nor listing
            return [v[0], "not served"]
    if isinstance(v, list) and len(v) == 4 and isinstance(v[3], dict) and "dict" in v[3]:
        d = dict(v[3]["dict"])
        hrefs = [h for h in d.get("hrefs", []) if not h.startswith(("/", "http"))]
        return [*v[:3], d.get("title"), hrefs]
    return v


def _sig_prio_norm(v):
    """A sig_prio result without the str-priority registrations and dispatch, and with a
    non-str event's TypeError message blanked."""
    text = json.dumps(v)
    text = re.sub(
        r'(\["TypeError", "Exception", "BaseException", "object"\]\], \["msg", )"[^"]*"',
        r"\1 0",
        text,
    )
    return text


def _sig_prio_kept(c, a, b):
    if any(isinstance(r["priority"], str) for r in c["regs"]):
        return True  # both fail: Sanic at the next registration, Hurtle at dispatch
    return _sig_prio_norm(a) == _sig_prio_norm(b)


def _genid_raise(c, a, b):
    return c["gen"] == "raise" and c["header"] is not None


KEPT += [
    (
        "static_links",
        "a directory listing links only its entries (no breadcrumbs, no site link); a "
        "symlink loop and a folder without index or listing are 404 (Sanic: 500), both "
        "listed before",
        lambda c, a, b: _listing_names_only(a) == _listing_names_only(b),
    ),
    (
        "static_links",
        "the listing of a folder holding a broken or looping symlink: Hurtle lists the "
        "entries it may serve; Sanic's listing fails (500)",
        lambda c, a, b: (
            c["item"].endswith("/") and a[1] == 500 and b[1] == 200 and b[2] == "text/html"
        ),
    ),
    (
        "sig_prio",
        "a str priority fails in both (Sanic: TypeError at the next registration of that "
        "event beside an int one, Hurtle: TypeError at dispatch); a non-str event is a "
        "TypeError saying what an event is (Sanic: 'argument of type 'int' is not iterable')",
        _sig_prio_kept,
    ),
    (
        "req_genid",
        "Sanic calls generate_id() even when the request carries the id field (and drops "
        "its value), so a generate_id that raises breaks request.id there; Hurtle calls it "
        "only without the field",
        _genid_raise,
    ),
]


def _grp_hooks_kept(c, a, b):
    """A hook added to a group after app.blueprint(group): Sanic registers the blueprints'
    routes again (RouteExists, then duplicate route names at start-up); or a group's
    on_request/on_response with priority= (Sanic: TypeError, Hurtle takes it as the app's
    and a blueprint's do)."""
    from apidiff import deep_same

    da, db = dict(a["ok"]["dict"]), dict(b["ok"]["dict"])
    after = c["when"] == "after"
    prio = any("priority=" in f and f.startswith("g.on_") for f in c["forms"])
    for (form, x), (_, y) in zip(da["regs"], db["regs"], strict=True):
        if deep_same(x, y) or ("priority=" in form and form.startswith("g.on_")):
            continue
        if after and _excname(_as_exc11(x)) == "RouteExists":
            continue
        y = _as_exc11(y)
        if "bogus" in form and "KeyError" in y.get("exc", ()):
            continue  # refused when given; Sanic: at registration of the group
        if after and "Duplicate exception handler" in y.get("msg", ""):
            continue  # refused when given, as Sanic's app.blueprint() refuses it before
        return False
    ra, rb = da.get("requests"), db.get("requests")
    if "blueprint" in da and "BOGUS" in json.dumps(da["blueprint"]):
        return True
    return ra == rb or prio or (after and "Duplicate route names" in json.dumps(ra))


def _as_exc11(v):
    if isinstance(v, dict) and "dict" in v:
        return dict(v["dict"])
    return v


KEPT += [
    (
        "grp_hooks",
        "a hook added to a group after app.blueprint(group) applies to its blueprints; "
        "Sanic registers their routes again (RouteExists, duplicate names at start-up); a "
        "group's on_request/on_response take priority= (Sanic: TypeError); a bad attach_to "
        "or a second handler for one exception is refused when given (Sanic: when the "
        "group is registered)",
        _grp_hooks_kept,
    ),
]


# Twelfth round (apidiff_cases12.py) ------------------------------------------------------


def _d12(v):
    """A result's picture as plain dicts and lists ({"dict": [...]} unwrapped)."""
    if isinstance(v, dict) and list(v) == ["dict"]:
        return {str(k): _d12(x) for k, x in v["dict"]}
    if isinstance(v, dict):
        return {k: _d12(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_d12(x) for x in v]
    return v


def _exc12(v):
    v = _d12(v)
    return v if isinstance(v, dict) and "exc" in v else None


def _tls_sanic12(rec):
    """A context's `sanic` record without what is kept: the password, paths as str."""
    if not isinstance(rec, list):
        return rec
    out = []
    for k, v in rec:
        if k == "password":
            continue
        if isinstance(v, dict) and list(v) == ["path"]:
            v = v["path"]
        out.append([k, v])
    return out


def _tls_ctx12(ctx):
    if not isinstance(ctx, dict):
        return ctx
    ctx = dict(ctx)
    if "sanic" in ctx:
        ctx["sanic"] = _tls_sanic12(ctx["sanic"])
    if isinstance(ctx.get("select"), list):
        ctx["select"] = [_tls_ctx12(c) for c in ctx["select"]]
    return ctx


def _tls_host_kept(host):
    # A trailing dot (an absolute name; SNI never carries one, RFC 6066 3) matches in
    # Hurtle; an empty first label never matches a wildcard (RFC 6125 6.4.3; Sanic: it
    # does); a certificate's names match in any case (RFC 6125 6.4.1; Sanic lower-cases
    # only the host name, so its "UPPER.Example.NET" matches nothing).
    return isinstance(host, str) and (
        host.endswith(".") or host.startswith(".") or host == "upper.example.net"
    )


def _tls_norm12(v):
    v = _d12(v)
    if not isinstance(v, dict) or "ok" not in v or not isinstance(v["ok"], dict):
        return v
    ok = dict(v["ok"])
    if "ctx" in ok:
        ok["ctx"] = _tls_ctx12(ok["ctx"])
    for key in ("match", "find", "sni"):
        if isinstance(ok.get(key), list):
            ok[key] = [x for x in ok[key] if not _tls_host_kept(x[0])]
    return {"ok": ok}


def _tls_files12(c):
    """The file names a tls_ctx case's build step uses."""
    return json.dumps(c["build"])


TLS12_NORM = (
    "ctx.sanic keeps no key password and str paths; a host name with a leading or "
    "trailing dot, a certificate name in capitals (RFC 6125 6.4.1, 6.4.3, RFC 6066 3)"
)
TLS12_SHORTHANDS = (
    "CertSelector given folders or dicts builds their contexts (Sanic keeps them raw)"
)
TLS12_NO_SAN = "a certificate without subjectAltName is for its commonName (Sanic: KeyError)"
TLS12_MISSING = "a missing certificate or key file is a ValueError naming it (listed before)"
TLS12_OPENSSL = "OpenSSL's message for a PEM file it cannot read differs by the call reading it"
TLS12_ALIASES = "an ssl dict's certfile/keyfile aliases are read (listed before)"
TLS12_CIPHERS = (
    "a CertSelector offers the TLS 1.2 suites its certificates' contexts do (forward-secret "
    "AEAD only; Sanic's keeps OpenSSL's defaults, CBC and DHE suites too)"
)


def _without_selector_ciphers(v):
    if "ok" in v and isinstance(v["ok"], dict) and isinstance(v["ok"].get("ctx"), dict):
        ctx = v["ok"]["ctx"]
        if ctx.get("type") == "CertSelector":
            ctx = {k: x for k, x in ctx.items() if k != "ciphers"}
            return {"ok": dict(v["ok"], ctx=ctx)}
    return v


def _tls_kept12(c, a, b):
    na, nb = _tls_norm12(a), _tls_norm12(b)
    if na == nb:
        return TLS12_NORM
    if _without_selector_ciphers(na) == _without_selector_ciphers(nb):
        return TLS12_CIPHERS
    build = c["build"]
    if build[0] == "selector" and any(item[0] not in ("ctx", "none") for item in build[1]):
        return TLS12_SHORTHANDS
    ea = _exc12(na["ok"].get("build")) if "ok" in na else None
    eb = _exc12(nb["ok"].get("build")) if "ok" in nb else None
    files = json.dumps(build)
    if ea and ea["msg"] == "'subjectAltName'" and '"cn"' in files:
        return TLS12_NO_SAN
    if ea and ea["exc"][0] == "TypeError" and ('"certfile"' in files or '"keyfile"' in files):
        return TLS12_ALIASES
    if ea and eb and "not found or permission denied" in eb["msg"]:
        if ea["exc"][0] in ("SSLError", "FileNotFoundError"):
            return TLS12_MISSING
    if ea and eb and ea["exc"][0] == eb["exc"][0] == "SSLError":
        return TLS12_OPENSSL
    return None


KEPT += [
    ("tls_ctx", label, lambda c, a, b, label=label: _tls_kept12(c, a, b) == label)
    for label in (
        TLS12_NORM,
        TLS12_CIPHERS,
        TLS12_SHORTHANDS,
        TLS12_NO_SAN,
        TLS12_MISSING,
        TLS12_OPENSSL,
        TLS12_ALIASES,
    )
]


SB12_BRACKETS = "bind_socket takes an IPv6 host in brackets ('[::1]'; Sanic: gaierror)"
SB12_HOST = "a host that is no str: TypeError in both, Python's message differs"
SB12_PARTIAL = (
    "configure_socket with a partial settings dict, host or port None or backlog None: "
    "Hurtle uses defaults or returns None (Sanic: KeyError or TypeError)"
)
SB12_REMOVE_BYTES = "remove_unix_socket takes a bytes path (Sanic: TypeError)"


def _sb_step_kept12(step, x, y):
    """Why one step of a sock_bind case differs, if kept; None when it is not."""
    ex, ey = _exc12(x[1]), _exc12(y[1])
    if step[0] == "tcp":
        if (
            isinstance(step[1], str)
            and step[1].startswith("[")
            and ex
            and ex["exc"][0] == "gaierror"
        ):
            return SB12_BRACKETS
        if (
            not isinstance(step[1], str)
            and ex
            and ey
            and ex["exc"][0] == ey["exc"][0] == "TypeError"
        ):
            return SB12_HOST
    if step[0] == "configure":
        settings = step[1]
        partial = any(k not in settings for k in ("host", "port", "unix", "backlog"))
        nones = settings.get("backlog") is None or (
            not settings.get("unix")
            and settings.get("sock") is None
            and (settings.get("host") is None or settings.get("port") is None)
        )
        if ex and ex["exc"][0] in ("KeyError", "TypeError") and (partial or nones):
            return SB12_PARTIAL
        if partial and ex and ey and ex["exc"][0] == "KeyError":
            return SB12_PARTIAL
    if step[0] == "remove" and step[1] == "bytes" and ex and ex["exc"][0] == "TypeError":
        return SB12_REMOVE_BYTES
    return None


def _sock_kept12(c, a, b):
    from apidiff import deep_same

    steps, ra, rb = c["steps"], _d12(a).get("ok"), _d12(b).get("ok")
    if not (isinstance(ra, list) and isinstance(rb, list) and len(ra) == len(rb)):
        return None
    why = []
    for step, x, y in zip(steps, ra, rb, strict=True):
        if deep_same(x, y):
            continue
        if why and deep_same(x[:-1], y[:-1]):
            continue  # what is on disk after a kept difference that bound a socket
        label = _sb_step_kept12(step, x, y)
        if label is None:
            return None
        why.append(label)
    return why[0] if why else None


KEPT += [
    ("sock_bind", label, lambda c, a, b, label=label: _sock_kept12(c, a, b) == label)
    for label in (SB12_BRACKETS, SB12_HOST, SB12_PARTIAL, SB12_REMOVE_BYTES)
]


RD12_MIXED = (
    "one path given a route without requirements and one with (a host): both are kept "
    "(sanic-routing drops the path's routes from its tables, or all of them, or names "
    "the route instead of the group in NoMethod)"
)
RD12_EMPTY = "finalize() of a router without routes (Sanic: FinalizationError; listed before)"
RD12_UNFINALIZED = "resolving before finalize() is FinalizationError (listed before)"
RD12_DETAILS = (
    "priority without append, overwrite with append: the message adds a hint; a value of "
    "an ext= route is checked and resolved (Sanic: AttributeError), before the method also "
    "on a stacking router; a method a dynamic path of "
    "several routes does not serve: NoMethod with allowed_methods (RFC 9110 15.5.6; "
    "listed before)"
)


def _rd_key12(route):
    import re

    path = route["path"].lstrip("/")
    if not route.get("strict"):
        path = path.rstrip("/")
    path = re.sub(r"<[^:>]+:([^>=]+)(=[^>]*)?>", r"<\1>", path)
    return re.sub(r"<[^:>]+>", "<str>", path)


def _rd_mixed12(c):
    seen = {}
    for r in c["routes"]:
        seen.setdefault(_rd_key12(r), set()).add(r.get("requirements") is None)
    return any(len(kinds) > 1 for kinds in seen.values())


def _rd_details12(v, mixed=False):
    v = _d12(v).get("ok")
    if not isinstance(v, dict):
        return v
    v = dict(v)
    added = []
    for x in v.get("added", ()):
        e = _exc12(x)
        for known in (
            "Cannot add a route with priority if append is False",
            "Cannot add a route with both overwrite and append equal to True",
        ):
            if e and e["msg"].startswith(known):
                x = {"exc": e["exc"], "msg": known}
        added.append(x)
    v["added"] = added
    reqs = []
    for x in v.get("requests") or ():
        e = _exc12(x)
        if e and (
            e["msg"] == "'tuple' object has no attribute 'split'"
            or e["msg"].startswith("Invalid extension")
        ):
            x = "ext refused"
        elif e and mixed and e["exc"][0] == "NoMethod":
            # Which table a path's group is in after a mixed registration (the message
            # names the group or its route, or is sanic-routing's "Method does not exist").
            x = {"exc": e["exc"], "msg": "-"}
        elif e and e["msg"] == "Method does not exist":
            x = {"exc": e["exc"], "msg": e["msg"]}  # Hurtle's also says which methods
        reqs.append(x)
    v["requests"] = reqs
    return v


def _rd_kept12(c, a, b):
    da, db = _d12(a).get("ok", {}), _d12(b).get("ok", {})
    fa = _exc12(da.get("finalize"))
    if fa and fa["msg"] == "Cannot finalize with no routes defined." and db.get("finalize") == "ok":
        return RD12_MIXED if _rd_mixed12(c) else RD12_EMPTY
    if _rd_mixed12(c) and da.get("groups") != db.get("groups"):
        return RD12_MIXED  # sanic-routing splits or drops the path's group
    if "unfinalized" in da and da["unfinalized"] != db.get("unfinalized"):
        if da["unfinalized"] == ["TypeError"] and db.get("unfinalized") == ["FinalizationError"]:
            return RD12_UNFINALIZED
        return None
    from apidiff import deep_same

    mixed = _rd_mixed12(c)
    na, nb = _rd_details12(a, mixed), _rd_details12(b, mixed)
    if isinstance(na, dict) and isinstance(nb, dict):
        ra, rb = na.get("requests") or [], nb.get("requests") or []
        if len(ra) == len(rb):
            # sanic-routing's resolve fails with AttributeError on some ext= routes even for
            # an extension they allow; Hurtle resolves them.
            nb["requests"] = [x if x == "ext refused" else y for x, y in zip(ra, rb, strict=True)]
            if c["opts"].get("stacking"):
                # A stacking router's ext= route: sanic-routing checks the method before
                # the extension; Hurtle refuses the extension first, as without stacking.
                nb["requests"] = [
                    x
                    if y == "ext refused" and (_exc12(x) or {}).get("exc", [""])[0] == "NoMethod"
                    else y
                    for x, y in zip(ra, nb["requests"], strict=True)
                ]
    if (
        mixed
        and deep_same(
            {k: na.get(k) for k in ("added", "finalize")},
            {k: nb.get(k) for k in ("added", "finalize")},
        )
        and not deep_same(na, nb)
    ):
        return RD12_MIXED  # registered alike, resolved differently by sanic-routing's tables
    if deep_same(na, nb):
        if mixed and not deep_same(_rd_details12(a), _rd_details12(b)):
            return RD12_MIXED
        return RD12_DETAILS
    return None


KEPT += [
    ("router_direct", label, lambda c, a, b, label=label: _rd_kept12(c, a, b) == label)
    for label in (RD12_MIXED, RD12_EMPTY, RD12_UNFINALIZED, RD12_DETAILS)
]


# Thirteenth round (apidiff_cases13.py) ---------------------------------------------------

RP13_URL = (
    "url_for: a value a registered type's pattern fits but its cast refuses (or raises on) "
    "is refused (Sanic builds a URL its router does not route; listed before)"
)
RP13_CAST = (
    "a registered cast raising KeyError/TypeError: Sanic calls it for paths its route "
    "cannot match (another length) and the error escapes; here those are 404"
)
RP13_EMPTY = (
    "an empty label is refused (Sanic registers it; <v:> then is a str parameter that "
    "collides with <v:str> or not)"
)
NM13_PRIO = (
    "a priority that is not a number: a TypeError naming the middleware and its value when "
    "the chains are built (Sanic: Python's comparison error, only when it compares it)"
)
NM13_ENUM = "attach_to given as a MiddlewareLocation is taken (Sanic: AttributeError)"
NM13_NOTSTR = (
    "attach_to that is not a str: UnknownNameError, a KeyError and ValueError (Sanic: "
    "AttributeError from .upper())"
)
NM13_BP_EARLY = (
    "a blueprint's middleware with a bad attach_to is refused by bp.middleware (Sanic: by "
    "app.blueprint, leaving the rest unregistered)"
)
NM13_SHORT = "register_named_middleware with a short route name applies (listed before)"
FD13_TYPES = (
    "parse_multipart_form given a body or boundary that is not bytes: both fail with "
    "Python's error from another call (Sanic may return no form); a bytearray is taken"
)
FD13_EMPTY = "an empty boundary: no form (Sanic: ValueError: empty separator)"
FD13_DASHES = (
    "a boundary given with its leading '--': no part (Sanic cuts two bytes off values and "
    "names)"
)
FD13_UNSPLIT = (
    "a body Sanic cannot split (unclosed, or a part it misreads): the complete parts "
    "(Sanic: ValueError: substring not found; its request.form then has no fields)"
)
FD13_STAR = "filename* wins over filename (RFC 6266 4.3; listed before for request.form)"
FD13_UNCLOSED = (
    "a body without its closing delimiter: the complete parts only (Sanic: ValueError, or "
    "the unterminated last part cut or emptied)"
)


def _ok13(v):
    from apidiff_cases13 import _unwrap13

    return _unwrap13(v.get("ok", v)) if isinstance(v, dict) else v


def _rp_kept13(c, a, b):
    from apidiff import deep_same

    if any(r[0] == "" for r in c["regs"]):
        return RP13_EMPTY
    da, db = _ok13(a), _ok13(b)
    if not (isinstance(da, dict) and isinstance(db, dict)):
        return None
    ua, ub = list(da.get("urls") or []), list(db.get("urls") or [])
    qa, qb = list(da.get("requests") or []), list(db.get("requests") or [])
    if len(ua) != len(ub) or len(qa) != len(qb):
        return None
    changed = cast = False
    for i, (x, y) in enumerate(zip(ua, ub, strict=True)):
        if isinstance(y, dict) and "is not a valid" in y.get("msg", "") and x != y:
            ua[i] = ub[i] = "refused"
            changed = True
    for i, (x, y) in enumerate(zip(qa, qb, strict=True)):
        if (
            isinstance(x, dict)
            and isinstance(y, dict)
            and x.get("exc", [""])[0] in ("KeyError", "TypeError")
            and y.get("exc", [""])[0] == "NotFound"
        ):
            qa[i] = qb[i] = "cast raised"
            cast = True
    if (changed or cast) and deep_same(
        dict(da, urls=ua, requests=qa), dict(db, urls=ub, requests=qb)
    ):
        return RP13_CAST if cast else RP13_URL
    return None


def _bad_attach13(v):
    return not (isinstance(v, str) and v.lower() in ("request", "response", "omit"))


def _nm_kept13(c, a, b):
    from apidiff import deep_same

    steps = c["steps"]
    if any(s[0] == "bp" and _bad_attach13(s[2]) for s in steps):
        return NM13_BP_EARLY
    if any(
        # a str of names is read as its characters: "fz1.a" names a route "a" too
        s[0] == "named" and isinstance(s[2], (list, str)) and {"a", "bp.c"} & set(s[2])
        for s in steps
    ):
        return NM13_SHORT
    enum = any(isinstance(s[2] if s[0] != "named" else s[3], list) for s in steps)
    if enum:
        return NM13_ENUM
    da, db = _ok13(a), _ok13(b)
    if not (isinstance(da, dict) and isinstance(db, dict)):
        return None
    sa, sb = list(da.get("steps") or []), list(db.get("steps") or [])
    label = None
    for i, (x, y) in enumerate(zip(sa, sb, strict=False)):
        if (
            isinstance(x, dict)
            and isinstance(y, dict)
            and x.get("exc", [""])[0] == "AttributeError"
            and "UnknownNameError" in y.get("exc", [])
        ):
            sa[i] = sb[i] = "refused"
            label = NM13_NOTSTR
    da, db = dict(da, steps=sa), dict(db, steps=sb)
    bad_prio = any(s[-1] is None or isinstance(s[-1], str) and s[-1] != "omit" for s in steps)
    if bad_prio:
        ra, rb = list(da.get("requests") or []), list(db.get("requests") or [])
        if len(ra) == len(rb):
            for i, (x, y) in enumerate(zip(ra, rb, strict=True)):
                if "TypeError" in json.dumps(x) or "TypeError" in json.dumps(y):
                    ra[i] = rb[i] = "refused"
            da, db = dict(da, requests=ra), dict(db, requests=rb)
            la = [x for x in da.get("late") or [] if "TypeError" not in json.dumps(x)]
            lb = [x for x in db.get("late") or [] if "TypeError" not in json.dumps(x)]
            da, db = dict(da, late=la), dict(db, late=lb)
            if deep_same(da, db):
                return NM13_PRIO
    if label and deep_same(da, db):
        return label
    return None


def _fd_kept13(c, a, b):
    if c["kind"] != "multipart":
        return None
    if c["as"] != "bytes" or c["body_as"] != "bytes":
        return FD13_TYPES
    if c["boundary"] == "":
        return FD13_EMPTY
    if c["boundary"].startswith("--"):
        return FD13_DASHES
    if a.get("msg") == "substring not found" and "ok" in b:
        return FD13_UNSPLIT
    if not c["close"] and "ok" in a and "ok" in b:
        return FD13_UNCLOSED
    if any("filename" in p and "star" in p for p in c["parts"]):
        return FD13_STAR
    return None


KEPT += [
    ("reg_pattern", label, lambda c, a, b, label=label: _rp_kept13(c, a, b) == label)
    for label in (RP13_URL, RP13_CAST, RP13_EMPTY)
]
KEPT += [
    ("named_mw", label, lambda c, a, b, label=label: _nm_kept13(c, a, b) == label)
    for label in (NM13_PRIO, NM13_ENUM, NM13_NOTSTR, NM13_BP_EARLY, NM13_SHORT)
]
KEPT += [
    ("form_direct", label, lambda c, a, b, label=label: _fd_kept13(c, a, b) == label)
    for label in (FD13_TYPES, FD13_EMPTY, FD13_DASHES, FD13_UNSPLIT, FD13_UNCLOSED, FD13_STAR)
]



# RFC URI round (README, "RFC conformance checklist, fifth round"): url_for takes a scheme
# only from "scheme://" (RFC 3986 3.1; Sanic reads "srv.com" from "srv.com:81", "[" from
# "[::1]:8") and percent-encodes a fragment as a path (3.5; Sanic: raw). Sanic's value with
# both made as Hurtle's is compared again, alone and under the other labels.
_URI_LABEL = (
    "url_for: a host:port server names no scheme, a fragment is percent-encoded "
    "(RFC 3986 3.1, 3.5; Sanic: 'srv.com://srv.com:81/...', '#a b')"
)
_BOGUS_SCHEME = re.compile(r"([^/:?#\s]+)://(?=\1)")


def _uri_round_fixed(v, ws):
    from urllib.parse import quote

    if isinstance(v, str):
        named = _BOGUS_SCHEME.match(v)
        if named and named.group(1).lower() not in ("http", "https", "ws", "wss"):
            v = ("ws" if ws else "http") + v[named.end(1) :]
        if "#" in v and (v.startswith("/") or "://" in v):
            base, _, fragment = v.partition("#")
            fragment = quote(fragment, safe="!$&'()*+,;=:@/?%")
            v = base + "#" + re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", fragment)
        return v
    if isinstance(v, list):
        return [_uri_round_fixed(x, ws) for x in v]
    if isinstance(v, dict):
        return {k: _uri_round_fixed(x, ws) for k, x in v.items()}
    return v


_first_kept_label = kept_label


def kept_label(area, case, ref, hur):  # (the earlier one first, then this round's)
    label = _first_kept_label(area, case, ref, hur)
    if label is not None:
        return label
    for ws in (False, True):
        fixed = _uri_round_fixed(ref, ws)
        if fixed == ref:
            break
        if fixed == hur:
            return _URI_LABEL
        inner = _first_kept_label(area, case, fixed, hur)
        if inner is not None:
            return f"{inner}; and {_URI_LABEL}"
    return None

def _location_spaces(c, a, b):
    """A redirect target with a space or a "%" that starts no escape: Hurtle's Location
    says %20 in the path and fragment (Sanic: +) and %25 for the "%" (Sanic: raw)."""
    to = c["kw"]["to"]
    if not isinstance(to, str) or not (" " in to or re.search(r"%(?![0-9A-Fa-f]{2})", to)):
        return False

    def norm(v):
        # With content_type=None too: Sanic's literal "content-type: None" (kept above).
        text = json.dumps(v).replace("%20", "+").replace("%25", "%")
        return text.replace(', ["content-type", "None"]', "")

    return norm(a) == norm(b)


KEPT += [
    (
        area,
        "redirect(): a space is %20 outside the query, a stray '%' is %25 (RFC 3986 2.1, 3.3)",
        lambda c, a, b: c.get("kind") == "redirect" and _location_spaces(c, a, b),
    )
    for area in ("redirect2", "response", "resp_args", "response_wire")
]


def _idna_host(c, a, b):
    """A redirect to a host with non-ASCII letters: Hurtle's Location gives the name in
    IDNA form (leftovers7, RFC 3986 3.2.2), Sanic percent-encodes its UTF-8."""
    from urllib.parse import quote

    to = c["kw"].get("to") if isinstance(c.get("kw"), dict) else None
    if not isinstance(to, str) or "://" not in to:
        return False
    host = to.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rpartition("@")[2].split(":", 1)[0]
    if host.isascii():
        return False
    try:
        idna = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    if json.dumps(a).replace(quote(host, safe=""), idna) == json.dumps(b):
        return True
    # With a space or stray "%" in the path too (the label above).
    ours = json.dumps(b).replace("%20", "+").replace("%25", "%")
    return json.dumps(a).replace(quote(host, safe=""), idna) == ours


KEPT += [
    (
        area,
        "redirect() to a non-ASCII host name gives it in IDNA form (RFC 3986 3.2.2; Sanic: "
        "percent-encoded UTF-8, which DNS cannot resolve)",
        lambda c, a, b: c.get("kind") == "redirect" and _idna_host(c, a, b),
    )
    for area in ("redirect2", "response", "resp_args", "response_wire")
]


def _empty_port(host):
    return isinstance(host, str) and host.endswith(":") and not host.endswith("::")


_EMPTY_PORT = "an empty port is the default one (RFC 3986 3.2.3, 6.2.3; Sanic: no host name)"
KEPT += [
    ("parse_host", _EMPTY_PORT, lambda c, a, b: _empty_port(c["value"])),
    ("request_props", _EMPTY_PORT, lambda c, a, b: _empty_port(c["headers"].get("host"))),
]

# ---------------------------------------------------------------- fourteenth round
RQ14_CONN = "ASGI conn_info has the scope's server (Sanic: '', 0, None; listed before)"
RQ14_RAW = "raw_headers under ASGI are rebuilt (Sanic: ValueError; listed before)"
RQ14_SCHEME = "Authorization scheme in any case (RFC 9110 11.1; listed before)"
RS14_CT_NONE = "no content_type: no Content-Type (Sanic sends 'content-type: None')"
RS14_LEN = "a stream that sent nothing, or its error page, states its length under ASGI"
RS14_NO_BODY = "204/304: no body, no Content-Length (RFC 9110 6.4.1, 8.6)"
RS14_UNFINISHED = "a stream failing after a write ends the response (Sanic's ASGI never does)"
LF14_MISSING = "access record without access fields: printed empty (Sanic: ValueError; listed)"
LF14_JSON = "JSON log of an extra field JSON cannot encode: its str() (Sanic: TypeError, line lost)"
LF14_TASK = "a taskName extra is never listed (a LogRecord attribute from Python 3.12)"
SC14_SAFE = "shared_ctx.SAFE read or set by the app (Sanic's own list of names; listed, not implemented)"
SC14_RELOCK = "lock() on a locked shared_ctx does nothing (Sanic: RuntimeError for its _lock)"

_RQ14_AUTH_READS = {"token", "credentials", "parsed_token", "parsed_credentials"}


def _rq_kept14(c, a, b):
    ra, rb = _ok13(a), _ok13(b)
    if not (isinstance(ra, dict) and isinstance(rb, dict)) or ra.get("resp") != rb.get("resp"):
        return None
    reads_a, reads_b = ra.get("reads") or [], rb.get("reads") or []
    if len(reads_a) != len(reads_b):
        return None
    labels = []
    auth = c["headers"].get("authorization") or ""
    for (what, arg, x), (_, _, y) in zip(reads_a, reads_b, strict=True):
        if x == y:
            continue
        if what == "conn_info" and c.get("via") != "server":
            labels.append(RQ14_CONN)
        elif what == "raw_headers" and isinstance(x, dict) and "exc" in x:
            labels.append(RQ14_RAW)
        elif arg in _RQ14_AUTH_READS and auth[:1].islower():
            labels.append(RQ14_SCHEME)
        else:
            return None
    return labels[0] if labels else None


def _rs_kept14(c, a, b):
    if c["kind"] != "stream":
        return None
    ra, rb = _ok13(a), _ok13(b)
    if not (isinstance(ra, dict) and isinstance(rb, dict)) or ra.get("made") != rb.get("made"):
        return None
    x, y = ra.get("resp"), rb.get("resp")
    if isinstance(x, dict) and x.get("exc", [""])[0] == "AssertionError" and isinstance(y, list):
        return RS14_UNFINISHED
    if not (isinstance(x, list) and isinstance(y, list)) or x[0] != y[0]:
        return None
    labels = []
    ha, hb = [h for h in x[1]], [h for h in y[1]]
    if ["content-type", "None"] in ha and not any(h[0] == "content-type" for h in hb):
        ha.remove(["content-type", "None"])
        labels.append(RS14_CT_NONE)
    body_a, body_b = x[2], y[2]
    if x[0] in (204, 304):
        if body_a != body_b or ha != hb:
            labels.append(RS14_NO_BODY)
        body_a = body_b = ""
        ha = [h for h in ha if h[0] != "content-length"]
        hb = [h for h in hb if h[0] != "content-length"]
    la = [h for h in ha if h[0] == "content-length"]
    lb = [h for h in hb if h[0] == "content-length"]
    if la != lb and not la and (lb == [["content-length", "0"]] or x[0] == 500):
        labels.append(RS14_LEN)
        hb = [h for h in hb if h[0] != "content-length"]
    elif la != lb and la and lb == [["content-length", "0"]] and not body_b:
        labels.append(RS14_LEN)  # a length the app set, for a stream that sent nothing
        ha = [h for h in ha if h[0] != "content-length"]
        hb = [h for h in hb if h[0] != "content-length"]
    if ha == hb and body_a == body_b and labels:
        return labels[0]
    return None


def _lf_without_task_name(text):
    """A formatted line without a ``taskName`` extra field (plain or JSON)."""
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return text
        data.pop("taskName", None)
        return data
    return re.sub(r"\n\s*taskName=t", "", text)


def _lf_kept14(c, a, b):
    ra, rb = _ok13(a), _ok13(b)
    if not (isinstance(ra, list) and isinstance(rb, list)) or len(ra) != len(rb):
        return None
    labels = []
    for rec, x, y in zip(c["records"], ra, rb, strict=True):
        if x == y:
            continue
        msg = x.get("msg", "") if isinstance(x, dict) else ""
        if "Formatting field not found in record" in msg and isinstance(y, str):
            labels.append(LF14_MISSING)
        elif "is not JSON serializable" in msg and isinstance(y, str):
            labels.append(LF14_JSON)
        elif (
            "taskName" in rec["extra"]
            and isinstance(x, str)
            and isinstance(y, str)
            and _lf_without_task_name(x) == _lf_without_task_name(y)
        ):
            labels.append(LF14_TASK)
        else:
            return None
    return labels[0] if labels else None


KEPT += [
    ("req_parsed", label, lambda c, a, b, label=label: _rq_kept14(c, a, b) == label)
    for label in (RQ14_CONN, RQ14_RAW, RQ14_SCHEME)
]
KEPT += [
    ("resp_stream", label, lambda c, a, b, label=label: _rs_kept14(c, a, b) == label)
    for label in (RS14_CT_NONE, RS14_LEN, RS14_NO_BODY, RS14_UNFINISHED)
]
KEPT += [
    ("log_fmt", LF14_MISSING, lambda c, a, b: _lf_kept14(c, a, b) == LF14_MISSING),
    ("log_fmt", LF14_JSON, lambda c, a, b: _lf_kept14(c, a, b) == LF14_JSON),
    ("log_fmt", LF14_TASK, lambda c, a, b: _lf_kept14(c, a, b) == LF14_TASK),
    ("shared_ctx", SC14_SAFE, lambda c, a, b: any(s[1:2] == ["SAFE"] for s in c["steps"])),
    ("shared_ctx", SC14_RELOCK, lambda c, a, b: _sc_relock14(c, a, b)),
]


def _sc_relock14(c, a, b):
    """Alike but for each lock() of a locked context: Sanic's refuses, Hurtle's does nothing."""
    ra, rb = _ok13(a), _ok13(b)
    if not (isinstance(ra, list) and isinstance(rb, list)) or len(ra) != len(rb):
        return False
    found = False
    for step, x, y in zip(c["steps"], ra[1:-1], rb[1:-1], strict=True):
        if x == y:
            continue
        if step == ["lock"] and "Cannot set _lock" in json.dumps(x) and y[1] == [None, True]:
            found = True
            continue
        return False
    return found and ra[-1] == rb[-1]

RU14_HINT = "Invalid declaration: Hurtle adds how a parameter is written (listed before)"
_RU14_HINT_TEXT = (
    " (a parameter is written <name>, <name:type> or <name:regex>, the name a Python identifier)"
)
KEPT += [
    (
        "route_utils",
        RU14_HINT,
        lambda c, a, b: (
            _RU14_HINT_TEXT in json.dumps(b)
            and json.dumps(b).replace(_RU14_HINT_TEXT, "") == json.dumps(a)
        ),
    ),
]


# -------------------------------------------------------------- fourteenth round (signals)


def _late_twice(c):
    """A signal defined on a blueprint, after it was registered on two apps, beside
    another signal of that blueprint."""
    late = {r["on"] for r in c["regs"] if r["late"]}
    ons = [r["on"] for r in c["regs"]]
    return c["two_apps"] and any(ons.count(bp) >= 2 for bp in late)


KEPT += [
    (
        "sig_bp",
        "a signal defined on a blueprint after it was registered on two apps: Sanic registers "
        "the blueprint's earlier signals again on the second app, whose dispatch runs them "
        "twice (and names the parameter by the copy)",
        lambda c, a, b: _late_twice(c),
    ),
    (
        "sig_bp",
        "bp.event() of a blueprint registered on two apps: Sanic fails (ValueError: too many "
        "values to unpack); Hurtle waits on both apps",
        lambda c, a, b: (
            c["two_apps"]
            and "too many values to unpack (expected 1)" in json.dumps(a)
            and "too many values to unpack" not in json.dumps(b)
        ),
    ),
    (
        "sig_opts",
        "a parameter with two ':' (<x:int:y>) or an unclosed '<x:': ValueError/InvalidUsage "
        "saying what a parameter is (Sanic: its unpacking error); a non-str event given to "
        "signal_router.add: TypeError saying what an event is (Sanic: 'argument of type ... "
        "is not iterable')",
        lambda c, a, b: a != b and _sig14_msgs(a) == _sig14_msgs(b),
    ),
]


_SIG14_MSGS = [
    (
        r'"(?:ValueError|InvalidUsage)", [^\]]*\]\]?, \["msg", "(?:too many values to unpack '
        r"\(expected 2\)|not enough values to unpack \(expected at least 2, got 1\)|A signal "
        r'parameter is [^"]*|Invalid declaration: <x:)"',
        '"<bad parameter>"',
    ),
    (
        r'"msg", "(?:argument of type \'\w+\' is not iterable|A signal event is a string[^"]*)"',
        '"msg", "<not an event>"',
    ),
]


def _sig14_msgs(v):
    text = json.dumps(v)
    for pattern, repl in _SIG14_MSGS:
        text = re.sub(pattern, repl, text)
    return text


def _unwrap14(v):
    if isinstance(v, dict) and list(v) == ["dict"]:
        return {str(k): _unwrap14(x) for k, x in v["dict"]}
    if isinstance(v, list):
        return [_unwrap14(x) for x in v]
    return v


_FAILING_HTTP = ("http.lifecycle.request", "http.lifecycle.exception", "http.lifecycle.response")


def _sig_http_fails(c, a, b):
    """Every differing request is one where Sanic lets a raising http.lifecycle.request/
    exception/response handler's error escape under ASGI."""
    if not any(r["event"] in _FAILING_HTTP and r["do"].startswith("raise") for r in c["regs"]):
        return False
    ra, rb = _unwrap14(a["ok"])["requests"], _unwrap14(b["ok"])["requests"]
    return len(ra) == len(rb) and all(
        x == y or (isinstance(x[0], dict) and "exc" in x[0]) for x, y in zip(ra, rb, strict=True)
    )


KEPT += [
    (
        "sig_http",
        "an http.lifecycle.request/exception/response signal handler that raises, under ASGI: "
        "Sanic lets the error escape to the server (and dispatches exception/response again, "
        "three or four calls); Hurtle answers the error page (known items above)",
        _sig_http_fails,
    ),
]


_SANIC_UNFINALIZED = ("Cannot finalize router more than once.", "'NoneType' object is not callable")


def _sig_late_refused(c, a, b):
    """The first step that differs is one Sanic refuses: a signal added, or finalize()
    called, once its router is finalized outside a start-up, or a dispatch/get before it
    was finalized at all (the later steps follow from it)."""
    for x, y in zip(_unwrap14(a["ok"]), _unwrap14(b["ok"]), strict=True):
        if x != y:
            got = x[1]
            return isinstance(got, dict) and got.get("msg") in _SANIC_UNFINALIZED
    return False


KEPT += [
    (
        "sig_late",
        "signal_router.finalize() twice, or a signal added after finalize()/signalize() "
        "outside a start-up: Sanic raises 'Cannot finalize router more than once.'; a "
        "dispatch or get() before any finalize: Sanic's TypeError; Hurtle accepts both",
        _sig_late_refused,
    ),
]


def _invalid_state_first(c, a, b):
    """The dispatches agree up to one where Sanic raises InvalidStateError (a wait set
    twice); what follows it (and the waits) differs from there on."""
    if not c.get("waits"):
        return False
    ca, cb = _unwrap14(a["ok"])["calls"], _unwrap14(b["ok"])["calls"]
    for x, y in zip(ca, cb, strict=True):
        if isinstance(x[0], dict) and x[0].get("exc", [""])[0] == "InvalidStateError":
            return True
        if x != y:
            return False
    return False


KEPT += [
    (
        "sig_ns",
        "an app.event() wait and two inline dispatches reaching its signal before the waiting "
        "task resumes: Sanic's second dispatch raises InvalidStateError (it sets the wait's "
        "result again), and the handlers do not run; Hurtle wakes the wait once",
        lambda c, a, b: _invalid_state_first(c, a, b),
    ),
]


# ---------------------------------------------------------------- sixteenth round (cases16)


def _exc16(v):
    """The exception picture of a step's result (or of its first item), else None."""
    v = _unwrap14(v)
    if isinstance(v, list) and v:
        v = v[0]
    if isinstance(v, dict) and "exc" in v:
        return v
    return None


_HURTLE_ONLY_RESTRICTED = {"exitcode", "last_exit", "restarts", "serving"}


def _wstate_restricted(c, a, b):
    """A WorkerState write or delete of a restricted key (or an update naming one): Hurtle's
    message adds which keys the manager owns; the keys only Hurtle's manager writes are
    refused there too. The dict after the step is the same."""
    item = c["item"]
    ea, eb = _exc16(a), _exc16(b)
    if eb is None or eb["exc"][0] != "LookupError" or "restricted key" not in eb["msg"]:
        return False
    if _unwrap14(a)[1:] != _unwrap14(b)[1:]:
        return False
    if ea is not None and ea["exc"][0] == "LookupError" and eb["msg"].startswith(ea["msg"]):
        return True
    return any(k in json.dumps(item[1:]) for k in _HURTLE_ONLY_RESTRICTED)


def _wstate_pop(c, a, b):
    ea, eb = _exc16(a), _exc16(b)
    return (
        c["item"][0] in ("pop", "popitem", "clear")
        and ea is not None
        and eb is not None
        and ea["exc"][0] == eb["exc"][0] == "NotImplementedError"
    )


def _mw_no_name(c, a, b):
    """Sanic makes a Middleware of anything and fails when its repr (or convert) reads
    func.__name__ or location.name; Hurtle shows a partial or callable object and takes 1
    and 2 as the locations' values, and refuses an unknown location when made."""
    ea, eb = _exc16(a), _exc16(b)
    if ea is None or ea["exc"][0] != "AttributeError":
        return False
    if not re.search(r"has no attribute '(__name__|name)'", ea["msg"]):
        return False
    return eb is None or "Middleware attaches to 'request' or 'response'" in eb["msg"]


def _view_no_method(c, a, b):
    ea, eb = _exc16(a), _exc16(b)
    return (
        ea is not None
        and eb is not None
        and eb["exc"][0] == "MethodNotAllowed"
        and (ea["exc"][0] == "NotImplementedError" or "has no attribute 'get'" in ea["msg"])
    )


def _startup_kept(c, a, b):
    item = c["item"]
    kind = item[0]
    ea, eb = _exc16(a), _exc16(b)
    if kind == "address":
        # port 0 (or "") is a free port in Hurtle, Sanic's default port (listed before)
        return item[2] in (0, "") and a[1] in (8000, 8443) and b[1] == item[2]
    if kind == "location":
        # a settings dict without host or port: Sanic's KeyError, Hurtle's ""
        s = item[1] or {}
        return (
            ea is not None and ea["exc"][0] == "KeyError" and not ("host" in s and "port" in s)
        )
    if kind == "serve_location":
        return a == "http://<unknown>"
    if kind == "repl" and ea is None and eb is None:
        # a second add() under a name replaces the first in Hurtle; Sanic keeps both
        names_a = [x[0] for x in _unwrap14(a)[1]]
        names_b = [x[0] for x in _unwrap14(b)[1]]
        return len(set(names_a)) < len(names_a) and set(names_a) == set(names_b)
    if kind == "repl":
        return (
            ea is not None
            and eb is not None
            and ea["exc"][0] == eb["exc"][0] == "AssertionError"
            and ea["msg"] == ""
        )
    if kind in ("verbosity", "set_verbosity"):
        return not isinstance(item[1], int) and eb is not None and eb["exc"][0] == "ValueError"
    return False


def _trigger_kept(c, a, b):
    item = c["item"]
    ea, eb = _exc16(a), _exc16(b)
    if item[0] != "decorate":
        return False
    if item[2] in ("call", "prio"):
        # Sanic's shorthands need the listener; Hurtle's also work called
        return ea is not None and "missing 1 required positional argument: 'listener'" in ea["msg"]
    if item[2] == "bad":
        return eb is not None and eb["msg"] == "A listener must be callable, not 5"
    return False


def _loader_kept(c, a, b):
    item = c["item"]
    ea, eb = _exc16(a), _exc16(b)
    if item[0] == "cert":
        # missing files: Sanic's SSLError("Can't open file"), Hurtle's FileNotFoundError
        # naming the file (listed before); certfile/keyfile names are Hurtle's too
        return (ea is not None and eb is not None and ea["exc"][0] == "SSLError"
                and eb["exc"][0] == "FileNotFoundError")
    if item[0] != "load":
        return False
    inp = item[2]
    if ea is not None and eb is not None and ea["exc"][0] == eb["exc"][0]:
        # the same type, Hurtle's words: a simple server given no folder names the path;
        # a factory that cannot be called says to drop --factory
        if item[4] and "as a simple app: it is not a directory" in eb["msg"]:
            return True
        if ea["msg"].startswith("Expected a callable") and "cannot be a factory" in eb["msg"]:
            return True
    if inp.startswith("DIR/"):
        # a file path: Hurtle loads it (as its CLI does), Sanic looks for a module
        return ea is not None and ea["exc"][0] == "ModuleNotFoundError" and not item[4]
    if item[4]:
        return False
    if eb is not None and "AttributeError" in eb["exc"] and "has no attribute" in eb["msg"]:
        # a missing attribute: Sanic returns None (or, for 'name()', says 'Expected a
        # callable, but got NoneType.'); Hurtle's AttributeError says where to point
        return (ea is None and a == [["obj", "NoneType"]]) or (
            ea is not None and ea["msg"] == "Expected a callable, but got NoneType."
        )
    if eb is not None and eb["exc"][0] == "ValueError" and (
        eb["msg"].startswith("Cannot load ") or eb["msg"].startswith("AppLoader needs ")
    ):
        # an input with an empty module or attribute part ('m:', ':app', ''): Hurtle's
        # ValueError says what to write; Sanic imports (its error) or returns None
        return inp.endswith(":") or inp.startswith(":") or inp == ""
    if (
        eb is not None
        and eb["exc"][0] == "TypeError"
        and "is already an app, not a factory" in eb["msg"]
    ):
        return ea is not None and ea["exc"][0] == "TypeError"
    return False


KEPT += [
    ("wstate16", "WorkerState restricted keys: Hurtle's message names the keys the manager "
     "owns, and exitcode/last_exit/restarts/serving are restricted too (listed before)",
     _wstate_restricted),
    ("wstate16", "WorkerState.pop()/popitem()/clear(): the same NotImplementedError, "
     "Hurtle's saying what (listed before)", _wstate_pop),
    ("mw_obj16", "Middleware made of a partial, a callable object or a non-callable, or with "
     "a location that is no member: Sanic fails when its repr reads __name__/location.name; "
     "Hurtle shows it, takes 1/2 as the locations' values, refuses other locations when made",
     _mw_no_name),
    ("view16", "dispatch_request called for a method the view does not define: Hurtle's "
     "MethodNotAllowed (RFC 9110 15.5.6); Sanic's NotImplementedError, or AttributeError "
     "for HEAD without get (routed, both answer 405)", _view_no_method),
    ("startup16", "start-up helpers given odd input: port 0 is a free port (listed before); "
     "settings without host/port are '' (Sanic's KeyError); serve_location falls back to "
     "app.state's host when no server is recorded (Sanic: http://<unknown>); repl_ctx.add's "
     "AssertionError says what, and a name added again replaces the first (Sanic keeps "
     "both); a verbosity that is no int is a ValueError", _startup_kept),
    ("trigger16", "listener shorthands (@app.main_process_ready...) also work called, with "
     "or without priority= (Sanic: TypeError, the listener missing); one given a "
     "non-callable is a TypeError (Sanic returns a partial that fails later)", _trigger_kept),
    ("loader16", "AppLoader: file paths load; a missing attribute is an AttributeError saying "
     "where to point (Sanic: None, or 'Expected a callable, but got NoneType.'); empty "
     "module/attribute parts and factories that are apps are refused saying what to write; "
     "as_simple without a folder and a factory that cannot be called: Sanic's types, Hurtle's "
     "words; CertLoader names a missing file (listed before)", _loader_kept),
]


def _asgi_tr_kept(c, a, b):
    """Under ASGI (listed before): sockname is the scope's server (Sanic: None),
    sslcontext None for http (Sanic: False), conn_info.ssl True for an https scope (Sanic:
    False); is_closing() answers (Sanic: NotImplementedError) and the request stream has
    request_max_size (Sanic's ASGI stream leaves it unset)."""
    kind, name = c["item"][0], c["item"][1]
    ea = _exc16(a)
    if kind in ("info", "info_default"):
        return name in ("sockname", "sslcontext")
    if kind == "conn":
        return c["scheme"] == "https" and a[:1] == b[:1] and a[2:] == b[2:]
    if kind == "closing":
        return ea is not None and ea["exc"][0] == "NotImplementedError" and b is False
    return kind == "stream" and a == "<none>"


def _gen_name_hint(c, a, b):
    ea, eb = _exc16(a), _exc16(b)
    return (
        c["item"][0] == "gen_name"
        and ea is not None
        and eb is not None
        and ea["exc"][0] == eb["exc"][0] == "ValueError"
        and eb["msg"].startswith(ea["msg"] + ": pass a non-empty string")
    )


KEPT += [
    ("asgi_tr16", "the ASGI transport and connection (listed before): sockname is the "
     "scope's server, sslcontext None for http, conn_info.ssl True for an https scope; "
     "is_closing() answers (Sanic: NotImplementedError); request.stream has "
     "request_max_size", _asgi_tr_kept),
    ("consts16", "generate_name of nothing nameable: the same ValueError, Hurtle's saying "
     "what to pass", _gen_name_hint),
]


def _srv_not_accepting(c, a, b):
    """Before a successful after_start()/start_serving() (or after close()), Hurtle's
    server is bound and listening but does not accept (a client waits: TimeoutError) and
    is_serving() is False; Sanic's accepts from create_server() on (a 500 before
    startup(), a 200 after) or, with start_serving=False, is not listening (refused).
    Listed before."""
    item = c["item"]
    done = _unwrap14(b)[2]
    deferred = (c.get("kwargs") or {}).get("start_serving") is False
    started = "start_serving" in done or ("after_start" in done and not deferred)
    serving = started and "close" not in done
    if serving or _unwrap14(a)[2] != done:
        return False
    if item == "get":
        return b[0] == "TimeoutError"
    return item == "is_serving" and a[0] is True and b[0] is False


KEPT += [
    ("async_srv16", "create_server(return_asyncio_server=True): Hurtle's server accepts "
     "connections from after_start()/start_serving() (is_serving() False before; a client "
     "connecting earlier waits); Sanic's from create_server() on (a 500 before startup()), "
     "or with start_serving=False refuses them (listed before)", _srv_not_accepting),
]


# ---------------------------------------------------------------- seventeenth round


def _no_none_ctype(a, b):
    """processed_headers alike but for Sanic's literal ``content-type: None`` (which its
    first read also stores in the headers, so a content type assigned later is not used)."""
    def rest(v):
        return [[h for h in v[0] if h[0] != "content-type"]] + v[1:]

    return isinstance(a, list) and ["content-type", "None"] in a[0] and rest(a) == rest(b)


KEPT += [
    ("exc17", "an HTTP error class given status_code= takes it (Sanic 25.12: TypeError; "
     "listed in the third round)",
     lambda c, a, b: "status_code" in c["kw"]
     and "unexpected keyword argument 'status_code'" in json.dumps(a)),
    ("resphdr17", "processed_headers of a bodiless response: no literal 'content-type: None' "
     "(not a media type, RFC 9110 8.3; listed at the top), so a content_type assigned after "
     "a read is sent",
     lambda c, a, b: _no_none_ctype(a, b)),
]


def _empty_env_prefix(c, a, b):
    return (
        c["item"][0] == "env"
        and c["item"][1] == ""
        and a[0]["dict"][1][1] == "empty separator"
        and b[0]["dict"][1][1].startswith("empty separator: ")
        and a[1] == b[1]
    )


KEPT += [
    ("cfg17", "load_environment_vars(''): the same ValueError, Hurtle's saying that a prefix "
     "is needed (fixed: it loaded the whole environment)", _empty_env_prefix),
]

KEPT += [
    ("cfg17", "register_type() of an object without __name__ registered already: "
     "Hurtle warns with its repr (Sanic's warning fails: AttributeError '__name__')",
     lambda c, a, b: c["item"][0] == "register"
     and "has no attribute '__name__'" in a[0]["dict"][1][1] and b[0] is None),
]


def _cookie17(c, a, b):
    """Sanic's ``02-Jan-2030`` dates and digit-string max_age, written as Hurtle does."""
    s = _dashed_dates(a)
    s = re.sub(r"Max-Age=0*(\d)", r"Max-Age=\1", s)
    s = re.sub(r'"(\d+)"', lambda m: str(int(m.group(1))), s) if c["item"][0] == "attr" else s
    return s == json.dumps(b)


KEPT += [
    ("cookiejar17", "Expires as rfc1123-date (02 Jan 2030; Sanic 02-Jan-2030) and Max-Age "
     "written without leading zeros (RFC 6265 4.1.1), both listed before", _cookie17),
]


def _hdrfn17(c, a, b):
    """The first round's kept header differences, reached through hdrfn17's steps."""
    kind, arg = c["item"][0], c["item"][1]
    if kind == "ctype":
        return "\\" in arg
    if kind in ("fwd", "xfwd"):
        return arg["PROXIES_COUNT"] < 0 and _excname(a) == "AssertionError"
    if kind == "accept":
        return "q=0," in arg.replace("q=0.", "") + "," and a[0] == b[0]
    return False


KEPT += [
    ("hdrfn17", "first round's: a backslash escape in a quoted value (RFC 9110 5.6.4), "
     "PROXIES_COUNT < 0 ignored (Sanic: AssertionError), a q=0 range not acceptable "
     "(RFC 9110 12.4.2)", _hdrfn17),
]
KEPT += [
    ("cookiejar17", "samesite set to a non-string on a made cookie: TypeError naming the "
     "values (Sanic: AttributeError from .lower()), listed before",
     lambda c, a, b: c["item"][:2] == ["set_attr", "samesite"]
     and _excname(a) == "AttributeError" and _excname(b) == "TypeError"),
]


def _rstream17(c, a, b):
    """Sanic's ASGI mode where its own server (which Hurtle follows) differs: a write after
    the end is RuntimeError there, a streamed 204 takes every write; content-type: None."""
    text = json.dumps(a).replace('"RuntimeError"', '"ServerError"')
    text = text.replace('["content-type", "None"], ', "").replace('["content-type", "None"]', "")
    if text == json.dumps(b):
        return True
    da, db = dict(a["ok"]["dict"]), dict(b["ok"]["dict"])
    return c["status"] == 204 and da["attrs"] == db["attrs"] and db["wire"][0] == 204


KEPT += [
    ("rstream17", "Sanic's ASGI mode unlike its own server, which Hurtle follows under both: "
     "a write after the end (RuntimeError there), a streamed 204 that takes writes; and "
     "content-type: None (all listed before)", _rstream17),
    ("names17", "REPLContext.BUILTINS: the same names, described in Hurtle's own words",
     lambda c, a, b: c["item"][1].endswith("REPLContext.BUILTINS")
     and [x[0] for x in a] == [x[0] for x in b]),
]
KEPT += [
    ("urlfor17", "url_for: a parameter's space or non-ASCII letter percent-encoded in the "
     "path (RFC 3986 3.3; Sanic: raw), listed before",
     lambda c, a, b: isinstance(a, str) and isinstance(b, str) and a != b
     and _same_but_path(a, b)),
]


def _sorted_allow(v):
    return re.sub(r'"allow", "([^"]*)"',
                  lambda m: '"allow", "' + ", ".join(sorted(m.group(1).split(", "))) + '"',
                  json.dumps(v))


KEPT += [
    ("views17", "a 405's Allow lists the methods sorted (Sanic: in route order), listed before",
     lambda c, a, b: _sorted_allow(a) == _sorted_allow(b)),
]


def _ws_routes_count(c, a, b):
    """bpcomp17's routes step alike but for the lengths of bp.middlewares and
    bp.websocket_routes (bookkeeping lists) of a blueprint registered more than once."""
    if c["item"] != ["routes"] or not (isinstance(a, list) and isinstance(b, list)):
        return False
    if a[0] != b[0] or len(a[1]) != len(b[1]):
        return False
    return all(x[:2] + x[4:] == y[:2] + y[4:] for x, y in zip(a[1], b[1], strict=True))


KEPT += [
    ("bpcomp17", "len(bp.middlewares)/len(bp.websocket_routes) of a blueprint registered "
     "more than once (in groups, or a registration refused): Hurtle's count its own "
     "registrations; Sanic's lists repeat entries as it replays earlier registrations; the "
     "app's routes alike", _ws_routes_count),
    ("views17", "an HTTPMethodView routed for a method it does not define answers 405 "
     "(Sanic: 500 NotImplementedError), with an empty Allow when the view defines no "
     "method (RFC 9110 10.2.1, 15.5.6); listed in the sixteenth round and in 'Class-based "
     "views and handler decorators in depth'",
     lambda c, a, b: "[500, [], \"\"]" in json.dumps(a)
     and _sorted_allow(a).replace('[500, [], ""]', '[405, [], ""]')
     == _sorted_allow(b).replace('[405, [["allow", ""]], ""]', '[405, [], ""]')),
]


def _twice_in_group(c, a, b):
    """A group listing one blueprint twice: Sanic refuses the repeat when the group sets
    strict_slashes (RouteExists), Hurtle takes it once as it does without."""
    if c["item"][0] != "register" or len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x != y and not (x[0] == "RouteExists" and y[0] is True
                           and len(set(x[1])) < len(x[1])):
            return False
    return True


KEPT += [
    ("bpcomp17", "a group with strict_slashes=True that lists one blueprint twice: Hurtle "
     "registers it once, as Sanic does for a group without strict_slashes (Sanic: "
     "RouteExists)", _twice_in_group),
]
KEPT += [
    ("bpcomp17", "an app without routes finalizes (Sanic: 'Cannot finalize with no routes "
     "defined.'), listed before",
     lambda c, a, b: c["item"] == ["routes"] and "Cannot finalize with no routes" in
     json.dumps(a) and b[0] == []),
]


def _str_status_headers(c, a, b):
    """An exception whose status_code is no int: both answer 500; Hurtle keeps the
    exception's headers on it."""
    da, db = dict(a["ok"]["dict"]), dict(b["ok"]["dict"])
    return (
        not isinstance(c["kw"].get("status_code"), (int, type(None)))
        and da["attrs"] == db["attrs"]
        and da["wire"][0] == db["wire"][0] == 500
        and da["wire"][2] == db["wire"][2]
    )


KEPT += [
    ("exc17", "an exception with a status_code that is no int ('400'): both answer 500 with "
     "the same page; Hurtle's keeps the exception's headers (Sanic's fallback page drops "
     "them)", _str_status_headers),
]


def _refused_delete_kept(c, a, b):
    """After a delete_cookie refused (both prefixes asked), Hurtle's jar is as it was;
    Sanic's had already dropped the earlier deletion of that name before refusing."""
    if not (isinstance(a, list) and isinstance(b, list)) or not all(
        isinstance(x, str) for x in a + b
    ):
        return False
    extra = list(b)
    for x in a:
        if x not in extra:
            return False
        extra.remove(x)
    return bool(extra) and all("Max-Age=0" in x for x in extra)


KEPT += [
    ("cookiejar17", "delete_cookie refused (host_prefix and secure_prefix both): Hurtle "
     "changes nothing; Sanic has already dropped an earlier deletion of that name",
     _refused_delete_kept),
]


# Leftovers, seventh pass: url_for with a SERVER_NAME or _server ending in "/" joins it to
# the path with one slash (Sanic: "https://s.io//x", another resource by RFC 3986 3.3).
# Sanic's value with the one slash is compared again, alone and under the other labels.
_SLASH_LABEL = (
    "url_for: a server name ending in '/' is joined with one slash (RFC 3986 3.3; Sanic: "
    "'https://s.io//x'), leftovers7"
)


def _slash_bases(case):
    case = case.get("args", case) if isinstance(case.get("args", case), dict) else case
    bases = {(case.get("config") or {}).get("SERVER_NAME")}
    steps = case.get("calls") or ([case["item"]] if "item" in case else [])
    for step in steps:
        if isinstance(step, list) and len(step) > 1 and isinstance(step[1], dict):
            bases.add(step[1].get("_server"))
    return [b for b in bases if isinstance(b, str) and b.endswith("/")]


def _one_slash(v, bases):
    if isinstance(v, str):
        for base in bases:
            v = v.replace(base + "/", base)
            # the same server name under another scheme (``_scheme=``, a proxy's):
            # "http://srv.test/base//st/" from SERVER_NAME "https://srv.test/base/"
            _, sep, rest = base.partition("://")
            if sep and rest:
                v = v.replace("://" + rest + "/", "://" + rest)
        return v
    if isinstance(v, list):
        return [_one_slash(x, bases) for x in v]
    if isinstance(v, dict):
        return {k: _one_slash(x, bases) for k, x in v.items()}
    return v


_second_kept_label = kept_label


def kept_label(area, case, ref, hur):  # (the earlier ones first, then this)
    label = _second_kept_label(area, case, ref, hur)
    if label is not None or not isinstance(case, dict):
        return label
    bases = _slash_bases(case)
    fixed = _one_slash(ref, bases) if bases else ref
    if fixed == ref:
        return None
    if fixed == hur:
        return _SLASH_LABEL
    inner = _second_kept_label(area, case, fixed, hur)
    return f"{inner}; and {_SLASH_LABEL}" if inner is not None else None


# Fuzzers re-run after the twenty-third stop's merges ------------------------------------------


def _odd_weight(value):
    """An Accept value with a weight named Q, or a q float() reads that is no qvalue
    (RFC 9110 12.4.2: 0 to 1, three decimals): Hurtle's weight rules since today's merges
    (the last q/Q is the weight, RFC 9110 5.6.6; one that is no qvalue makes the range
    malformed, InvalidHeader when none is left), Sanic reads only q, with float()."""
    for media_range in (value or "").split(","):
        for param in media_range.split(";")[1:]:
            name, _, text = param.partition("=")
            name, text = name.strip(), text.strip()
            if name == "Q":
                return True
            if name == "q" and not re.fullmatch(r"0(\.\d{0,3})?|1(\.0{0,3})?", text):
                try:
                    float(text)
                except ValueError:
                    continue
                return True
    return False


ACCEPT_WEIGHT = (
    "a weight named Q is the weight (the last of q/Q), a q above 1 (or nan, inf, a sign, "
    "an exponent) makes its range malformed (RFC 9110 5.6.6, 12.4.2; listed in \"Leftovers, "
    "tenth pass\" and before); Sanic reads only q, with float()"
)
KEPT += [
    ("accept", ACCEPT_WEIGHT, lambda c, a, b: _odd_weight(c["value"])),
    ("hdrfn17", ACCEPT_WEIGHT,
     lambda c, a, b: c["item"][0] == "accept" and _odd_weight(c["item"][1])),
]


def _expires_apart(a, b):
    """The answers are alike but for an `Expires` (now + max_age) the two runs computed in
    consecutive seconds (rerun4: seed 37 straddled one)."""
    from email.utils import parsedate_to_datetime

    def split(v):
        if not (isinstance(v, dict) and "ok" in v):
            return None, v
        parts = [list(p) for p in v["ok"]["dict"]]
        when = None
        for part in parts:
            if part[0] == "headers":
                when = [h[1] for h in part[1] if h[0] == "expires"]
                part[1] = [h for h in part[1] if h[0] != "expires"]
        return when, parts

    (wa, ra), (wb, rb) = split(a), split(b)
    if not wa or not wb or len(wa) != len(wb) or ra != rb:
        return False
    return all(abs((parsedate_to_datetime(y) - parsedate_to_datetime(x)).total_seconds()) <= 2
               for x, y in zip(wa, wb, strict=True))


KEPT += [
    (area, "timing: file(max_age=)'s Expires is now + max_age, the two runs computed it a"
     " second apart (the answers alike otherwise)", lambda c, a, b: _expires_apart(a, b))
    for area in ("response", "resp_args", "file_args", "file_cond")
]


def _max_age_delta(a, b):
    """The answers are alike once Sanic's `max-age=1.5` (or `-5`, `60.0`) reads as the
    delta-seconds Hurtle writes (`1`, `0`, `60`)."""
    def seconds(m):
        return f"max-age={max(0, int(float(m.group(1))))}"

    dumped = re.sub(r"max-age=(-?\d+(?:\.\d+)?)", seconds, json.dumps(a))
    return dumped != json.dumps(a) and dumped == json.dumps(b)


def _bp_route_kept(c, a, b):
    """A blueprint refused with RouteExists: Sanic's table lost the blueprint's routes
    registered before the collision, Hurtle's keeps them; the rest alike."""
    da, db = _ok_dict(a), _ok_dict(b)
    rest = [{k: v for k, v in d.items() if k != "table"} for d in (da, db)]
    return bool(da) and rest[0] == rest[1] and _ws_reg_lost_route(c, a, b)


KEPT += [
    (area, "max-age in Cache-Control is delta-seconds: file(max_age=1.5) writes max-age=1"
     " (RFC 9111 1.2.2, 5.2.2.1; fixed in 'RFC conformance checklist, seventh round'),"
     " Sanic the float", lambda c, a, b: _max_age_delta(a, b))
    for area in ("response", "resp_args", "file_args", "file_cond")
] + [
    ("add_route_forms", "a route refused with RouteExists leaves the earlier routes as they"
     " were (here a blueprint's registered before the collision); Sanic loses them, listed"
     " in the fourth round (ws_reg)", _bp_route_kept),
]


_ITEM_HINT = re.compile(
    r"('(?:Cookie|CookieJar)' object does not support item assignment); [^\"\\]*(?:\\.[^\"\\]*)*\""
)


def _item_assignment_hint(area):
    """Hurtle's TypeError for pre-23.3 dict-style cookies (``response.cookies["a"] = "b"``,
    ``cookie["httponly"] = True``) adds what to use instead after Sanic's words; with the
    hint taken out, the case is alike or kept for another listed reason."""

    def test(c, a, b):
        hur = json.dumps(b, sort_keys=True)
        bare = _ITEM_HINT.sub(r'\1"', hur)
        if bare == hur:
            return False
        if bare == json.dumps(a, sort_keys=True):
            return True
        # Without the hint this rule does not match again, so no recursion.
        return kept_label(area, {"args": c}, a, json.loads(bare)) is not None

    return test


KEPT += [
    (area, "dict-style cookie assignment: Sanic's TypeError, its message followed by what"
     " to use instead (add_cookie, the Cookie attribute); 'Cookies, third round'",
     _item_assignment_hint(area))
    for area in ("resp_ctor", "cookiejar", "cookie_obj", "cookiejar17")
]


def _refused_ws_flag(c, a, b):
    """rerun5 (seed 2721): a websocket route refused for its ``error_format`` is registered
    before the refusal in both (since the fourteenth leftovers pass); its ``websocket``
    flag is set in Hurtle's (what was asked), not in Sanic's half-made route. Alike once the
    flag of such a route is set aside."""
    da, db = _ok_dict(a), _ok_dict(b)
    if not da or not db or len(c.get("regs", ())) != len(da.get("regs") or ()):
        return False
    refused = {
        r["uri"].strip("/").split("/")[0] or "root"
        for r, res in zip(c["regs"], da["regs"], strict=True)
        if "Unknown format" in json.dumps(res) and r["how"] in ("route_ws", "app_deco", "app_add")
    }

    def table(d):
        return [row[:3] + [None if row[1].rsplit(".", 1)[-1] in refused else row[3]] + row[4:]
                for row in d.get("table", ())]

    rest = [{k: v for k, v in d.items() if k != "table"} for d in (da, db)]
    return bool(refused) and rest[0] == rest[1] and table(da) == table(db)


def _float_status_asgi(c, a, b):
    """A float status (``status=200.0``) under ASGI: Hurtle's 500 page, as its own server
    and Sanic's server answer; Sanic's ASGI mode hands the float on (fixed and listed in
    "Leftovers, thirteenth pass"; apidiff's response_wire runs through asgi_client)."""
    status = (c.get("kw") or {}).get("status")
    ok_a, ok_b = _ok_dict(a), _ok_dict(b)
    return (isinstance(status, float) and ok_b.get("status") == 500
            and ok_a.get("status") == {"float": repr(status)})


def _late_cancel_warning(c, a, b):
    """The log tap of a listeners case caught Hurtle's ``Task <coroutine ...op_tasks...>
    was cancelled before it completed`` from an earlier tasks case (its handler cancels the
    tasks and returns): Hurtle logs it from the task's done callback, which runs a loop turn
    after the task ends, and the harness's loop stopped in between, so the record came in
    the next run of the loop; Sanic's tap held no such record (not traced further: the
    same warning, a loop turn apart). rerun5, seed 2721. Alike without that record."""
    da, db = _ok_dict(a), _ok_dict(b)
    if not da or not db:
        return False
    logs = [r for r in db.get("logs", ())
            if not (r[1] == "WARNING" and str(r[2]).startswith("Task <coroutine object Ops4.op_tasks"))]
    return logs != db.get("logs") and dict(db, logs=logs) == da


KEPT += [
    ("ws_reg", "a websocket route refused for its error_format stays registered in both;"
     " Hurtle's is a websocket route (Sanic's half-made one has no websocket flag)",
     _refused_ws_flag),
    ("response_wire", "a float status under ASGI: the 500 page, as both own servers (Sanic's"
     " ASGI mode hands the float on), listed in the thirteenth leftovers pass",
     _float_status_asgi),
    ("listeners", "an earlier case's cancelled task's warning, logged by Hurtle's done"
     " callback a loop turn after the task ended, reached this case's log tap",
     _late_cancel_warning),
]

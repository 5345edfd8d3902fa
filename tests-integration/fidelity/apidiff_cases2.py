"""Second-round generators for ``apidiff.py``: wider inputs in the areas of the first round.

Each area here either reuses a worker operation of the first round (``OP_OF``: same case
shape, wider inputs) or has its own (``cookie_attrs``, ``json_odd``, ``file_wire``).
"""

from __future__ import annotations

from pathlib import Path

from apidiff_cases import gen_routes, rstr

HERE = Path(__file__).resolve().parent


def pct(rng):
    """One percent-escape: any byte, in either case, or a broken one."""
    r = rng.random()
    if r < 0.75:
        h = f"{rng.randrange(256):02X}"
        return "%" + (h.lower() if rng.random() < 0.3 else h)
    return rng.choice(["%", "%2", "%zz", "%%", "%u00e9", "%+1", "%2%41", "%G0"])


QS_ATOMS = ["a", "b", "=", "==", "&", "&&", ";", "+", "++", " ", "x", "é", "1", "[]", "?", "/"]


def qs_text(rng, url=True):
    out = []
    for _ in range(rng.randint(0, 12)):
        r = rng.random()
        if r < 0.35:
            out.append(pct(rng))
        else:
            a = rng.choice(QS_ATOMS)
            if url and a in (" ", "é"):
                a = pct(rng)
            out.append(a)
    return "".join(out)


def gen_args2(rng):
    kw = {}
    if rng.random() < 0.6:
        kw["keep_blank_values"] = rng.random() < 0.5
    if rng.random() < 0.4:
        kw["strict_parsing"] = rng.random() < 0.5
    if rng.random() < 0.4:
        kw["encoding"] = rng.choice(["utf-8", "latin-1", "ascii", "cp1252", "utf-16", "UTF8"])
    if rng.random() < 0.4:
        kw["errors"] = rng.choice(
            ["replace", "strict", "ignore", "surrogateescape", "backslashreplace"]
        )
    return {"qs": qs_text(rng), "kw": kw}


# ------------------------------------------------------------------------------- forms

BOUNDARIES = ["XyZ", "a'b()+_,-./:=?", "x" * 70, "=?", "B", "a b", "----", "-"]
DISPOS = [
    'form-data; name="{n}"',
    "form-data; name={n}",
    'form-data;name="{n}";filename="f.txt"',
    "form-data; name=\"{n}\"; filename*=UTF-8''%C3%A9%20x.txt",
    "form-data; name=\"{n}\"; filename*=iso-8859-1''%E9.txt",
    "form-data; name=\"{n}\"; filename*=UTF-8''%FF.txt",
    "form-data; name=\"{n}\"; filename*=''x.txt",
    "form-data; name=\"{n}\"; filename*=UTF-8'en'a%2",
    'form-data; name="{n}"; filename*=utf-8\'\'a.txt; filename="b.txt"',
    'form-data; name="{n}"; filename="dir/sub\\\\x.txt"',
    'form-data; name="{n}"; filename=" x .txt "',
    'form-data; name="{n}"; filename=""',
    'form-data; name="{n}"; filename="é.txt"',
    'form-data; name="{n}"; name="other"',
    "form-data; name*=UTF-8''%C3%A9",
    'form-data; NAME="{n}"',
    'form-data; name="{n}',
    'form-data; name = "{n}" ; filename = "s.txt"',
    "form-data",
    'inline; name="{n}"',
]
PART_CTYPES = [
    "text/plain; charset=utf-8",
    "text/plain; charset=latin-1",
    "text/plain; charset=ascii",
    'text/plain; charset="utf-8"',
    "text/plain; charset=utf-16",
    "application/octet-stream",
    "",
    "text/plain;charset=cp1252",
]


def gen_form2(rng):
    names = ["a", "b", "a b", "", "é"]
    if rng.random() < 0.35:
        body = qs_text(rng, url=False)
        if rng.random() < 0.8:
            body = body.encode("utf-8").decode("latin-1")
        ctype = "application/x-www-form-urlencoded" + rng.choice(
            [
                "",
                "; charset=utf-8",
                "; charset=latin-1",
                "; charset=ascii",
                '; charset="utf-8"',
                "; charset=cp1252",
                "; charset=bogus",
                "; charset=UTF-8; x=y",
            ]
        )
        return {"ctype": ctype, "body": body, "names": names}
    b = rng.choice(BOUNDARIES)
    eol = rng.choice(["\r\n", "\r\n", "\r\n", "\n"])
    body = rng.choice(["", "", "preamble" + eol, eol])
    for _ in range(rng.randint(0, 4)):
        body += "--" + b + rng.choice(["", "", "", " ", "\t"]) + eol
        r = rng.random()
        if r < 0.9:
            n = rng.choice(names)
            body += "Content-Disposition: " + rng.choice(DISPOS).format(n=n) + eol
        if rng.random() < 0.3:
            body += "Content-Type: " + rng.choice(PART_CTYPES) + eol
        if rng.random() < 0.1:
            body += "Content-Transfer-Encoding: " + rng.choice(["base64", "8bit"]) + eol
        if rng.random() < 0.93:
            body += eol
        v = rng.choice(["", "1", "hello", "a\r\nb", "é", "\r\n", "--", "x" * 10, eol])
        if rng.random() < 0.1:
            v = "é".encode().decode("latin-1")
        body += v
        body += rng.choice([eol, eol, eol, "", eol + eol])
    if rng.random() < 0.85:
        body += "--" + b + "--" + rng.choice(["", eol, eol + "epilogue"])
    if rng.random() < 0.9:
        body = body.encode("utf-8").decode("latin-1")  # valid UTF-8 bytes, mostly
    q = rng.random()
    bq = f'"{b}"' if q < 0.4 or any(c in b for c in " ()/:=?'é,") and q < 0.8 else b
    ctype = "multipart/form-data; boundary=" + bq
    if rng.random() < 0.2:
        ctype += rng.choice(["; charset=latin-1", "; charset=utf-8"])
    if rng.random() < 0.1:
        ctype = rng.choice(["multipart/form-data", "Multipart/Form-Data; BOUNDARY=" + bq])
    return {"ctype": ctype, "body": body, "names": names}


# ------------------------------------------------------------------------------ cookies

COOKIE_ATOMS = [
    "a=1",
    "a=2",
    'a="x y"',
    'a="q\\"x"',
    'a="\\073"',
    "a=\\073",
    "a= 1 ",
    " a =1",
    "$Version=1",
    "$Path=/",
    "$Domain=x",
    "a=b=c",
    "=v",
    "n",
    "a=",
    'a="',
    'a=""x',
    "a=é",
    "é=1",
    "ü=2",
    "a=%20",
    "a=\t1",
    "a=1\t",
    "a b=1",
    "a,b=1",
    "a=1,b=2",
    "A=3",
    "__Host-x=1",
    "__Secure-y=2",
    "a=(x)",
    "a=[1]",
    "a=\x7f",
    "a=\x00",
    "a=\\",
    "c=😀",
]


def gen_cookie_req2(rng):
    headers = []
    for _ in range(1 if rng.random() < 0.85 else 2):
        parts = [rng.choice(COOKIE_ATOMS) for _ in range(rng.randint(0, 5))]
        if rng.random() < 0.2:
            parts.append(rstr(rng, n=(0, 5), special=0.3))
        text = ""
        for i, p in enumerate(parts):
            if i:
                text += rng.choice([";", "; ", " ; ", ";;", "; ;", ";;;", ",", ";\t"])
            text += p
        if rng.random() < 0.1:
            text = rng.choice([";", " ", "; "]) + text + rng.choice([";", " ", "; "])
        headers.append(text)
    return {"headers": headers, "names": rng.sample(["a", "A", "b", "$Version", "é", "n", ""], 3)}


def gen_cookie_attrs(rng):
    """add_cookie/delete_cookie with argument types and spellings off the beaten path."""
    calls = []
    for _ in range(rng.randint(1, 3)):
        kw = {"key": rng.choice(["a", "s", "a b", "é", "a=b", "", "__Host-x", "x;y", "tok"])}
        kind = "add" if rng.random() < 0.75 else "delete"
        if kind == "add":
            kw["value"] = rng.choice(
                ["1", "", "a b", 'q"t', "é", "a;b", "a,b", "\\", "x\ty", "=", "a\r\nb", 5]
            )
        for k, choices in [
            ("path", ["/", "/a", "", "/é", "a", "/a b", "/a%20b", None]),
            ("domain", ["example.com", ".a.b", "", "EXAMPLE.COM", "é.com", "a.b:80", "a b"]),
            ("host_prefix", [True, False]),
            ("secure_prefix", [True, False]),
        ]:
            if rng.random() < 0.25:
                kw[k] = rng.choice(choices)
        if kind == "add":
            for k, choices in [
                ("secure", [True, False, 0, 1, None]),
                ("max_age", [0, 10, -1, 1.5, "10", "x", True, 10**12, -0.5, None]),
                ("httponly", [True, False, 1, "yes"]),
                (
                    "samesite",
                    [
                        "Lax",
                        "lax",
                        "LAX",
                        "Strict",
                        "none",
                        "None",
                        "",
                        " lax",
                        "bogus",
                        None,
                        False,
                    ],
                ),
                ("partitioned", [True, False, 1]),
                ("comment", ["hi", "", "a;b", "é", None]),
                ("expires", ["utc", "naive", "+02:00", "str", "int", "date", "epoch", "far"]),
            ]:
                if rng.random() < 0.25:
                    kw[k] = rng.choice(choices)
        calls.append([kind, kw])
    return {"calls": calls}


# ------------------------------------------------------------------------------ routing

SEGS = [
    "a",
    "b",
    "1",
    "1.5",
    "-2",
    "x.txt",
    "a.b.c",
    "ab-cd",
    "é",
    "%C3%A9",
    "%c3%a9",
    "%2F",
    "%252F",
    "%20",
    "+",
    "%2B",
    "%FF",
    "%",
    "%zz",
    ".",
    "..",
    "~",
    "a%2Eb",
    "x%2Etxt",
    "12%33",
    "%31%32",
    "a;b",
    "a:b",
    "@",
    "a=b",
    "",
    "00",
    "1e5",
    "NaN",
    "a_b",
    "A",
]


def gen_router2(rng):
    routes = gen_routes(rng)
    for r in routes:
        if rng.random() < 0.2:
            r["unquote"] = True
    reqs = []
    for _ in range(8):
        r = rng.choice(routes)
        segs = []
        for s in r["path"].strip("/").split("/"):
            if s.startswith("<") or rng.random() < 0.2:
                segs.append("".join(rng.choice(SEGS) for _ in range(rng.randint(1, 2))))
            else:
                segs.append(s)
        if "version" in r and rng.random() < 0.8:
            v = str(r["version"])
            segs.insert(0, "v" + (v[1:] if v.startswith("v") else v))
        path = "/" + "/".join(segs) + rng.choice(["", "", "/", "//", "%2F", "/."])
        host = r.get("host")
        if isinstance(host, list):
            host = rng.choice(host)
        reqs.append([path, rng.choice(r.get("methods", ["GET"])), host])
    return {"routes": routes, "requests": reqs}


def gen_wire2(rng):
    case = gen_router2(rng)
    case["requests"] = case["requests"][:4]
    return case


URL_VALUES = [
    "a",
    "a/b",
    "a b",
    "é",
    "1",
    1,
    0,
    -1,
    1.5,
    -0.0,
    True,
    None,
    "",
    "%",
    "%41",
    "a+b",
    "x.txt",
    "a?b",
    "a#b",
    "a&b",
    "a=b",
    ";",
    "..",
    ".",
    "~",
    "😀",
    "a\\b",
    10**20,
    "2024-01-05",
    "ab-cd",
    "123e4567-e89b-12d3-a456-426614174000",
    ["a", "b"],
    b"by",
]


def gen_url_for2(rng):
    routes = gen_routes(rng)
    calls = []
    for _ in range(6):
        i = rng.randrange(len(routes))
        kw = {}
        for s in routes[i]["path"].split("/"):
            if s.startswith("<") and rng.random() < 0.95:
                kw[s[1:].split(":")[0].rstrip(">")] = rng.choice(URL_VALUES)
        for _ in range(rng.randint(0, 2)):
            kw[rng.choice(["q", "a b", "é", "x", "_y", "p0"])] = rng.choice(
                URL_VALUES + [["1", 2], [], [None], {"k": 1}]
            )
        if rng.random() < 0.25:
            kw["_anchor"] = rng.choice(["top", "a b", "é", "", "#", "a?b", 5, None, "%20"])
        if rng.random() < 0.3:
            kw["_external"] = rng.choice([True, False, 1, None])
        if rng.random() < 0.25:
            kw["_server"] = rng.choice(
                ["srv.com", "srv.com:99", "http://x.y", "", "é.com", "[::1]:8", "a b", None]
            )
        if rng.random() < 0.25:
            kw["_scheme"] = rng.choice(["https", "ws", "", "HTTP", "a b", None])
        if rng.random() < 0.1:
            kw["_method"] = rng.choice(["POST", "get", "GET"])
        calls.append([f"h{i}", {k: v for k, v in kw.items() if not isinstance(v, bytes)}])
    cfg = {}
    if rng.random() < 0.3:
        cfg["SERVER_NAME"] = rng.choice(
            ["example.com", "http://ex.com:8080", "https://s.io/", "ex.com/sub", "", "é.com"]
        )
    return {"routes": routes, "calls": calls, "config": cfg}


# ----------------------------------------------------------------------------- responses

ODD = [
    "nan",
    "inf",
    "-inf",
    "bytes",
    "set",
    "tuple",
    "decimal",
    "datetime",
    "big",
    "neg0",
    "intkey",
    "floatkey",
    "nonekey",
    "boolkey",
    "tuplekey",
    "surrogate",
    "obj",
    "nested",
]


def odd_value(rng, depth=0):
    r = rng.random()
    if r < 0.45 or depth > 2:
        return {"odd": rng.choice(ODD)} if rng.random() < 0.6 else rstr(rng, uni=0.2)
    if r < 0.7:
        return [odd_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {
        "dict": [[rstr(rng, n=(0, 3)), odd_value(rng, depth + 1)] for _ in range(rng.randint(0, 3))]
    }


def gen_json_odd(rng):
    kw = {}
    for k, choices in [
        ("indent", [None, 2, "\t", 0]),
        ("sort_keys", [True, False]),
        ("ensure_ascii", [True, False]),
        ("allow_nan", [True, False]),
        ("default", ["str", "repr"]),
        ("separators", [[",", ":"], [", ", ": "]]),
        ("escape_forward_slashes", [True, False]),
    ]:
        if rng.random() < 0.2:
            kw[k] = rng.choice(choices)
    return {"body": odd_value(rng), "kw": kw, "status": rng.choice([200, 201, 400])}


REDIRECT_TO = [
    "/a",
    "/a b",
    "/é",
    "/a\r\nX-Evil: 1",
    "/a\nb",
    "/a\tb",
    "//evil.com",
    "http://x.y/p?q=1#f",
    "",
    "?q=1",
    "#f",
    "a/b",
    "../x",
    "/%",
    "/%zz",
    "/a%20b",
    "https://é.com/ü",
    "/\\x",
    "javascript:alert(1)",
    "/a\x00b",
    "/a\x7fb",
    "/😀",
    "/a?b=c d",
    "mailto:a@b",
    '/a"b',
    "/a<b>",
    "http://[::1]:80/",
    " /lead",
    "/trail ",
]


def gen_redirect2(rng):
    kw = {"to": rng.choice(REDIRECT_TO)}
    if rng.random() < 0.2:
        kw["to"] += rng.choice(REDIRECT_TO)
    if rng.random() < 0.4:
        kw["status"] = rng.choice([301, 302, 303, 307, 308, 200, 404, 300])
    if rng.random() < 0.3:
        kw["content_type"] = rng.choice(["text/plain", "", "text/html; charset=latin-1"])
    if rng.random() < 0.2:
        kw["headers"] = {rng.choice(["Location", "location", "x-a"]): rng.choice(["/o", "", "é"])}
    return {"kind": "redirect", "kw": kw}


def range_value(rng):
    r = rng.random()
    if r < 0.7:
        a = rng.choice(["", "0", "1", "5", "10", "50", "99", "100", "1000", "-1", "00", " 2"])
        b = rng.choice(["", "0", "4", "9", "10", "49", "200", "99999999999999999999", "x"])
        unit = rng.choice(["bytes", "bytes", "bytes", "Bytes", "items", "bytes "])
        v = f"{unit}={a}-{b}"
        if rng.random() < 0.2:
            v += "," + rng.choice(["0-1", "5-", "-3", " 2-3"])
        return v
    return rng.choice(
        [
            "bytes=",
            "bytes",
            "=0-1",
            "bytes=-",
            "bytes=--1",
            "bytes=1-2-3",
            "bytes=0-0",
            "bytes=-0",
            "bytes=a-b",
            "",
            "bytes=0-1;x",
        ]
    )


DATES = [
    "Thu, 01 Jan 1970 00:00:00 GMT",
    "Fri, 01 Jan 2100 00:00:00 GMT",
    "LASTMOD",
    "LASTMOD+1",
    "LASTMOD-1",
    "bogus",
    "",
    "Sunday, 06-Nov-94 08:49:37 GMT",
    "Sun Nov  6 08:49:37 1994",
    "Thu, 01 Jan 1970 00:00:00 +0100",
]


def gen_file_wire(rng):
    """A file served by app.static / file() / file_stream() under random Range and If-*."""
    how = rng.choice(
        [
            "static",
            "static_range",
            "file",
            "file_headers",
            "file_stream",
            "file_range",
            "file_stream_range",
        ]
    )
    headers = {}
    if rng.random() < 0.6:
        headers["range"] = range_value(rng)
    if rng.random() < 0.25:
        headers["if-range"] = rng.choice(DATES + ['"etag"', 'W/"x"'])
    if rng.random() < 0.3:
        headers["if-modified-since"] = rng.choice(DATES)
    if rng.random() < 0.15:
        headers["if-unmodified-since"] = rng.choice(DATES)
    if rng.random() < 0.15:
        headers["if-none-match"] = rng.choice(["*", '"x"', 'W/"x"', ""])
    if rng.random() < 0.1:
        headers["if-match"] = rng.choice(["*", '"x"'])
    return {
        "how": how,
        "headers": headers,
        "method": rng.choice(["get", "get", "get", "head"]),
        "size": rng.choice([0, 1, 10, 100]),
        "chunk": rng.choice([3, 7, 4096]),
    }


def gen_file_args(rng):
    """file() / file_stream() called with random arguments (no request)."""
    kw = {}
    for k, choices in [
        ("mime_type", [None, "", "text/x", "a b", "text/html; charset=latin-1", 5]),
        (
            "filename",
            [
                None,
                "",
                "x.tar.gz",
                "x.unknownext",
                "noext",
                "x.JSON",
                ".bashrc",
                "é.txt",
                "a;b.txt",
                'a"b.txt',
                "a/b.txt",
            ],
        ),
        ("status", [200, 201, 206, 404, 299]),
        ("headers", [None, {"x-a": "1"}, {"Content-Type": "text/y"}, {"cache-control": "x"}]),
    ]:
        if rng.random() < 0.4:
            kw[k] = rng.choice(choices)
    how = rng.choice(["file", "file", "file_stream"])
    if how == "file":
        for k, choices in [
            ("last_modified", ["aware", "naive", "plus2", "float", "int", "zero", "none", "str"]),
            ("max_age", [None, 0, 10, 1.5, -1, "10"]),
            ("no_store", [None, True, False]),
        ]:
            if rng.random() < 0.4:
                kw[k] = rng.choice(choices)
    else:
        kw["chunk_size"] = rng.choice([1, 3, 4096])
    return {"how": how, "size": rng.choice([0, 10, 100]), "kw": kw}


GENERATORS2 = {
    "args2": gen_args2,
    "form2": gen_form2,
    "cookie_req2": gen_cookie_req2,
    "cookie_attrs": gen_cookie_attrs,
    "router2": gen_router2,
    "wire2": gen_wire2,
    "url_for2": gen_url_for2,
    "json_odd": gen_json_odd,
    "redirect2": gen_redirect2,
    "file_wire": gen_file_wire,
    "file_args": gen_file_args,
}
OP_OF = {
    "args2": "args",
    "form2": "form",
    "cookie_req2": "cookie_req",
    "router2": "router",
    "wire2": "wire",
    "url_for2": "url_for",
    "redirect2": "response",
}
SLOW2 = {"wire2": 0.1, "file_wire": 0.3}

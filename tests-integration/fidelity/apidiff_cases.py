"""Seeded random case generators for ``apidiff.py``, one ``gen_<area>`` per area."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------- generators

SPECIAL = ";=,\"\\ \t/:*%?#&[]<>@!$'()+~^`{}|"


def rstr(rng, alphabet="abcXYZ019-_.", n=(0, 8), special=0.2, uni=0.03):
    k = rng.randint(*n)
    out = []
    for _ in range(k):
        p = rng.random()
        if p < uni:
            out.append(rng.choice("éü€😀\x00\x7f\xa0ı"))
        elif p < uni + special:
            out.append(rng.choice(SPECIAL))
        else:
            out.append(rng.choice(alphabet))
    return "".join(out)


def token(rng):
    return (
        rng.choice(["a", "b", "name", "x-y", "Q", "filename", "filename*", "charset", ""])
        if rng.random() < 0.5
        else rstr(rng, n=(0, 5))
    )


def param_value(rng):
    v = rstr(rng, n=(0, 6))
    r = rng.random()
    if r < 0.3:
        return '"' + v.replace('"', '\\"') + '"'
    if r < 0.4:
        return '"' + v
    return v


def gen_content_header(rng):
    head = rng.choice(["form-data", "text/html", "multipart/form-data", "attachment", "", "A/B"])
    if rng.random() < 0.2:
        head = rstr(rng)
    parts = [head]
    for _ in range(rng.randint(0, 4)):
        sep = rng.choice(["=", "=", " = ", ""])
        parts.append(token(rng) + sep + param_value(rng))
    joiner = rng.choice([";", "; ", " ;", ";;"])
    return {"value": joiner.join(parts)}


def addr(rng):
    return (
        rng.choice(
            [
                "1.2.3.4",
                "[::1]",
                "::1",
                "[2001:db8::1]:80",
                "unknown",
                "_hidden",
                "_Obf",
                "1.2.3.4:80",
                "a.b",
                "",
                "UNKNOWN",
                "[::ffff:1.2.3.4]",
                "1.2.3.4:x",
            ]
        )
        if rng.random() < 0.7
        else rstr(rng, n=(0, 6))
    )


def fwd_element(rng):
    pairs = []
    for _ in range(rng.randint(0, 4)):
        k = rng.choice(["for", "by", "proto", "host", "secret", "path", "port", "FOR", "x"])
        v = rng.choice([addr(rng), "https", "HTTP", "example.com:8080", "s3cr3t", "/a%20b"])
        if rng.random() < 0.3:
            v = '"' + v.replace('"', '\\"') + '"'
        pairs.append(f"{k}={v}")
    return rng.choice([";", "; ", " ;"]).join(pairs)


def gen_forwarded(rng):
    which = rng.choice(["forwarded", "xforwarded"])
    headers = []
    for _ in range(rng.randint(0, 3)):
        if which == "forwarded":
            headers.append(
                ["forwarded", ", ".join(fwd_element(rng) for _ in range(rng.randint(1, 3)))]
            )
        else:
            name = rng.choice(
                [
                    "x-forwarded-for",
                    "x-real-ip",
                    "x-forwarded-proto",
                    "x-forwarded-host",
                    "x-forwarded-port",
                    "x-forwarded-path",
                    "x-scheme",
                    "x-custom-for",
                ]
            )
            headers.append([name, ", ".join(addr(rng) for _ in range(rng.randint(1, 3)))])
    config = {}
    if rng.random() < 0.5:
        config["FORWARDED_SECRET"] = rng.choice(["s3cr3t", "x", "_hidden"])
    if rng.random() < 0.5:
        config["PROXIES_COUNT"] = rng.choice([0, 1, 2, 3, -1])
    if rng.random() < 0.4:
        config["REAL_IP_HEADER"] = rng.choice(["x-real-ip", "x-custom-for"])
    if rng.random() < 0.3:
        config["FORWARDED_FOR_HEADER"] = rng.choice(["x-custom-for", "x-forwarded-for"])
    return {"which": which, "headers": headers, "config": config}


def gen_fwd_normalize(rng):
    keys = ["for", "by", "proto", "host", "port", "path", "secret", "other"]
    vals = [addr(rng), "HTTPS", "Example.COM", "80", "x", "/p%20q", "0", "65536", "-1", " 8080", ""]
    return {
        "pairs": [
            [rng.choice(keys), rng.choice(vals + [rstr(rng)])] for _ in range(rng.randint(0, 4))
        ]
    }


def gen_parse_host(rng):
    v = rng.choice(
        [
            "a.b",
            "A.B:80",
            "[::1]:8000",
            "[::1]",
            "::1",
            "x:",
            ":80",
            "a:65536",
            "a:-1",
            "a: 1",
            "a:+1",
            "a:0x1",
            "[::1",
            "a_b.c",
            "1.2.3.4:0",
            "",
            "a:1:2",
            "[1]",
            "[:::]",
            "[1::2:3]:8",
            "[::ffff:1.2.3.4]",
            "[v1.x]",
            "é.com",
        ]
    )
    if rng.random() < 0.4:
        v = rstr(rng, alphabet="ab1.:[]", n=(0, 8))
    return {"value": v}


def gen_http1(rng):
    status = rng.choice([100, 101, 200, 204, 301, 304, 404, 418, 451, 499, 599, 999, 0, 1000, 555])
    hs = []
    for _ in range(rng.randint(0, 3)):
        hs.append([rstr(rng, n=(1, 6), special=0.1), rstr(rng, n=(0, 8), special=0.2, uni=0.0)])
    return {"status": status, "headers": hs}


MIMES = [
    "text/html",
    "text/plain",
    "application/json",
    "*/*",
    "text/*",
    "image/png",
    "a/b",
    "text/html;level=1",
    "application/*",
    "*/json",
    "TEXT/HTML",
    "text/html;q=0.5",
    "x",
    "",
]


def gen_accept(rng):
    ranges = []
    for _ in range(rng.randint(0, 4)):
        m = rng.choice(MIMES) if rng.random() < 0.8 else rstr(rng, alphabet="ab/*", n=(0, 5))
        for _ in range(rng.randint(0, 2)):
            m += ";" + rng.choice(
                ["q=0.5", "q=1", "q=0", "q=1.5", "q=abc", "level=1", "a=b", "q=0.123", "Q=0.2"]
            )
        ranges.append(m)
    value = rng.choice([",", ", ", " , "]).join(ranges)
    mimes = rng.sample(MIMES[:11], rng.randint(0, 3))
    return {
        "value": value if rng.random() > 0.05 else None,
        "mimes": mimes,
        "wild": rng.random() < 0.7,
    }


def gen_credentials(rng):
    import base64

    scheme = rng.choice(["Basic", "Bearer", "Token", "basic", "", "Digest", "Bearer "])
    cred = rng.choice(
        [base64.b64encode(rstr(rng, n=(0, 8)).encode()).decode(), rstr(rng), "a:b", ""]
    )
    value = f"{scheme} {cred}" if rng.random() < 0.8 else rstr(rng)
    prefixes = rng.choice([None, ["Basic"], ["Bearer", "Token"], [], ["basic"], ("Token",)])
    return {"value": value if rng.random() > 0.05 else None, "prefixes": prefixes}


def gen_cookie_req(rng):
    names = ["a", "b", "__Host-a", "__Secure-b", "A", "x y", "c"]
    headers = []
    for _ in range(rng.randint(1, 2)):
        parts = []
        for _ in range(rng.randint(0, 4)):
            n = rng.choice(names) if rng.random() < 0.7 else rstr(rng, n=(0, 4), special=0.1)
            v = rstr(rng, n=(0, 6), special=0.15)
            if rng.random() < 0.2:
                v = '"' + v + '"'
            parts.append(f"{n}={v}" if rng.random() < 0.9 else n)
        headers.append(rng.choice([";", "; ", " ;"]).join(parts))
    return {
        "headers": headers[:1] if rng.random() < 0.8 else headers,
        "names": rng.sample(names, 3),
    }


def gen_cookie_resp(rng):
    def kw(delete=False):
        d = {
            "key": rng.choice(["a", "sess", "x-y"])
            if rng.random() < 0.7
            else rstr(rng, n=(0, 5), special=0.1)
        }
        if not delete:
            d["value"] = rstr(rng, n=(0, 8), special=0.2)
        for k, choices in [
            ("path", ["/", "/a", "", "/a b", "/x;y"]),
            ("domain", ["example.com", ".a.b", "", None]),
            # response.delete_cookie() has no secure= in Sanic (CookieJar's has).
            ("secure", [True, False] if not delete else []),
            ("host_prefix", [True, False, False]),
            ("secure_prefix", [True, False, False]),
        ]:
            if rng.random() < 0.3 and choices:
                d[k] = rng.choice(choices)
        if not delete:
            for k, choices in [
                ("max_age", [0, 10, -1, 3600, None, 1.5]),
                ("httponly", [True, False]),
                ("samesite", ["Lax", "Strict", "None", "lax", None, "bogus"]),
                ("partitioned", [True, False]),
                ("comment", ["hi", "", "a b"]),
                ("expires", [0, 1893553445, 2e9]),
            ]:
                if rng.random() < 0.25:
                    d[k] = rng.choice(choices)
        return d

    return {
        "add": [kw() for _ in range(rng.randint(0, 2))],
        "delete": [kw(True) for _ in range(rng.randint(0, 1))],
    }


def qs_piece(rng, url=False):
    # In a query string (url=True) only what a request target can hold: no space, TAB,
    # control or non-ASCII character (Sanic's Request() refuses those as a "Bad URL").
    k = rstr(rng, alphabet="ab+%20", n=(0, 4), special=0.15, uni=0 if url else 0.03)
    v = rstr(rng, alphabet="xy+%2F5", n=(0, 5), special=0.15, uni=0 if url else 0.03)
    if url:
        k, v = k.replace(" ", "").replace("\t", ""), v.replace(" ", "").replace("\t", "")
    return rng.choice([f"{k}={v}", k, f"{k}=", f"={v}", f"{k}={v}={v}"])


def gen_args(rng):
    qs = rng.choice(["&", "&&", ";"]).join(qs_piece(rng, True) for _ in range(rng.randint(0, 5)))
    if rng.random() < 0.1:
        qs += "&u=" + rng.choice(["%C3%A9", "%E9", "%FF%FE", "%F0%9F%98%80", "%ED%A0%80"])
    kw = {}
    if rng.random() < 0.5:
        kw["keep_blank_values"] = rng.random() < 0.5
    if rng.random() < 0.3:
        kw["strict_parsing"] = rng.random() < 0.5
    if rng.random() < 0.3:
        kw["encoding"] = rng.choice(["utf-8", "latin-1", "ascii", "utf-16"])
    if rng.random() < 0.3:
        kw["errors"] = rng.choice(["replace", "strict", "ignore"])
    return {"qs": qs, "kw": kw}


def gen_form(rng):
    names = ["a", "b", "c"]
    if rng.random() < 0.5:
        body = "&".join(qs_piece(rng) for _ in range(rng.randint(0, 4)))
        ctype = rng.choice(
            [
                "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=utf-8",
                "APPLICATION/X-WWW-FORM-URLENCODED",
                "application/x-www-form-urlencoded;charset=ascii",
            ]
        )
        return {"ctype": ctype, "body": body, "names": names}
    b = rng.choice(["XyZ", "a b", "--", "x" * 3])
    parts = []
    for _ in range(rng.randint(0, 3)):
        disp = rng.choice(["form-data", "form-data", "attachment", "inline"])
        disp += f'; name="{rng.choice(names) if rng.random() < 0.8 else rstr(rng, n=(0, 4))}"'
        if rng.random() < 0.4:
            disp += rng.choice(
                [
                    '; filename="f.txt"',
                    "; filename=",
                    "; filename*=UTF-8''%C3%A9.txt",
                    '; filename="a\\"b"',
                    "; filename=x y",
                ]
            )
        head = f"Content-Disposition: {disp}\r\n"
        if rng.random() < 0.3:
            head += (
                "Content-Type: "
                + rng.choice(["text/plain", "text/plain; charset=latin-1", "application/json", ""])
                + "\r\n"
            )
        parts.append(f"--{b}\r\n{head}\r\n{rstr(rng, n=(0, 8), uni=0.0)}\r\n")
    body = "".join(parts) + (f"--{b}--\r\n" if rng.random() < 0.9 else "")
    bq = f'"{b}"' if " " in b or rng.random() < 0.3 else b
    return {"ctype": f"multipart/form-data; boundary={bq}", "body": body, "names": names}


PTYPES = [
    "",
    ":str",
    ":int",
    ":float",
    ":alpha",
    ":slug",
    ":path",
    ":ext",
    ":uuid",
    ":ymd",
    ":strorempty",
    ":ext=txt",
    ":ext=txt|json",
    r":[a-z]{2}",
    r":\d+",
    r":(?P<p>x+)",
    ":number",
    ":string",
]


def seg_value(rng):
    return rng.choice(
        [
            "abc",
            "123",
            "-5",
            "1.5",
            "1e3",
            "ab-cd",
            "Ab_c",
            "x.txt",
            "x.json",
            "a.b.c",
            "2024-02-30",
            "2024-01-05",
            "123e4567-e89b-12d3-a456-426614174000",
            "%20",
            "a%2Fb",
            "",
            "é",
            "xx",
            "NaN",
            "inf",
            "0",
            "00",
            "+1",
            "a b",
            "1_000",
        ]
    )


def gen_routes(rng, n_params=True):
    routes = []
    for _i in range(rng.randint(1, 5)):
        segs = []
        pn = 0
        for _ in range(rng.randint(0, 3)):
            if n_params and rng.random() < 0.5:
                t = rng.choice(PTYPES)
                if t == r":(?P<p>x+)":
                    t = f":(?P<p{pn}>x+)"
                segs.append(f"<p{pn}{t}>")
                pn += 1
            else:
                segs.append(rng.choice(["a", "b", "x.txt", "v1", "A", "é", "a b", "a-b"]))
        path = "/" + "/".join(segs)
        if rng.random() < 0.3:
            path += "/"
        r = {"path": path}
        if rng.random() < 0.3:
            r["methods"] = rng.sample(
                ["GET", "POST", "PUT", "HEAD", "OPTIONS", "PATCH"], rng.randint(1, 2)
            )
        if rng.random() < 0.3:
            r["strict_slashes"] = rng.random() < 0.5
        if rng.random() < 0.2:
            r["version"] = rng.choice([1, 2, "1.1", "v3", 1.5])
        if rng.random() < 0.15:
            r["host"] = rng.choice(["a.com", "b.com:8000", ["a.com", "c.com"]])
        if rng.random() < 0.1:
            r["unquote"] = True
        routes.append(r)
    return routes


def paths_for(rng, routes, k=8):
    out = []
    for _ in range(k):
        r = rng.choice(routes)
        segs = []
        for s in r["path"].strip("/").split("/"):
            if s.startswith("<") and rng.random() < 0.9:
                segs.append(seg_value(rng))
            elif s.startswith("<"):
                segs.append(rstr(rng, n=(0, 4)))
            else:
                segs.append(s if rng.random() < 0.9 else seg_value(rng))
        path = "/" + "/".join(segs)
        if "version" in r and rng.random() < 0.8:
            v = str(r["version"])
            path = "/v" + (v[1:] if v.startswith("v") else v) + path
        path += rng.choice(["", "", "/", "//"])
        host = r.get("host") if rng.random() < 0.7 else rng.choice([None, "a.com", "z.com"])
        if isinstance(host, list):
            host = rng.choice(host)
        out.append(
            [path, rng.choice(r.get("methods", ["GET"])) if rng.random() < 0.8 else "DELETE", host]
        )
    return out


def gen_router(rng):
    routes = gen_routes(rng)
    return {"routes": routes, "requests": paths_for(rng, routes)}


def gen_wire(rng):
    routes = gen_routes(rng)
    return {"routes": routes, "requests": paths_for(rng, routes, k=4)}


def gen_url_for(rng):
    routes = gen_routes(rng)
    calls = []
    for _ in range(6):
        i = rng.randrange(len(routes))
        r = routes[i]
        kw = {}
        for s in r["path"].split("/"):
            if s.startswith("<") and rng.random() < 0.9:
                name = s[1:].split(":")[0].rstrip(">")
                kw[name] = rng.choice([seg_value(rng), rstr(rng, n=(0, 5)), 5, 1.5])
        if rng.random() < 0.3:
            kw["q"] = rng.choice(["1", "a b", ["x", "y"], "é&="])
        if rng.random() < 0.2:
            kw["_anchor"] = rng.choice(["top", "a b", "é", ""])
        if rng.random() < 0.2:
            kw["_external"] = True
            if rng.random() < 0.5:
                kw["_server"] = rng.choice(["srv.com", "srv.com:99", "http://x.y"])
        if rng.random() < 0.15:
            kw["_scheme"] = rng.choice(["https", "ws", "ftp"])
            if rng.random() < 0.7:
                kw["_external"] = True
        if rng.random() < 0.1:
            kw["_method"] = "POST"
        calls.append([f"h{i}", kw])
    cfg = (
        {"SERVER_NAME": rng.choice(["example.com", "http://ex.com:8080", "https://s.io"])}
        if rng.random() < 0.3
        else {}
    )
    return {"routes": routes, "calls": calls, "config": cfg}


def body_value(rng, depth=0):
    r = rng.random()
    if depth > 2 or r < 0.5:
        return rng.choice([rstr(rng, n=(0, 5)), 1, 1.5, None, True, -0.0, 10**20])
    if r < 0.75:
        return [body_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rstr(rng, n=(0, 3)): body_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def resp_headers(rng):
    if rng.random() < 0.6:
        return None
    names = [
        "x-a",
        "X-A",
        "content-type",
        "Content-Length",
        "location",
        "set-cookie",
        "content-disposition",
    ]
    return {
        rng.choice(names): rstr(rng, n=(0, 6), uni=0.0, special=0.1)
        for _ in range(rng.randint(0, 2))
    }


def gen_response(rng):
    kind = rng.choice(["text", "json", "html", "raw", "redirect", "empty", "file"])
    kw = {}
    status = rng.choice([200, 201, 204, 304, 404, 500, 302, 307, 100, 418])
    if kind == "text":
        kw = {"body": rstr(rng, uni=0.1)}
    elif kind == "json":
        kw = {"body": body_value(rng)}
        for k, c in [
            ("indent", [None, 2, 0]),
            ("sort_keys", [True, False]),
            ("ensure_ascii", [True, False]),
            ("separators", [[",", ":"], [", ", ": "]]),
        ]:
            if rng.random() < 0.2:
                kw[k] = rng.choice(c)
    elif kind == "html":
        kw = {"body": rstr(rng, uni=0.1)}
    elif kind == "raw":
        kw = {"body": rstr(rng), "as_bytes": rng.random() < 0.5}
    elif kind == "redirect":
        kw = {"to": rng.choice(["/a", "http://x.y/p?q=1", "/a b", "/é", "//evil", "/x\ty"])}
    elif kind == "file":
        kw = {"location": str(HERE / "README.md")}
        if rng.random() < 0.4:
            kw["filename"] = rng.choice(["a.txt", "dé l.txt", "x", "a;b.txt", 'q"t.txt'])
        if rng.random() < 0.3:
            kw["mime_type"] = rng.choice(
                ["text/plain", "application/x-foo", "text/html; charset=latin-1"]
            )
        if rng.random() < 0.2:
            kw["max_age"] = rng.choice([0, 10])
        if rng.random() < 0.2:
            kw["no_store"] = rng.choice([True, False])
        kw["last_modified"] = None
    if rng.random() < 0.5:
        kw["status"] = status
    h = resp_headers(rng)
    if h is not None:
        kw["headers"] = h
    if kind in ("text", "json", "raw", "redirect") and rng.random() < 0.3:
        kw["content_type"] = rng.choice(["text/x", "application/json; charset=x", ""])
    if kind in ("text", "html", "raw") and rng.random() < 0.15:
        # Bodies of another type: what each helper accepts, and its error.
        kw["body"] = rng.choice([5, None, 1.5, ["a"], {"a": 1}, True])
    if rng.random() < 0.05:
        kw["status"] = rng.choice(["200", 200.0, 0, 1000, -1, None])
    return {"kind": kind, "kw": kw}


EXC_CLASSES = [
    "SanicException",
    "BadRequest",
    "NotFound",
    "Forbidden",
    "Unauthorized",
    "ServerError",
    "InternalServerError",
    "ServiceUnavailable",
    "RequestTimeout",
    "PayloadTooLarge",
    "MethodNotAllowed",
    "InvalidUsage",
    "ExpectationFailed",
    "URLBuildError",
    "FileNotFound",
    "HeaderNotFound",
    "InvalidHeader",
    "RangeNotSatisfiable",
    "BadURL",
    "LoadFileException",
]


def gen_error_page(rng):
    cls = rng.choice(EXC_CLASSES)
    args = []
    if rng.random() < 0.8:
        args.append(rng.choice([rstr(rng, uni=0.1), "", "<b>x</b>", "a\nb"]))
    kw = {}
    if cls == "SanicException" and rng.random() < 0.5:
        kw["status_code"] = rng.choice([400, 418, 500, 503, 299, 302])
    if rng.random() < 0.3:
        kw["quiet"] = rng.random() < 0.5
    if rng.random() < 0.3:
        kw["context"] = {rstr(rng, n=(1, 4)): body_value(rng) for _ in range(rng.randint(0, 2))}
    if rng.random() < 0.3:
        kw["extra"] = {rstr(rng, n=(1, 4)): body_value(rng) for _ in range(rng.randint(0, 2))}
    if rng.random() < 0.3:
        kw["headers"] = {"x-h": rstr(rng, uni=0.0, special=0.05)}
    if cls == "MethodNotAllowed":
        args = [args[0] if args else "m", "PUT", ["GET"]]
    if cls == "RangeNotSatisfiable" and rng.random() < 0.5:
        kw = {}
    if rng.random() < 0.1:
        cls, kw = rng.choice(["ValueError", "KeyError", "RuntimeError", "Exception"]), {}
    config = {
        "FALLBACK_ERROR_FORMAT": rng.choice(["auto", "text", "json", "html"]),
        "DEBUG": rng.random() < 0.3,
    }
    accept = rng.choice(
        [
            None,
            "text/html",
            "application/json",
            "text/plain",
            "*/*",
            "image/png",
            "text/plain;q=0.5, application/json",
            "application/json;q=0, text/html",
            "text/*",
            "application/*;q=0.9, text/html;q=0.8",
        ]
    )
    spec = {"cls": cls, "args": args, "kw": kw, "bytes": rng.random() < 0.1}
    return {"exc": spec, "config": config, "accept": accept}


GENERATORS = {
    "content_header": gen_content_header,
    "forwarded": gen_forwarded,
    "fwd_normalize": gen_fwd_normalize,
    "parse_host": gen_parse_host,
    "http1": gen_http1,
    "accept": gen_accept,
    "credentials": gen_credentials,
    "cookie_req": gen_cookie_req,
    "cookie_resp": gen_cookie_resp,
    "args": gen_args,
    "form": gen_form,
    "router": gen_router,
    "url_for": gen_url_for,
    "wire": gen_wire,
    "response": gen_response,
    "response_wire": gen_response,
    "error_page": gen_error_page,
}
SLOW = {"wire": 0.1, "response_wire": 0.3, "error_page": 0.5}

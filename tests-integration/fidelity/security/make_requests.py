"""Write headers.http, proxy.http, errors.http and routes.http into the folder given as
the first argument (their long and control-character values are easier made than typed)."""

import sys
from pathlib import Path
from urllib.parse import quote, urlencode

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)


def block(name: str, target: str, head: str = "Host: x") -> str:
    return f"### {name}\nGET {target} HTTP/1.1\n{head}\n"


def headers() -> list[str]:
    out = []
    targets = [
        "http://x/\r\nSet-Cookie: a=1",
        "/a\nb",
        "/a\rb",
        "/a\tb",
        "/a b",
        "//evil.example",
        "\\\\evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "/é?q=ü#f",
        "http://é.example/",
        "/a\x00b",
        "/a\x7fb",
        "/<script>",
        "\r\nX: y",
        "///evil",
        "/\t/evil",
    ]
    out += [block(f"redirect {t!r}", f"/redir?to={quote(t, safe='')}") for t in targets]
    values = ["a\r\nSet-Cookie: x=1", "a\nb", "a\rb", "a\x00b", "a\tb", "é", "a" * 7000, "\x7f"]
    for v in values:
        out.append(block(f"header value {v[:20]!r}", f"/hdr?v={quote(v, safe='')}"))
        out.append(block(f"content type {v[:20]!r}", f"/ctype?v={quote(v, safe='')}"))
    for n in ["X\r\nY", "X: a\r\nY", "X\x00", "X Y", "X:Y", "", "é"]:
        out.append(block(f"header name {n!r}", f"/hdrname?n={quote(n, safe='')}"))
    cookies = [
        {"k": "a\r\nb"},
        {"k": "a;b"},
        {"k": "a\x00"},
        {"v": "x\r\nSet-Cookie: y=1"},
        {"v": "x; HttpOnly"},
        {"v": "x\x00y"},
        {"v": "é"},
        {"path": "/x\r\nY: z"},
        {"path": "/x; Secure"},
        {"domain": "a.com\r\nY: z"},
        {"domain": "a.com; Path=/"},
        {"samesite": "Lax\r\nY: z"},
        {"comment": "x\r\nY: z"},
    ]
    out += [block(f"add_cookie {c!r}", f"/cookie?{urlencode(c)}") for c in cookies]
    for n in [
        'a"b.txt',
        "a\r\nSet-Cookie: x=1.txt",
        "a; filename=evil.exe",
        'a\\".txt',
        "é.txt",
        "a\x00b",
        "../../etc/passwd",
        "x\"; filename*=UTF-8''evil.exe",
    ]:
        for ep in ("fname", "fstream"):
            out.append(block(f"{ep} {n!r}", f"/{ep}?n={quote(n, safe='')}"))
    jar = [
        "a=1; a=2",
        'a="x\\"y"; b=2',
        "a=1;;;;b=2",
        "=x; a=1",
        "a",
        "a=1, b=2",
        "$Version=1; a=1",
        "a=" + "\\" * 2000,
        'a="' + '\\"' * 2000 + '"',
        "a=%00b",
        "a=\x01b",
        'a="unclosed',
        "a=é",
        "a=1; b",
    ]
    out += [block(f"Cookie {c[:20]!r}", "/cookies", f"Host: x\nCookie: {c}") for c in jar]
    return out


def proxy() -> list[str]:
    heads = {
        "plain": "Host: good.example",
        "x-forwarded": "Host: good.example\nX-Forwarded-Host: evil.example\nX-Forwarded-Proto: "
        "https\nX-Forwarded-For: 1.2.3.4, 5.6.7.8\nX-Forwarded-Port: 444\nX-Forwarded-Path: /p",
        "x-forwarded-for twice": "Host: good.example\nX-Forwarded-For: 1.2.3.4\n"
        "X-Forwarded-For: 5.6.7.8",
        "x-scheme": "Host: good.example\nX-Scheme: https\nX-Forwarded-For: 1.2.3.4",
        "x-forwarded html": "Host: good.example\nX-Forwarded-For: <script>, 5.6.7.8\n"
        "X-Forwarded-Host: <b>",
        "forwarded, no secret": "Host: good.example\nForwarded: for=1.2.3.4;host=evil.example",
        "forwarded, secret": "Host: good.example\nForwarded: for=1.2.3.4;host=evil;secret=s3cr3t",
        "forwarded, by=_secret": "Host: good.example\nForwarded: for=1.2.3.4;host=evil;by=_s3cr3t",
        "forwarded, wrong secret": "Host: good.example\nForwarded: host=evil;secret=s3cr3tX",
        "forwarded, attacker first": "Host: good.example\nForwarded: for=6.6.6.6;host=attacker, "
        "for=1.2.3.4;host=evil;secret=s3cr3t",
        "forwarded, two fields": "Host: good.example\nForwarded: host=a;secret=s3cr3t\n"
        "Forwarded: for=6.6.6.6;host=attacker",
        "forwarded, odd host": 'Host: good.example\nForwarded: host="e/p?x#y";secret=s3cr3t;'
        "proto=javascript",
        "x-real-ip": "Host: good.example\nX-Real-IP: 6.6.6.6\nX-Forwarded-For: 1.2.3.4",
        "host with userinfo": "Host: evil.example@good.example",
        "two hosts": "Host: good.example\nHost: evil.example",
    }
    out = [block(n, "/info/z", h) for n, h in heads.items()]
    for target in (
        "http://evil.example/info/z",
        "http://u:p@evil.example/info/z",
        "http://a:b/info/z",
        "http://a:1:2/info/z",
        "http://a%zz/info/z",
    ):
        out.append(block(f"absolute-form {target}", target, "Host: good.example"))
    return out


def errors() -> list[str]:
    x = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27%26"
    paths = [
        ("500", f"/boom?m={x}"),
        ("400", f"/bad?m={x}"),
        ("400 context", f"/ctx?m={x}"),
        ("404 raised", f"/nf?m={x}"),
        ("404 path", f"/{x}?q={x}"),
        ("405", f"/only-post?{x}"),
    ]
    head = "Host: x\nAccept: {}\nX-Evil: <script>h</script>\nUser-Agent: <script>ua</script>"
    return [
        block(f"{n} {a}", p, head.format(a))
        for a in ("text/html", "application/json", "text/plain", "*/*")
        for n, p in paths
    ]


def routes() -> list[str]:
    n = 7000
    cases = {
        "path, long": "/p/" + "a/" * (n // 2),
        "path, %2F": "/p/" + "a%2F" * (n // 4),
        "two paths, no match": "/pp/" + "x/" * (n // 2) + "z",
        "slug": "/slug/" + "a-" * (n // 2) + "!",
        "ext": "/ext/" + "a." * (n // 2) + "!",
        "ext dots": "/ext/" + "." * n,
        "uuid": "/uuid/" + "a-" * (n // 2),
        "float": "/float/" + "1" * n + ".",
        "int": "/int/" + "1" * n,
        "ymd": "/ymd/" + "1" * n,
        "alpha": "/alpha/" + "a" * n + "1",
        "regex": "/re/" + "a-" * (n // 2) + "-",
        "regex 2": "/re2/" + "1" * n + "/x",
        "str, %2F": "/str/a%2Fb/c",
        "many segments": "/str" + "/a" * (n // 2),
    }
    return [block(k, v) for k, v in cases.items()]


for name, make in {"headers": headers, "proxy": proxy, "errors": errors, "routes": routes}.items():
    (OUT / f"{name}.http").write_text("\n".join(make()))

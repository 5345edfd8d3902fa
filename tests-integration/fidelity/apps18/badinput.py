"""Append the round's keep-alive and bad-input sequences to an app's ``.http`` file (each
block starts from a good request to ``PATH``, then the bad one, then a good one on the same
connection), ending with ``PROBE`` so what the app's middleware saw is compared too:

    python3 badinput.py NAME PATH [PROBE] [EXTRA_HEADER]
"""

import sys

SEQUENCES = [
    ("garbage between good requests", "{good}\\x00\\x01garbage\\r\\n\\r\\n{good}"),
    ("HTTP/1.0 without keep-alive, then another", "GET {path} HTTP/1.0\\r\\n{extra}\\r\\n{good}"),
    ("HTTP/1.0 keep-alive twice", "GET {path} HTTP/1.0\\r\\nConnection: keep-alive\\r\\n{extra}\\r\\n"
     "GET {path} HTTP/1.0\\r\\nConnection: keep-alive\\r\\n{extra}\\r\\n"),
    ("absolute-form target", "GET http://x{path} HTTP/1.1\\r\\nHost: x\\r\\n{extra}\\r\\n{good}"),
    ("obs-fold header", "GET {path} HTTP/1.1\\r\\nHost: x\\r\\nX-Folded: a\\r\\n b\\r\\n{extra}\\r\\n{good}"),
    ("two Host fields", "GET {path} HTTP/1.1\\r\\nHost: x\\r\\nHost: y\\r\\n{extra}\\r\\n{good}"),
    ("no Host", "GET {path} HTTP/1.1\\r\\n{extra}\\r\\n{good}"),
    ("CL and TE together", "POST {path} HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 3\\r\\n"
     "Transfer-Encoding: chunked\\r\\n{extra}\\r\\n0\\r\\n\\r\\n{good}"),
    ("bad chunk size", "POST {path} HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n{extra}"
     "\\r\\nzz\\r\\nabc\\r\\n0\\r\\n\\r\\n{good}"),
    ("chunk extension", "POST {path} HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n{extra}"
     "\\r\\n3;name=v\\r\\nabc\\r\\n0\\r\\n\\r\\n{good}"),
    ("lower-case method", "get {path} HTTP/1.1\\r\\nHost: x\\r\\n{extra}\\r\\n{good}"),
    ("bare LF line endings", "GET {path} HTTP/1.1\\nHost: x\\n{extra_lf}\\n{good}"),
    ("keep-alive, close", "GET {path} HTTP/1.1\\r\\nHost: x\\r\\nConnection: keep-alive, close\\r\\n"
     "{extra}\\r\\n{good}"),
    ("fragment in target", "GET {path}#frag HTTP/1.1\\r\\nHost: x\\r\\n{extra}\\r\\n{good}"),
    ("NUL in a value", "GET {path} HTTP/1.1\\r\\nHost: x\\r\\nX-A: a\\x00b\\r\\n{extra}\\r\\n{good}"),
    ("space before colon", "GET {path} HTTP/1.1\\r\\nHost: x\\r\\nX-A : b\\r\\n{extra}\\r\\n{good}"),
    ("HTTP/2 preface", "PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n"),
    ("TLS hello on plain port", "\\x16\\x03\\x01\\x00\\xa5\\x01\\x00\\x00\\xa1\\x03\\x03"),
    ("Content-Length with a plus", "POST {path} HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: +3\\r\\n"
     "{extra}\\r\\nabc{good}"),
    ("body on a GET, then another", "GET {path} HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 4\\r\\n"
     "{extra}\\r\\nbodyGET {path} HTTP/1.1\\r\\nHost: x\\r\\n{extra}\\r\\n"),
]


def main(name: str, path: str, probe: str = "", extra: str = "") -> None:
    extra_crlf = f"{extra}\\r\\n" if extra else ""
    extra_lf = f"{extra}\\n" if extra else ""
    good = f"GET {path} HTTP/1.1\\r\\nHost: x\\r\\n{extra_crlf}\\r\\n"
    blocks = []
    for title, template in SEQUENCES:
        raw = template.format(good=good, path=path, extra=extra_crlf, extra_lf=extra_lf)
        blocks.append(f"### bad input: {title}\n#raw\n{raw}\n")
    if probe:
        blocks.append(f"### after the bad input: {probe}\nGET {probe} HTTP/1.1\nHost: x\n")
    with open(f"{name}.http", "a", encoding="utf-8") as f:
        f.write("\n" + "\n".join(blocks))


if __name__ == "__main__":
    main(*sys.argv[1:])

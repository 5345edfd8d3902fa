"""RFC 7578 / RFC 2046 (multipart/form-data) and urlencoded form checks (against
app_third.py): each body is POSTed to `/form`, which answers `request.form` and
`request.files` as JSON; PASS when the fields are the RFC's reading (for urlencoded
bodies, the WHATWG URL standard's). A predicate `True` marks a case the RFC leaves open
(lenient parsing, or what the app does with the name): shown for the comparison only.

usage: python form_checks.py PORT [filter]; see run.sh."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from checklib import FILT, exchange


def post(ctype, body):
    return (
        b"POST /form HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
        + ctype
        + b"\r\nContent-Length: %d\r\n\r\n" % len(body)
        + body
    )


def mp(parts, b=b"XyZ", nl=b"\r\n", pre=b"", epi=b"", final=True):
    out = pre
    for head, body in parts:
        out += b"--" + b + nl + head.replace(b"\n", nl) + nl + nl + body + nl
    if final:
        out += b"--" + b + b"--" + nl + epi
    return out


FD = b'Content-Disposition: form-data; name="%s"'
CT = b"multipart/form-data; boundary=XyZ"
CASES = [
    (
        "basic",
        "7578 4.2",
        CT,
        mp([(FD % b"a", b"1"), (FD % b"b", b"2")]),
        lambda F, FI: F == {"a": ["1"], "b": ["2"]},
    ),
    (
        "quoted boundary",
        "2046 5.1.1",
        b'multipart/form-data; boundary="XyZ"',
        mp([(FD % b"a", b"1")]),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "boundary with space",
        "2046 5.1.1",
        b'multipart/form-data; boundary="Xy Z"',
        mp([(FD % b"a", b"1")], b=b"Xy Z"),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "boundary unquoted with space",
        "2046 5.1.1",
        b"multipart/form-data; boundary=Xy Z",
        mp([(FD % b"a", b"1")], b=b"Xy Z"),
        lambda F, FI: True,
    ),
    (
        "boundary param case",
        "2046 5.1.1",
        b"multipart/form-data; BOUNDARY=XyZ",
        mp([(FD % b"a", b"1")]),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "boundary 70 chars",
        "2046 5.1.1",
        b"multipart/form-data; boundary=" + b"x" * 70,
        mp([(FD % b"a", b"1")], b=b"x" * 70),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "boundary with other params first",
        "2046 5.1.1",
        b"multipart/form-data; charset=utf-8; boundary=XyZ",
        mp([(FD % b"a", b"1")]),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "preamble epilogue",
        "2046 5.1.1",
        CT,
        mp([(FD % b"a", b"1")], pre=b"preamble text\r\n", epi=b"epilogue\r\n"),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "missing final boundary",
        "2046 5.1.1",
        CT,
        mp([(FD % b"a", b"1"), (FD % b"b", b"2")], final=False),
        lambda F, FI: F.get("a") == ["1"],
    ),
    (
        "LF only",
        "2046 5.1.1",
        CT,
        mp([(FD % b"a", b"1"), (FD % b"b", b"2")], nl=b"\n"),
        lambda F, FI: True,
    ),
    (
        "value with CRLF inside",
        "7578 4.2",
        CT,
        mp([(FD % b"a", b"l1\r\nl2")]),
        lambda F, FI: F == {"a": ["l1\r\nl2"]},
    ),
    (
        "filename*",
        "7578 4.2",
        CT,
        mp(
            [
                (
                    FD % b"f" + b"; filename*=UTF-8''%C3%A9t%C3%A9.txt\r\nContent-Type: text/plain",
                    b"data",
                )
            ]
        ),
        lambda F, FI: FI["f"][0][:2] == ["été.txt", "text/plain"],
    ),
    (
        "filename* and filename",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b"; filename=\"ete.txt\"; filename*=UTF-8''%C3%A9t%C3%A9.txt", b"data")]),
        lambda F, FI: FI["f"][0][0] == "été.txt",
    ),
    (
        "filename* latin1",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b"; filename*=iso-8859-1'en'%E9t%E9.txt", b"data")]),
        lambda F, FI: FI["f"][0][0] == "été.txt",
    ),
    (
        "filename raw utf8",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="\xc3\xa9t\xc3\xa9.txt"', b"data")]),
        lambda F, FI: FI["f"][0][0] == "été.txt",
    ),
    (
        "filename with path",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="C:\\\\dir\\\\a.txt"', b"data")]),
        lambda F, FI: FI["f"][0][0] in ("C:\\dir\\a.txt", "a.txt"),
    ),
    (
        "filename unix path",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="../../etc/passwd"', b"data")]),
        lambda F, FI: True,
    ),
    (
        "filename escaped quote",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="a\\"b.txt"', b"data")]),
        lambda F, FI: FI["f"][0][0] == 'a"b.txt',
    ),
    (
        "filename percent-encoded quote",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="a%22b.txt"', b"data")]),
        lambda F, FI: FI["f"][0][0] == 'a"b.txt',
    ),
    (
        "filename empty",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename=""', b"")]),
        lambda F, FI: FI["f"][0][0] == "",
    ),
    (
        "filename unquoted",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b"; filename=a.txt", b"data")]),
        lambda F, FI: FI["f"][0][0] == "a.txt",
    ),
    (
        "filename semicolon quoted",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="a;b.txt"', b"data")]),
        lambda F, FI: FI["f"][0][0] == "a;b.txt",
    ),
    (
        "empty file part",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="e.txt"\r\nContent-Type: application/octet-stream', b"")]),
        lambda F, FI: FI["f"] == [["e.txt", "application/octet-stream", ""]],
    ),
    (
        "part without name",
        "7578 4.2",
        CT,
        mp([(b"Content-Disposition: form-data", b"x"), (FD % b"a", b"1")]),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "part without disposition",
        "7578 4.2",
        CT,
        mp([(b"Content-Type: text/plain", b"x"), (FD % b"a", b"1")]),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "disposition attachment",
        "7578 4.2",
        CT,
        mp([(b'Content-Disposition: attachment; name="a"', b"x")]),
        lambda F, FI: True,
    ),
    (
        "name unquoted",
        "7578 4.2",
        CT,
        mp([(b"Content-Disposition: form-data; name=a", b"x")]),
        lambda F, FI: F == {"a": ["x"]},
    ),
    (
        "name with escaped quote",
        "7578 4.2",
        CT,
        mp([(b'Content-Disposition: form-data; name="a\\"b"', b"x")]),
        lambda F, FI: F == {'a"b': ["x"]},
    ),
    (
        "name percent quote",
        "7578 4.2",
        CT,
        mp([(b'Content-Disposition: form-data; name="a%22b"', b"x")]),
        lambda F, FI: F == {'a"b': ["x"]},
    ),
    (
        "name nonascii",
        "7578 4.2",
        CT,
        mp([(b'Content-Disposition: form-data; name="\xc3\xa9"', b"x")]),
        lambda F, FI: F == {"é": ["x"]},
    ),
    (
        "header case",
        "7578 4.2",
        CT,
        mp([(b'content-disposition: FORM-DATA; NAME="a"', b"x")]),
        lambda F, FI: F == {"a": ["x"]},
    ),
    (
        "duplicate names order",
        "7578 4.2",
        CT,
        mp([(FD % b"a", b"1"), (FD % b"b", b"x"), (FD % b"a", b"2"), (FD % b"a", b"3")]),
        lambda F, FI: F == {"a": ["1", "2", "3"], "b": ["x"]},
    ),
    (
        "duplicate file names",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="1"', b"1"), (FD % b"f" + b'; filename="2"', b"2")]),
        lambda F, FI: [x[0] for x in FI["f"]] == ["1", "2"],
    ),
    (
        "part content-type charset latin1",
        "7578 4.6",
        CT,
        mp([(FD % b"a" + b"\r\nContent-Type: text/plain; charset=iso-8859-1", b"\xe9")]),
        lambda F, FI: F == {"a": ["é"]},
    ),
    (
        "part content-type charset utf8",
        "7578 4.6",
        CT,
        mp([(FD % b"a" + b"\r\nContent-Type: text/plain; charset=utf-8", b"\xc3\xa9")]),
        lambda F, FI: F == {"a": ["é"]},
    ),
    (
        "part content-type non-text",
        "7578 4.2",
        CT,
        mp([(FD % b"a" + b"\r\nContent-Type: application/json", b'{"x":1}')]),
        lambda F, FI: F == {"a": ['{"x":1}']},
    ),
    (
        "file content-type default",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="a.bin"', b"\x00\xff")]),
        lambda F, FI: FI["f"][0][1] == "text/plain",
    ),
    (
        "file content-type given",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="a.png"\r\nContent-Type: image/png', b"\x89PNG")]),
        lambda F, FI: FI["f"][0][1] == "image/png",
    ),
    (
        "_charset_ latin1",
        "7578 4.6",
        CT,
        mp([(FD % b"_charset_", b"iso-8859-1"), (FD % b"a", b"\xe9")]),
        lambda F, FI: F.get("a") == ["é"],
    ),
    (
        "_charset_ after field",
        "7578 4.6",
        CT,
        mp([(FD % b"a", b"\xe9"), (FD % b"_charset_", b"iso-8859-1")]),
        lambda F, FI: F.get("a") == ["é"],
    ),
    (
        "invalid utf8 value",
        "7578 4.2",
        CT,
        mp([(FD % b"a", b"\xff"), (FD % b"b", b"2")]),
        lambda F, FI: F.get("b") == ["2"],
    ),
    (
        "request charset param",
        "7578 4.6",
        CT + b"; charset=iso-8859-1",
        mp([(FD % b"a", b"\xe9")]),
        lambda F, FI: True,
    ),
    (
        "no boundary",
        "2046 5.1.1",
        b"multipart/form-data",
        mp([(FD % b"a", b"1")]),
        lambda F, FI: F == {},
    ),
    (
        "empty boundary",
        "2046 5.1.1",
        b"multipart/form-data; boundary=",
        mp([(FD % b"a", b"1")], b=b""),
        lambda F, FI: F == {},
    ),
    (
        "wrong boundary",
        "2046 5.1.1",
        b"multipart/form-data; boundary=Other",
        mp([(FD % b"a", b"1")]),
        lambda F, FI: F == {},
    ),
    ("empty body", "2046 5.1.1", CT, b"", lambda F, FI: F == {}),
    ("only close delimiter", "2046 5.1.1", CT, b"--XyZ--\r\n", lambda F, FI: F == {}),
    (
        "transport padding",
        "2046 5.1.1",
        CT,
        mp([(FD % b"a", b"1")]).replace(b"--XyZ\r\n", b"--XyZ  \t\r\n"),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "boundary in content",
        "2046 5.1.1",
        CT,
        mp([(FD % b"a", b"x--XyZ y"), (FD % b"b", b"2")]),
        lambda F, FI: F == {"a": ["x--XyZ y"], "b": ["2"]},
    ),
    (
        "part head folded",
        "7578 4.2",
        CT,
        mp([(b'Content-Disposition: form-data;\r\n name="a"', b"1")]),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "content-transfer-encoding base64",
        "7578 4.2",
        CT,
        mp([(FD % b"a" + b"\r\nContent-Transfer-Encoding: base64", b"aGVsbG8=")]),
        lambda F, FI: True,
    ),
    (
        "multipart/mixed inside",
        "7578 4.2",
        CT,
        mp(
            [
                (
                    FD % b"f" + b"\r\nContent-Type: multipart/mixed; boundary=In",
                    b"--In\r\n\r\nx\r\n--In--",
                )
            ]
        ),
        lambda F, FI: True,
    ),
    (
        "form-data type case",
        "7578 4.2",
        b"Multipart/Form-Data; boundary=XyZ",
        mp([(FD % b"a", b"1")]),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "multipart/mixed request",
        "7578 4.2",
        b"multipart/mixed; boundary=XyZ",
        mp([(FD % b"a", b"1")]),
        lambda F, FI: F == {},
    ),
    (
        "space before param",
        "2046 5.1.1",
        b"multipart/form-data ; boundary = XyZ",
        mp([(FD % b"a", b"1")]),
        lambda F, FI: True,
    ),
    # urlencoded
    (
        "url basic",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=1&b=2",
        lambda F, FI: F == {"a": ["1"], "b": ["2"]},
    ),
    (
        "url plus",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=b+c&d=%2B",
        lambda F, FI: F == {"a": ["b c"], "d": ["+"]},
    ),
    (
        "url bad percent",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=%zz&b=%4&c=%",
        lambda F, FI: F == {"a": ["%zz"], "b": ["%4"], "c": ["%"]},
    ),
    (
        "url no =",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a&b=2",
        lambda F, FI: F.get("b") == ["2"],
    ),
    (
        "url empty value",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=&b=",
        lambda F, FI: True,
    ),
    (
        "url empty name",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"=1&b=2",
        lambda F, FI: F.get("b") == ["2"],
    ),
    (
        "url dup",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=1&a=2&b=3&a=4",
        lambda F, FI: F == {"a": ["1", "2", "4"], "b": ["3"]},
    ),
    (
        "url semicolon",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=1;b=2",
        lambda F, FI: F == {"a": ["1;b=2"]},
    ),
    (
        "url &&",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=1&&b=2&",
        lambda F, FI: F == {"a": ["1"], "b": ["2"]},
    ),
    (
        "url utf8",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=%C3%A9&b=\xc3\xa9",
        lambda F, FI: F == {"a": ["é"], "b": ["é"]},
    ),
    (
        "url invalid utf8",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=%FF&b=2",
        lambda F, FI: F == {"a": ["\ufffd"], "b": ["2"]},
    ),
    (
        "url charset latin1",
        "charset param",
        b"application/x-www-form-urlencoded; charset=iso-8859-1",
        b"a=%E9",
        lambda F, FI: F == {"a": ["é"]},
    ),
    (
        "url charset quoted",
        "charset param",
        b'application/x-www-form-urlencoded; charset="iso-8859-1"',
        b"a=%E9",
        lambda F, FI: F == {"a": ["é"]},
    ),
    (
        "url charset unknown",
        "charset param",
        b"application/x-www-form-urlencoded; charset=bogus",
        b"a=%C3%A9",
        lambda F, FI: F == {"a": ["é"]},
    ),
    (
        "url charset utf-16",
        "charset param",
        b"application/x-www-form-urlencoded; charset=utf-16",
        b"a=%FF%FEx%00",
        lambda F, FI: F.get("a") is not None,
    ),
    (
        "url _charset_",
        "charset param",
        b"application/x-www-form-urlencoded",
        b"_charset_=iso-8859-1&a=%E9",
        lambda F, FI: True,
    ),
    (
        "url type case",
        "WHATWG urlencoded",
        b"Application/X-WWW-Form-Urlencoded",
        b"a=1",
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "url a==b",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a==b",
        lambda F, FI: F == {"a": ["=b"]},
    ),
    (
        "url newline",
        "WHATWG urlencoded",
        b"application/x-www-form-urlencoded",
        b"a=1\r\n",
        lambda F, FI: True,
    ),
    ("text/plain", "7578 4.2", b"text/plain", b"a=1", lambda F, FI: F == {}),
    (
        "OWS before ;",
        "2046 5.1.1",
        b"multipart/form-data ;boundary=XyZ",
        mp([(FD % b"a", b"1")]),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "OWS both sides",
        "2046 5.1.1",
        b"multipart/form-data ; boundary=XyZ",
        mp([(FD % b"a", b"1")]),
        lambda F, FI: F == {"a": ["1"]},
    ),
    (
        "filename 100%",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="100%.txt"', b"d")]),
        lambda F, FI: FI["f"][0][0] == "100%.txt",
    ),
    (
        "filename %41",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="a%41.txt"', b"d")]),
        lambda F, FI: True,
    ),
    (
        "filename %0D%0A",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="a%0D%0Ab.txt"', b"d")]),
        lambda F, FI: True,
    ),
    (
        "filename* bad pct",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b"; filename*=UTF-8''a%ZZ.txt", b"d")]),
        lambda F, FI: True,
    ),
    (
        "filename* quoted",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b"; filename*=\"UTF-8''%C3%A9.txt\"", b"d")]),
        lambda F, FI: True,
    ),
    (
        "name*",
        "7578 4.2",
        CT,
        mp([(b"Content-Disposition: form-data; name*=UTF-8''%C3%A9", b"x")]),
        lambda F, FI: True,
    ),
    (
        "part charset quoted",
        "7578 4.6",
        CT,
        mp([(FD % b"a" + b'\r\nContent-Type: text/plain; charset="iso-8859-1"', b"\xe9")]),
        lambda F, FI: F == {"a": ["é"]},
    ),
    (
        "two name params",
        "7578 4.2",
        CT,
        mp([(b'Content-Disposition: form-data; name="a"; name="b"', b"x")]),
        lambda F, FI: True,
    ),
    (
        "filename with single backslash",
        "7578 4.2",
        CT,
        mp([(FD % b"f" + b'; filename="a\\b.txt"', b"d")]),
        lambda F, FI: FI["f"][0][0] == "a\\b.txt",
    ),
    (
        "name case NAME",
        "7578 4.2",
        CT,
        mp([(b'Content-Disposition: form-data; Name="a"', b"x")]),
        lambda F, FI: F == {"a": ["x"]},
    ),
]
passed = total = 0
for name, ref, ctype, body, pred in CASES:
    if FILT and FILT not in name:
        continue
    out, _ = exchange(post(ctype, body), idle=0.5, total=4)
    head, _, raw = out.partition(b"\r\n\r\n")
    try:
        got = json.loads(raw)
        ok = pred(got["form"], got["files"]) is True
    except Exception as e:
        got, ok = f"{head[:40]!r} {raw[:80]!r}", repr(e)
    total += 1
    passed += ok is True
    shown = json.dumps(got, ensure_ascii=False) if isinstance(got, dict) else got
    print(f"{'PASS' if ok is True else 'FAIL'} [{ref}] {name} :: {shown[:200]}")
print(f"summary: {passed}/{total} pass")

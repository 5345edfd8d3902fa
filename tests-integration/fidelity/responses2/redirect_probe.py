"""redirect() Location values for odd targets (run under both interpreters and diff)."""

from sanic.response import redirect

TARGETS = [
    "/a?b=%41&c=%zz", "/a#x#y", "/a#x?y", "/a?x#y?z", "/?", "/#", "?q=1", "#f", "a b", "./a",
    "../a b", "/a?b=c d+e", "/a?é=ü", "/a%2Fb", "/a%2fb", "/%", "/%%", "/a%2", "/a%zz",
    "http://x/a b?c d#e f", "HTTP://X.COM/", "http://x:80/", "http://x:abc/", "http://[::1]/é",
    "http://u@é.com:8080/p", "//é.com/x", "\\\\evil.com", "/\\evil", "javascript:alert(1)",
    " /lead", "/trail ", "/tab\there", "/nul\x00x", "/del\x7f", "/é%20ü", "/😀", "/\u2028",
    b"/bytes", b"/\xff", "/a?x=1&&y", "/a?=", "/a;p=1?q", "/[x]", "/{x}", "/a'b", '/a"b', "/a<b>",
    "/a`b", "/a^b", "/a|b",
]
for t in TARGETS:
    try:
        r = redirect(t)
        print(repr(t), r.status, r.headers.get("location"))
    except Exception as e:
        print(repr(t), "EXC", type(e).__name__, e)

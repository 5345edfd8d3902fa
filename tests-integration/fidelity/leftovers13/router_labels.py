from sanic import Sanic, text

Sanic.test_mode = True
def run(i, label, cast, pat, path, urls, kws):
    app = Sanic(f"p{i}")
    try:
        app.router.register_pattern(label, cast, pat)
    except Exception as e:
        print("reg", label, type(e).__name__, e)
        return
    async def h(request, **kw):
        return text(f"{kw!r} {request.route.path} regex={request.route.regex}")
    try:
        app.add_route(h, path, name="r")
    except Exception as e:
        print("add", path, type(e).__name__, e)
        return
    print("==", label, path)
    for u in urls:
        try:
            req, res = app.test_client.get(u, debug=False)
            print(" ", u, res.status, res.text[:100] if res.status == 200 else "")
        except Exception as e:
            print(" ", u, "EXC", type(e).__name__, str(e)[:150])
    for kw in kws:
        try:
            print("  url", kw, app.url_for("r", **kw))
        except Exception as e:
            print("  url", kw, type(e).__name__, e)
run(0, "n:m", int, r"\d{2}", "/a/<x:n:m>", ["/a/12", "/a/123", "/a/ab"], [{"x": 12}, {"x": "ab"}])
run(1, "int:q", lambda s: "Q"+s, r"[a-z]+", "/b/<x:int:q>", ["/b/abc"], [{"x": "abc"}])
run(2, "n:m", int, r"\d{2}", "/d/<x:n:m>/<y:int>", ["/d/12/3", "/d/1/3", "/d/12/x"], [{"x": 12, "y": 3}])
run(3, "a b", str, r"[a-z]+", "/e/<x:a b>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(4, "a-b", str, r"[a-z]+", "/e/<x:a-b>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(5, "a/b", str, r"[a-z]+", "/e/<x:a/b>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(6, "a>b", str, r"[a-z]+", "/e/<x:a>b>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(7, "", str, r"[a-z]+", "/e/<x:>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(8, "a:b:c", str, r"[a-z]+", "/e/<x:a:b:c>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(9, "ab:", str, r"[a-z]+", "/e/<x:ab:>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(10, ":ab", str, r"[a-z]+", "/e/<x::ab>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(11, "a:b", str, r"[a-z]+", "/e/<x:a:b>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(12, "path:x", str, r"[a-z]+", "/e/<x:path:x>", ["/e/abc", "/e/AB"], [{"x": "abc"}, {"x": "AB"}])
run(13, "a.b", str, r"[a-z]+", "/e/<x:a.b>", ["/e/abc", "/e/AB", "/e/a.b"], [{"x": "abc"}, {"x": "AB"}])

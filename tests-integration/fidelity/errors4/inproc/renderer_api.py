import inspect

import sanic.errorpages as P

print(
    sorted(
        n
        for n in dir(P)
        if not n.startswith("_")
        and n not in ("annotations", "t", "sys", "partial", "extract_tb", "ErrorPage")
    )
)
for cname in ["BaseRenderer", "HTMLRenderer", "TextRenderer", "JSONRenderer"]:
    c = getattr(P, cname)
    print(cname, [k.__name__ for k in c.__mro__])
    # the public names a subclass overrides or calls (Hurtle's private helpers differ)
    for n in sorted(
        x
        for x in set(dir(c)) - set(dir(object))
        if not x.startswith("_") or x in ("_generate_output", "_generate_body", "_format_exc")
    ):
        a = inspect.getattr_static(c, n)
        kind = type(a).__name__
        if n in ("content_type",):
            continue
        try:
            s = (
                [
                    (p.name, p.kind.name, repr(p.default))
                    for p in inspect.signature(getattr(c, n)).parameters.values()
                ]
                if callable(getattr(c, n))
                else repr(getattr(c, n))[:80].replace("hurtle_app", "sanic")
            )
        except Exception:
            s = "?"
        print("  ", n, kind, s)
print(
    [
        (p.name, p.kind.name, repr(p.default))
        for p in inspect.signature(P.exception_response).parameters.values()
    ]
)
for n in [
    "RENDERERS_BY_CONFIG",
    "RENDERERS_BY_CONTENT_TYPE",
    "RESPONSE_MAPPING",
    "DEFAULT_FORMAT",
    "MIME_BY_CONFIG",
    "JSON_BY_CONTENT_TYPE",
]:
    print(n, str(getattr(P, n, "<none>")).replace("hurtle_app", "sanic"))
from sanic.handlers import ErrorHandler

print(
    [
        (p.name, p.kind.name, repr(p.default))
        for p in inspect.signature(ErrorHandler.__init__).parameters.values()
    ]
)
from sanic import Blueprint

print(
    [
        (p.name, p.kind.name, repr(p.default))
        for p in inspect.signature(Blueprint.__init__).parameters.values()
    ]
)

"""Public members of the request-side classes, printed for a diff between interpreters."""

import inspect

import sanic.headers as h
import sanic.models.protocol_types as pt  # noqa: F401
import sanic.request as r
from sanic.models.http_types import Credentials
from sanic.request import File, Request, RequestParameters
from sanic.request.parameters import RequestParameters as RP2  # noqa: F401

classes = [Request, File, RequestParameters, Credentials, h.MediaType, h.Matched, h.AcceptList]
try:
    from sanic.models.server_types import ConnInfo

    classes.append(ConnInfo)
except ImportError as exc:
    print("ConnInfo", exc)
from sanic.compat import Header  # noqa: E402

classes.append(Header)
for c in classes:
    names = sorted(n for n in dir(c) if not n.startswith("__"))
    for n in names:
        if n.startswith("_") and n not in (
            "_fields",
            "_asdict",
            "_replace",
            "_make",
            "_field_defaults",
        ):
            continue
        attr = inspect.getattr_static(c, n)
        kind = type(attr).__name__
        if callable(attr) and not isinstance(attr, type):
            try:
                sig = str(inspect.signature(getattr(c, n)))
                import re

                sig = re.sub(r": '[^']*'|: [A-Za-z_.\[\], |]+(?=[,)=])| -> .*$", "", sig)
            except (TypeError, ValueError):
                sig = "?"
        else:
            sig = ""
        print(f"{c.__name__}.{n} {kind} {sig}")
print(sorted(n for n in dir(r) if not n.startswith("_")))
print(sorted(n for n in dir(h) if not n.startswith("_")))

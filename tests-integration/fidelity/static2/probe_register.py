"""Run under each interpreter: what app.static / bp.static say to bad options, when
declared and when the app starts (type and message), and what a few odd ones serve."""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
logging.disable(logging.CRITICAL)

from tree import build  # noqa: E402

from sanic import Blueprint, Sanic  # noqa: E402
from sanic.handlers.directory import DirectoryHandler  # noqa: E402
from sanic.response import text  # noqa: E402

ROOT, OUTSIDE = build()
HELLO = ROOT / "hello.txt"
Sanic.test_mode = True

CASES = {
    "missing folder": (("/m", ROOT / "nope"), {}),
    "missing file as file": (("/m", ROOT / "nope.txt"), {"resource_type": "file"}),
    "missing as dir": (("/m", ROOT / "nope"), {"resource_type": "dir"}),
    "file as dir": (("/m", HELLO), {"resource_type": "dir"}),
    "dir as file": (("/m", ROOT), {"resource_type": "file"}),
    "resource_type bogus": (("/m", ROOT), {"resource_type": "bogus"}),
    "resource_type empty": (("/m", ROOT), {"resource_type": ""}),
    "resource_type FILE": (("/m", HELLO), {"resource_type": "FILE"}),
    "path None": (("/m", None), {}),
    "path bytes": (("/m", bytes(ROOT)), {}),
    "path int": (("/m", 5), {}),
    "name empty": (("/m", ROOT), {"name": ""}),
    "name None": (("/m", ROOT), {"name": None}),
    "handler and index": (
        ("/m", ROOT),
        {"directory_handler": DirectoryHandler("/m", ROOT), "index": "a"},
    ),
    "handler and view": (
        ("/m", ROOT),
        {"directory_handler": DirectoryHandler("/m", ROOT), "directory_view": True},
    ),
    "index int": (("/m", ROOT), {"index": 5}),
    "stream x": (("/m", ROOT), {"stream_large_files": "x"}),
    "stream -1": (("/m", ROOT), {"stream_large_files": -1}),
    "stream 0": (("/m", ROOT), {"stream_large_files": 0}),
    "uri no slash": (("m", ROOT), {}),
    "uri empty": (("", HELLO), {}),
    "uri empty dir": (("", ROOT), {}),
    "pattern bad regex": (("/m", ROOT), {"pattern": "["}),
    "host list": (("/m", ROOT), {"host": ["a.example", "b.example"]}),
    "content_type int": (("/m", ROOT), {"content_type": 5}),
    "uri param": (("/m/<x:int>", ROOT), {}),
    "uri file param": (("/m/<x>", HELLO), {}),
    "path str": (("/m", str(ROOT)), {}),
    "path relative": (("/m", "static"), {}),
    "dup name": (("/m", ROOT), {"name": "dup", "_twice": True}),
    "dup uri": (("/m", ROOT), {"name": "other", "_route": "/m/<__file_uri__:path>"}),
    "dup uri file": (("/m", HELLO), {"name": "other", "_route": "/m"}),
}


def run(label, args, kwargs, on_bp):
    kwargs = dict(kwargs)
    twice = kwargs.pop("_twice", False)
    route = kwargs.pop("_route", None)
    app = Sanic(f"R{abs(hash((label, on_bp))) % 10**8}")
    target = Blueprint("bp", url_prefix="/bp") if on_bp else app
    stage = "declared"
    try:
        target.static(*args, **kwargs)
        if twice:
            target.static(*args, **kwargs)
        if route:
            app.route(route)(lambda r, **kw: text("route"))
        if on_bp:
            stage = "registered"
            app.blueprint(target)
        stage = "started"
        prefix = "/bp" if on_bp else ""
        uri = args[0] if args[0].startswith("/") else "/" + args[0]
        url = prefix + uri.replace("<x:int>", "3").replace("<x>", "3").rstrip("/")
        _, r1 = app.test_client.get(url + "/hello.txt")
        _, r2 = app.test_client.get(url)
        return (
            f"ok: {url}/hello.txt {r1.status} {r1.headers.get('content-type')}; {url} {r2.status}"
        )
    except Exception as e:  # what each framework raises, and when
        return f"{stage}: {type(e).__name__}: {e}"


for label, (args, kwargs) in CASES.items():
    for on_bp in (False, True):
        print(f"{'bp ' if on_bp else 'app'} {label}: {run(label, args, kwargs, on_bp)}")

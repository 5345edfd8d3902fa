"""Sanic 25.12's public ``sanic.*`` names that this tree lacks, and signatures that differ
in a way a caller notices.

    python3 tests-integration/fidelity/names_scan.py      # SANIC_PY=..., HURTLE_PY=... to change
    python3 tests-integration/fidelity/names_scan.py -v   # also the kept ones, with reasons
    python3 tests-integration/fidelity/names_scan.py REF.json OURS.json   # surface.py dumps

Each interpreter runs ``surface.py dump`` (every module ``pkgutil.walk_packages`` finds,
every public name, class members and signatures); this script keeps the ``sanic`` package
and reports: modules missing, module-level names missing (a module's own and re-imports of
Sanic's own names), class members missing, and signatures where a caller's call could
behave differently (a parameter of Sanic's absent here, of another kind or with another
default). A parameter Hurtle adds with a default, or ``*args``/``**kwargs`` taking Sanic's,
changes nothing for a caller and is not counted. Each difference kept on purpose is in
``KEPT`` below with its reason; the rest is printed as open.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
MODULE_KEPT = {
    "sanic.cli.": "Sanic's CLI internals (console, daemon, executor); the command line is "
    "hurtle_cli (sanic.cli.app, .arguments, .base, .inspector are there for programs "
    "that extend it)",
    "sanic.http.http3": "HTTP/3 is not supported (imports under Sanic here: aioquic is absent, "
    "so its names exist but serve nothing)",
    "sanic.pages": "Sanic's html5tagger page builders; Hurtle renders its own pages "
    "(DirectoryPage/FileInfo are in sanic.handlers.directory, where users import them)",
    "sanic.server.websockets.frame": "the frame assembler is internal to hurtle_http.websocket",
}
# (module, dotted name) prefixes kept on purpose, with the reason.
KEPT: dict[tuple[str, str], str] = {
    ("sanic", "Websocket."): "the websocket implementation's frame handling is Hurtle's own",
    ("sanic.server.websockets.impl", "WebsocketImplProtocol"): "frame handling, as above "
    "(its constructor takes keyword-only options and a subprotocol); fail_connection and "
    "end_connection, which handlers call, are there; the rest (keepalive_ping, send_data, "
    "process_events...) is Sanic's own frame loop, not found called from public code",
    ("sanic.server.websockets.impl", "WebsocketFrameAssembler"): "frame assembler, as above",
    ("sanic.pages.directory_page", "DirectoryPage."): "Sanic's stylesheet and heading "
    "(CSS, STYLE, HEADING None); Hurtle's listing page is its own, unstyled",
    ("sanic.application.logo", ""): "the logos are Hurtle's (clean room)",
    ("sanic.application.spinner", "Spinner."): "the spinner's drawing is Hurtle's own",
    ("sanic.base.root", "BaseSanic."): "event/finalize_middleware/name live on the app class",
    ("sanic.mixins.middleware", "MiddlewareMixin.finalize_middleware"): "on the app class",
    ("sanic.mixins.signals", "SignalMixin.event"): "on the app class",
    ("sanic.cli", ""): "Sanic's CLI internals (SanicCLI's private steps, the help texts, "
    "the REPL); the names programs extend it with are there (clisub/compare.py)",
    ("sanic.http", "Http."): "Http's internals (buffers, stages) are Hurtle's own",
    ("sanic.http", "Http3"): "HTTP/3 is not supported",
    ("sanic.http.tls.creators", ""): "TLS creators' internals (cipher list, trustme flag)",
    ("sanic.logging.formatter", ""): "the formatters' regexes and field lists are internal "
    "(public code imports the formatter classes, which are there, not these)",
    ("sanic.logging.color", "StrEnum"): "a re-import of Sanic's compat helper",
    ("sanic.config", "DescriptorMeta.register"): "ABCMeta.register of Sanic's metaclass",
    ("sanic.models.asgi", "MockTransport."): "add_task/set_protocol: Sanic's ASGI plumbing",
    ("sanic.server", "HttpProtocol."): "the protocol classes' plumbing (buffers, slots)",
    ("sanic.server", "WebSocketProtocol"): "the protocol classes' plumbing (buffers, slots)",
    ("sanic.server", "SanicProtocol."): "the protocol classes' plumbing (buffers, slots)",
    ("sanic.server", "ConnectionProtocol"): "the protocol classes' plumbing",
    ("sanic.server", "HttpProtocolMixin"): "the protocol classes' plumbing",
    ("sanic.server", "AsyncioServer"): "Hurtle's server handle (async methods, no slots)",
    ("sanic.server", "Http3"): "HTTP/3 is not supported",
    ("sanic.server.runners", "SessionTicketStore"): "HTTP/3 (QUIC) is not supported",
    ("sanic.server.runners", "get_config"): "HTTP/3 (QUIC) is not supported",
    ("sanic.server.websockets.connection", "WebSocketConnection.subprotocols"): "ASGI plumbing",
    ("sanic.signals", ""): "Signal/SignalGroup are Hurtle's records, not sanic_routing routes",
    ("sanic.touchup", "OptionalDispatchEvent.SYNC"): "",  # provided (same value)
    ("sanic.touchup", ""): "no source rewriting here (touchup schemes)",
    ("sanic.types.shared_ctx", "SharedContext.SAFE"): "the shared context checks its own way",
    ("sanic.worker", ""): "the worker manager's and processes' internals",
    ("sanic.errorpages", "ErrorPage"): "Sanic's html5tagger error page (sanic.pages)",
    ("sanic.blueprints", "lazy"): "Sanic's internal decorator; not found in apps or plugins",
    ("sanic.asgi", "WebSocketConnection"): "resolved on first use (module __getattr__), so "
    "dir() does not list it; importing it works",
    ("sanic.models.asgi", "WebSocketConnection"): "as sanic.asgi's",
    ("sanic.models.handler_types", ""): "re-imported modules under private names",
}
# Signature differences kept on purpose (listed in README "Public API surface").
SIG_KEPT = {
    "register_middleware": "priority=None where Sanic's default is a sentinel: the same order",
    "register_named_middleware": "as register_middleware",
    "BaseSanic": "the app's base class, not constructed apart from the app",
    "get_address": "version=1 is HTTP.VERSION_1, which the app package may not import",
    "serve": "signal=None makes a fresh Signal (Sanic's default is one shared instance)",
    "Header.keys": "a plain method here; multidict's has no signature",
    "dumps": "a plain function here; Sanic's json dumps has no signature",
    "MOTDTTY": "Hurtle's banner box takes MOTD's arguments",
    "Stream": "Hurtle's stream base keeps its protocol",
    "Mixin": "the mixins are not constructed apart from the app",
    "HttpProtocol": "loop defaults to the running one",
    "MediaType": "its arguments are positional-only, so an Accept parameter named type_, "
    "subtype or self is a parameter (Sanic: TypeError, a 500); positional calls as Sanic's",
}


def _kept(modname: str, dotted: str) -> str | None:
    for (mod, prefix), reason in KEPT.items():
        if (modname == mod or modname.startswith(mod + ".")) and dotted.startswith(prefix):
            return reason or None
    for prefix, reason in MODULE_KEPT.items():
        if modname == prefix.rstrip(".") or modname.startswith(prefix.rstrip(".") + "."):
            return reason
    return None


def _noticed(ref: Any, ours: Any) -> bool:
    """Whether a caller could notice: a parameter of Sanic's missing here (and no **kwargs
    taking it), of another kind, or with another default."""
    if isinstance(ref, str) or isinstance(ours, str):
        return False
    clean = re.compile(r"(sanic|hurtle_\w+)(\.\w+)*\.")
    mine = {p[0]: p for p in ours if p[0] not in ("self", "cls")}
    kinds = {p[1] for p in ours}
    for name, kind, default in (p for p in ref if p[0] not in ("self", "cls")):
        if name.startswith("_"):
            continue  # a private parameter (a dataclass's _init) no caller passes
        o = mine.get(name)
        if o is None:
            if kind in ("VAR_POSITIONAL", "VAR_KEYWORD"):
                continue
            if "VAR_KEYWORD" in kinds and kind == "KEYWORD_ONLY":
                continue
            if {"VAR_POSITIONAL", "VAR_KEYWORD"} <= kinds:
                continue
            return True
        if o[1] != kind and not {o[1], kind} <= {"POSITIONAL_OR_KEYWORD", "KEYWORD_ONLY"}:
            return True
        if o[1] != kind and kind == "POSITIONAL_OR_KEYWORD":
            return True
        if default is not None and clean.sub("", str(o[2])) != clean.sub("", str(default)):
            return True
    # a parameter of ours without a default that Sanic's callers never pass
    return any(
        p[2] is None
        and p[1] in ("POSITIONAL_OR_KEYWORD", "KEYWORD_ONLY")
        and p[0] not in {r[0] for r in ref}
        for p in mine.values()
    )


def scan(ref: dict, ours: dict) -> dict[str, list[tuple[str, str | None]]]:
    out: dict[str, dict[str, tuple[str, str | None]]] = {
        "modules": {},
        "names": {},
        "members": {},
        "signatures": {},
    }

    def add(key: str, ident: str, label: str, modname: str, dotted: str, sig: bool = False):
        reason = _kept(modname, dotted)
        if sig:
            reason = next((v for k, v in SIG_KEPT.items() if dotted.endswith(k)), reason)
        out[key].setdefault(ident, (label, reason))

    rm, om = ref["modules"], ours["modules"]
    for modname in sorted(rm):
        if modname != "sanic" and not modname.startswith("sanic."):
            continue
        if modname not in om:
            add("modules", modname, modname, modname, "")
            continue
        onames = om[modname]["names"]
        for name, r in sorted(rm[modname]["names"].items()):
            if r["kind"] == "module":
                continue
            if not (r.get("here") or r.get("origin") == "own"):
                continue  # standard library and third-party re-imports
            o = onames.get(name)
            # A class is judged where Sanic defines it, once.
            home, _, cls = (r.get("qual") or f"{modname}.{name}").rpartition(".")
            home = home if home.startswith("sanic") else modname
            if o is None:
                add("names", f"{modname}.{name}", f"{modname}.{name}", modname, name)
                continue
            if "sig" in r and "sig" in o and _noticed(r["sig"], o["sig"]):
                add("signatures", f"{home}.{cls}", f"{home}.{cls}", home, cls, sig=True)
            for attr, ra in sorted(r.get("attrs", {}).items()):
                oa = o.get("attrs", {}).get(attr)
                dotted = f"{cls}.{attr}"
                if oa is None:
                    if ra["k"] in ("slot", "property"):
                        continue  # may be an instance attribute here (surface.py checks)
                    add("members", f"{home}.{dotted}", f"{home}.{dotted}", home, dotted)
                elif "sig" in ra and "sig" in oa and _noticed(ra["sig"], oa["sig"]):
                    add("signatures", f"{home}.{dotted}", f"{home}.{dotted}", home, dotted, True)
    return {key: list(items.values()) for key, items in out.items()}


def main() -> None:
    verbose = "-v" in sys.argv
    ref_py = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
    ours_py = os.environ.get("HURTLE_PY", str(HERE.parents[2] / ".venv/bin/python"))
    files = [a for a in sys.argv[1:] if a != "-v"]
    dumps = [json.loads(Path(f).read_text()) for f in files]  # REF.json OURS.json from dumps
    with tempfile.TemporaryDirectory() as tmp:
        for label, python in (("ref", ref_py), ("ours", ours_py)) if not dumps else ():
            path = Path(tmp) / f"{label}.json"
            subprocess.run(
                [python, str(HERE.parent / "surface.py"), "dump", str(path)],
                check=True,
                cwd=tmp,
                timeout=600,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            dumps.append(json.loads(path.read_text()))
    result = scan(*dumps)
    for key, items in result.items():
        kept = [i for i in items if i[1]]
        print(f"## {key}: {len(items)} differ, {len(kept)} kept, {len(items) - len(kept)} open")
        for name, reason in items:
            if reason is None:
                print(f"  OPEN {name}")
            elif verbose:
                print(f"  kept {name}: {reason}")


if __name__ == "__main__":
    main()

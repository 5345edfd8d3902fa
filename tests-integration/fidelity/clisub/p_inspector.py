"""sanic.cli.inspector.make_inspector_parser on a program's own parser."""

import contextlib
import io

from sanic.cli.base import SanicArgumentParser, SanicSubParsersAction
from sanic.cli.inspector import make_inspector_parser

parser = SanicArgumentParser(prog="tool")
sub = parser.add_subparsers(action=SanicSubParsersAction, dest="command")
print("returns", make_inspector_parser(sub.add_parser("inspect")))
for argv in (["inspect"], ["inspect", "reload"], ["inspect", "reload", "--zero-downtime"],
             ["inspect", "shutdown"], ["inspect", "scale", "3"], ["inspect", "scale", "x"],
             ["inspect", "greet", "bob", "--times=2"], ["inspect", "--raw", "-k", "key"],
             ["inspect", "-p", "7000", "shutdown"]):
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            ns, rest = parser.parse_known_args(argv)
            print(argv, sorted(vars(ns).items()), rest)
        except SystemExit as exc:
            print(argv, "exit", exc.code, err.getvalue().strip().splitlines()[-1])

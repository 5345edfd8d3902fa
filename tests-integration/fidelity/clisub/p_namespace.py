"""What SanicCLI().attach() parses: the namespace's names and values after prepare()."""

import sys

from sanic.cli.app import SanicCLI

LINES = [
    ["mod:app"],
    ["mod:app", "--single-process", "--tls-strict-host", "-3", "-1"],
    ["mod:app", "--http", "1", "--http", "1"],
    ["mod:app", "--no-repl", "--no-motd", "--no-coffee", "--no-access-logs"],
    ["mod:app", "--repl", "--motd", "--coffee", "--access-logs", "--noisy-exceptions"],
    ["mod:app", "-vv", "-R", "a", "-R", "b", "--tls", "c", "--tls", "d", "-u", "s.sock"],
    ["mod:make", "--factory", "-w", "3", "-H", "::1", "-p", "9001", "--dev", "--auto-tls"],
    ["./static", "--simple", "-D", "--pidfile", "p", "--logfile", "l", "--user", "u",
     "--group", "g"],
    ["mod:app", "exec"],
    ["mod:app", "stop"],
]

for argv in LINES:
    cli = SanicCLI()
    cli.attach()
    args = cli.parser.parse_args(argv)
    for group in cli.groups:
        try:
            group.prepare(args)
        except SystemExit as exc:
            print("prepare exit", exc.code)
    shown = {}
    for key, value in sorted(vars(args).items()):
        if key in ("legacy", "inspect_action"):
            continue  # Hurtle's own options (kept)
        if key == "http" and value is not None:
            value = [int(v) for v in value]
        shown[key] = value
    print(" ".join(argv))
    print("   ", shown)
sys.stdout.flush()

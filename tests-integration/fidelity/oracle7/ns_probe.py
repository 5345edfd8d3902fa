"""What a program sees of the command's options: for each argv, every value of the namespace
(repr and type) after each group's prepare(), from SanicCLI().parser. Run it under Sanic and
under Hurtle and diff the output (README: "Sanic's own test suite as an oracle, seventh round").
"""

import sys

from sanic.cli.app import SanicCLI

CASES = [
    ["m:app"],
    ["m:app", "-1", "-3"],
    ["m:app", "--http=3", "--http=3"],
    ["m:app", "-d"],
    ["m:app", "--debug", "-r", "-R", "a", "-R", "b"],
    ["m:app", "-w", "3", "--no-access-logs", "--noisy-exceptions"],
    ["m:app", "--fast", "--coffee", "--no-motd", "-vv"],
    ["m:app", "--single-process", "-H", "::", "-p", "0", "-u", "/tmp/s.sock"],
    ["m:app", "--cert", "c", "--key", "k", "--tls-strict-host"],
    ["m:app", "--tls", "a", "--tls", "b", "--auto-tls"],
    ["m:app", "--factory", "--repl"],
    ["m:app", "-s", "--no-repl"],
    ["m:app", "-D", "--pidfile", "p", "--logfile", "l", "--user", "u", "--group", "g"],
    ["m:app", "status"],
    ["m:app", "stop", "--pidfile", "p"],
    ["m:app", "exec"],
]
SKIP = {"legacy", "inspect_action"}  # Hurtle's own options (kept)

for argv in CASES:
    cli = SanicCLI()
    cli.attach()
    try:
        args = cli.parser.parse_args(argv)
        for group in cli.groups:
            group.prepare(args)
    except SystemExit as exc:
        print(" ".join(argv), "-> exit", repr(exc.code))
        continue
    print(" ".join(argv))
    for key, value in sorted(vars(args).items()):
        if key not in SKIP:
            print(f"    {key} = {value!r} ({type(value).__name__})")
sys.stdout.flush()

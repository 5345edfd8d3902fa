"""sanic.__main__.main(args) and SanicCLI().run(args) for a few argument lists."""

import sys

from sanic.__main__ import main
from sanic.cli.app import SanicCLI

for argv in (["--version"], ["-v"], ["mod:app", "exec", "hello", "--name=z"], ["mod:nope"]):
    try:
        main(argv)
        print(argv, "returned")
    except SystemExit as exc:
        print(argv, "exit", exc.code)
    except BaseException as exc:
        print(argv, "raised", type(exc).__name__)
    sys.stdout.flush()
cli = SanicCLI()
try:
    cli.run(["--version"])  # without attach()
except SystemExit as exc:
    print("run without attach: exit", exc.code)
except BaseException as exc:
    print("run without attach: raised", type(exc).__name__)

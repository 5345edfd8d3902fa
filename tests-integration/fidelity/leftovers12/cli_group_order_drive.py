import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sanic.cli.app import SanicCLI
from sanic.cli.arguments import Group


class Mine(Group):
    name = "Mine"

    def attach(self, short=False):
        self.container.add_argument("--mine", action="store_true")

    def prepare(self, args):
        print(
            "MINE prepare http={!r} loaded={}".format(args.http, "cli_group_order_app" in sys.modules),
            flush=True,
        )
        if os.environ.get("STOP"):
            raise SystemExit(7)


cli = SanicCLI()
cli.attach()
try:
    cli.run(sys.argv[1:])
except SystemExit as e:
    print("EXIT", repr(e.code), flush=True)
except BaseException as e:
    print("EXC", type(e).__name__, e, flush=True)

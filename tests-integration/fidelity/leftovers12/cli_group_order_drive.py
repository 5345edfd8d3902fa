import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sanic.cli.arguments import Group
from sanic.cli.app import SanicCLI
class Mine(Group):
    name = "Mine"
    def attach(self, short=False):
        self.container.add_argument("--mine", action="store_true")
    def prepare(self, args):
        print("MINE prepare http=%r loaded=%s" % (args.http, "cli_group_order_app" in sys.modules), flush=True)
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

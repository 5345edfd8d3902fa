"""A SanicCLI subclass: its own parser and formatter, an option added after attach(),
self.args, and _build_run_kwargs() (stopped there, before serving)."""

import sys

from sanic.cli.app import SanicCLI
from sanic.cli.base import SanicArgumentParser, SanicHelpFormatter


class Stop(Exception):
    pass


class MyCLI(SanicCLI):
    def __init__(self):
        super().__init__()
        self.parser = SanicArgumentParser(
            prog="my-tool",
            description="My tool.",
            formatter_class=lambda prog: SanicHelpFormatter(
                prog, max_help_position=36, indent_increment=4, width=None),
        )

    def attach(self):
        super().attach()
        self.parser.add_argument("--greeting", default="hello", help="how to greet")

    def _build_run_kwargs(self):
        kwargs = super()._build_run_kwargs()
        raise Stop({"greeting": self.args.greeting, "port": kwargs.get("port"),
                    "host": kwargs.get("host"), "workers": kwargs.get("workers"),
                    "single_process": kwargs.get("single_process")})


cli = MyCLI()
print("main_process", cli.main_process, "run_mode", cli.run_mode, "args", vars(cli.args))
cli.attach()
print("parser", type(cli.parser).__name__, cli.parser.prog)
try:
    cli.run(sys.argv[1:])
except Stop as stop:
    print("stopped with", stop.args[0])
    print("self.args.target", cli.args.target, "greeting", cli.args.greeting)
except SystemExit as exc:
    print("exit", exc.code)

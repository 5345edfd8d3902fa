"""A Group subclass's option is parsed and its prepare(args) runs before the command."""

import sys

from sanic.cli.arguments import Group


class ConfGroup(Group):
    name = "Config file"

    def attach(self, short=False):
        self.container.add_argument("-c", "--conf", help="the program's config file")

    def prepare(self, args):
        print("prepare sees conf", args.conf, "target", args.target, flush=True)


from sanic.__main__ import main  # noqa: E402

try:
    main(sys.argv[1:])
except SystemExit as exc:
    print("exit", exc.code)

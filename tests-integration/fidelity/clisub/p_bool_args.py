"""Group.add_bool_arguments: destinations, defaults, help and exclusivity."""

import argparse
import contextlib
import io

from sanic.cli.arguments import Group


class Flags(Group):
    name = "Flags"

    def attach(self, short=False):
        self.add_bool_arguments("--thing", help="use a thing")
        self.add_bool_arguments("--other", nullable=True, help="other", negative_help="not other")


parser = argparse.ArgumentParser(prog="x")
group = Flags.create(parser)
print("container title", getattr(group.container, "title", None), group.parser is parser)
group.attach()
for action in parser._actions[1:]:
    print(action.option_strings, action.dest, action.default, action.help)
for argv in ([], ["--thing"], ["--no-thing", "--other"], ["--no-other"], ["--thing", "--no-thing"]):
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            print(argv, vars(parser.parse_args(argv)))
        except SystemExit as exc:
            print(argv, "exit", exc.code, err.getvalue().strip().splitlines()[-1])

"""A Group subclass whose attach() takes no `short` (as biothings' groups)."""

import sys

from sanic.cli.arguments import Group


class OldGroup(Group):
    name = "Old"

    def attach(self):
        self.container.add_argument("--old", action="store_true", help="an old flag")


from sanic.__main__ import main  # noqa: E402

try:
    main(sys.argv[1:])
except SystemExit as exc:
    print("exit", exc.code)
except BaseException as exc:
    print("raised", type(exc).__name__, exc)

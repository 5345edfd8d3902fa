"""A Group subclass (attach takes short) appears in `sanic --help` and `help --full`."""

import contextlib
import io
import sys

from sanic.cli.arguments import Group


class ConfGroup(Group):
    name = "Config file"

    def attach(self, short=False):
        self.container.add_argument("-c", "--conf", help="the program's config file")


from sanic.__main__ import main  # noqa: E402

out = io.StringIO()
code = 0
with contextlib.redirect_stdout(out):
    try:
        main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
text = out.getvalue()
print("exit", code)
print("group title shown:", "Config file" in text)
print("option shown:", "-c CONF, --conf CONF" in text)
print("group after the built-in ones:", text.find("Config file") > text.find("--daemon"))

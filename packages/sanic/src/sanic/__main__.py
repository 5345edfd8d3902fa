"""``python -m sanic``: the ``sanic`` command."""

from sanic.cli.app import SanicCLI


def main(args: list[str] | None = None) -> None:
    """Run the command line with ``args`` (default: ``sys.argv[1:]``); an exception raised
    by a ``sanic TARGET exec`` command propagates, as in Sanic."""
    SanicCLI().run(args)


if __name__ == "__main__":
    # As the ``sanic`` script: a failing ``exec`` command's traceback, trimmed, and exit 1
    # (main() lets it propagate, as Sanic's).
    from sanic.cli.app import _run

    _run(None, raise_command_errors=False)

"""``python -m sanic``: the ``sanic`` command."""

from sanic.cli.app import SanicCLI


def main(args: list[str] | None = None) -> None:
    """Run the command line with ``args`` (default: ``sys.argv[1:]``)."""
    SanicCLI().run(args)


if __name__ == "__main__":
    main()

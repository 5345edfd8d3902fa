"""``python -m sanic``: the ``sanic`` command."""

from sanic.cli.app import SanicCLI


def main() -> None:
    """Run the command line with ``sys.argv``."""
    SanicCLI().run()


if __name__ == "__main__":
    main()

"""``sanic.cli.app``: ``SanicCLI``, the object behind the ``sanic`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import OS_IS_WINDOWS as OS_IS_WINDOWS
from hurtle_app.motd import get_logo as get_logo
from hurtle_app.motd import is_atty as is_atty
from hurtle_cli.arguments import build_parser
from hurtle_cli.daemon_commands import daemon_parser
from hurtle_cli.main import main
from sanic.app import Sanic
from sanic.worker.loader import AppLoader


class SanicCLI:
    """Run the ``sanic`` command line: ``SanicCLI().run(["module:app", "--port=9000"])``."""

    parser: argparse.ArgumentParser

    def attach(self) -> None:
        """Build ``parser``, the options of the command ``sys.argv`` names, as Sanic's
        (``sanic kill|status|restart``: ``--pid``/``--pidfile``; otherwise the app's
        options). ``run`` parses with the same options whether this was called or not."""
        if sys.argv[1:2] in (["kill"], ["status"], ["restart"]):
            self.parser = daemon_parser()
        else:
            self.parser = build_parser()

    def run(self, parse_args: Sequence[str] | None = None) -> None:
        """Parse ``parse_args`` (default: ``sys.argv[1:]``) and do what they ask.

        Raises ``SystemExit`` with the command's exit status when it is not 0. An
        exception raised by a ``sanic TARGET exec`` command propagates, as in Sanic
        (``python -m sanic`` and the ``sanic`` script show it trimmed and exit 1).
        """
        _run(parse_args, raise_command_errors=True)


def _run(parse_args: Sequence[str] | None, *, raise_command_errors: bool) -> None:
    import sanic.cli.app as this
    from sanic.cli.inspector_client import InspectorClient

    status = main(None if parse_args is None else list(parse_args),
                  inspector_client=InspectorClient, is_atty=lambda: this.is_atty(),
                  raise_command_errors=raise_command_errors)
    if status:
        raise SystemExit(status)


__all__ = ["AppLoader", "Sanic", "SanicCLI"]

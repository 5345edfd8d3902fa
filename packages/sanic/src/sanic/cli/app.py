"""``sanic.cli.app``: ``SanicCLI``, the object behind the ``sanic`` command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import OS_IS_WINDOWS as OS_IS_WINDOWS
from hurtle_app.motd import get_logo as get_logo
from hurtle_app.motd import is_atty as is_atty
from hurtle_cli.arguments import DESCRIPTION, USAGE, make_inspector_parser
from hurtle_cli.base import SanicArgumentParser, SanicHelpFormatter
from hurtle_cli.daemon_commands import daemon_parser
from hurtle_cli.groups import Group, attach_groups
from hurtle_cli.main import check_tls_options, load_app, main, prepare_kwargs
from hurtle_worker.constants import WORKER_NAME_ENV
from sanic.app import Sanic
from sanic.cli.inspector_client import InspectorClient
from sanic.worker.loader import AppLoader


class SanicCLI:
    """The ``sanic`` command line as an object: ``cli = SanicCLI(); cli.attach();
    cli.run(["module:app", "--port=9000"])``.

    A subclass may replace ``self.parser`` (in ``__init__`` or ``attach``), add options to
    it after ``super().attach()``, register ``Group`` subclasses, read ``self.args`` (the
    parsed options, set by ``run``) and change what ``_build_run_kwargs`` gives
    ``app.prepare``."""

    DESCRIPTION_FULL = DESCRIPTION
    DESCRIPTION_SHORT = DESCRIPTION
    DESCRIPTION_SHORT_FOOTER = ""

    def __init__(self) -> None:
        self.parser: argparse.ArgumentParser = SanicArgumentParser(
            prog="sanic", usage=USAGE, description=self.DESCRIPTION_FULL,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        # False in a worker process (it runs the same module again under some setups).
        self.main_process = not os.environ.get(WORKER_NAME_ENV)
        self.args = argparse.Namespace()
        self.groups: list[Group] = []
        self.run_mode = "serve"

    def attach(self) -> None:
        """Add one group of each class in ``Group._registry`` to ``self.parser`` (into
        ``self.groups``); for ``sanic kill|status|restart`` in ``sys.argv``, ``parser``
        is that command's (``--pid``/``--pidfile``)."""
        self._attached = True
        if sys.argv[1:2] in (["kill"], ["status"], ["restart"]):
            self.parser = daemon_parser()
        else:
            self.groups.extend(attach_groups(self.parser))

    def run(self, parse_args: Sequence[str] | None = None) -> None:
        """Parse ``parse_args`` (default: ``sys.argv[1:]``) with ``self.parser`` into
        ``self.args``, let each group ``prepare`` them, and do what they ask (``attach``
        is called first when it was not).

        Raises ``SystemExit`` with the command's exit status when it is not 0. An
        exception raised by a ``sanic TARGET exec`` command propagates, as in Sanic
        (``python -m sanic`` and the ``sanic`` script show it trimmed and exit 1).
        """
        _run(parse_args, raise_command_errors=True, cli=self)

    def _set_args(self, args: argparse.Namespace) -> None:
        self.args = args

    def _precheck(self) -> None:
        """Exit 1 (with Sanic's message) when ``self.args``' TLS options do not go
        together; for a subclass's own ``run``, as the command checks them first."""
        check_tls_options(self.args)

    def _get_app(self, app_loader: AppLoader) -> Any:
        """The app ``app_loader`` loads; when it cannot, what went wrong is printed and
        the process exits 1 (as the command does)."""
        return load_app(self.args, app_loader)[0]

    def _build_run_kwargs(self) -> dict[str, Any]:
        """The keyword arguments ``app.prepare`` gets for ``self.args``."""
        return prepare_kwargs(self.args)


def _run(parse_args: Sequence[str] | None, *, raise_command_errors: bool,
         cli: SanicCLI | None = None) -> None:
    import sanic.cli.app as this
    from sanic.cli.inspector_client import InspectorClient

    hooks: dict[str, Any] = {}
    if cli is not None:
        if not getattr(cli, "_attached", False) and not cli.groups:
            cli.attach()  # Sanic's run needs attach() first; here it is done for you
        hooks = {"parser": cli.parser, "groups": cli.groups, "on_args": cli._set_args,
                 "build_kwargs": lambda args: cli._build_run_kwargs()}
    status = main(None if parse_args is None else list(parse_args),
                  inspector_client=InspectorClient, is_atty=lambda: this.is_atty(),
                  raise_command_errors=raise_command_errors, **hooks)
    if status:
        raise SystemExit(status)


__all__ = ["AppLoader", "Group", "InspectorClient", "Sanic", "SanicArgumentParser", "SanicCLI",
           "SanicHelpFormatter", "make_inspector_parser"]

"""``sanic.cli.arguments``: the ``sanic`` command's argument groups (Hurtle's
``hurtle_cli.groups``). Subclass ``Group`` to add options to the command."""

from hurtle_cli.groups import (
    ApplicationGroup,
    DaemonGroup,
    DevelopmentGroup,
    GeneralGroup,
    Group,
    HTTPVersionGroup,
    OutputGroup,
    SocketGroup,
    TLSGroup,
    WorkerGroup,
)
from sanic.http.constants import HTTP

__all__ = ["HTTP", "ApplicationGroup", "DaemonGroup", "DevelopmentGroup", "GeneralGroup", "Group",
           "HTTPVersionGroup", "OutputGroup", "SocketGroup", "TLSGroup", "WorkerGroup"]

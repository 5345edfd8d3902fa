"""The inspector service and client for a running Hurtle server."""

from hurtle_inspector.__about__ import __version__
from hurtle_inspector.client import InspectorClient, InspectorError
from hurtle_inspector.inspector import Inspector
from hurtle_inspector.service import InspectorService

__all__ = ["Inspector", "InspectorClient", "InspectorError", "InspectorService", "__version__"]

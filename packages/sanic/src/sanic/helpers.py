"""``sanic.helpers``: Small helpers."""

from ujson import dumps as ujson_dumps  # noqa: F401 - as in Sanic

from hurtle_app.helpers import (
    STATUS_CODES,
    Default,
    _default,
    has_message_body,
    import_string,
    is_atty,
    is_entity_header,
    is_hop_by_hop_header,
)
from hurtle_http.response import json_dumps as json_dumps

__all__ = [
    "STATUS_CODES",
    "Default",
    "_default",
    "has_message_body",
    "import_string",
    "is_atty",
    "is_entity_header",
    "is_hop_by_hop_header",
    "json_dumps",
]

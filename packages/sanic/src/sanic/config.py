"""``sanic.config``: App configuration."""

from typing import Literal

from hurtle_app.app import error_logger as error_logger
from hurtle_app.config import (
    DEFAULT_CONFIG,
    SANIC_PREFIX,
    Config,
    DescriptorMeta,
    DetailedConverter,
)
from hurtle_app.config import DEFAULT_FORMAT as DEFAULT_FORMAT
from hurtle_app.errorpages import check_error_format as check_error_format
from hurtle_app.utils import load_module_from_file_location as load_module_from_file_location
from hurtle_app.utils import str_to_bool as str_to_bool
from hurtle_http.constants import LocalCertCreator as LocalCertCreator
from hurtle_http.http import Http as Http
from hurtle_http.response.file import Default as Default

#: The actions ``config.FILTER_WARNINGS`` style settings take (``warnings`` filters).
FilterWarningType = Literal["default", "error", "ignore", "always", "module", "once"]

__all__ = [
    "DEFAULT_CONFIG",
    "SANIC_PREFIX",
    "Config",
    "DescriptorMeta",
    "DetailedConverter",
    "FilterWarningType",
]

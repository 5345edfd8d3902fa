"""``sanic.utils``: Config loading helpers."""

from hurtle_app.helpers import import_string as import_string
from hurtle_app.utils import load_module_from_file_location, str_to_bool
from hurtle_http.exceptions import LoadFileException as LoadFileException
from hurtle_http.exceptions import PyFileError as PyFileError

__all__ = ["load_module_from_file_location", "str_to_bool"]

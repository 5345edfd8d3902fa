"""``sanic.utils``: Config loading helpers."""

from hurtle_app.utils import load_module_from_file_location, str_to_bool

__all__ = ["load_module_from_file_location", "str_to_bool"]

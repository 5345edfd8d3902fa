"""``sanic.application.spinner``: a spinner while something loads."""

from hurtle_app.spinner import Spinner, loading

__all__ = ["Spinner", "loading"]

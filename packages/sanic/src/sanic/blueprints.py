"""``sanic.blueprints``: Blueprints."""

from hurtle_app.blueprint_group import BlueprintGroup
from hurtle_app.blueprints import Blueprint

__all__ = ["Blueprint", "BlueprintGroup"]

"""``sanic.blueprint_group``: Blueprint groups."""

from hurtle_app.blueprint_group import BlueprintGroup

__all__ = ["BlueprintGroup"]

"""``sanic.base``: the root class of apps and blueprints."""

__all__: list[str] = []

"""``sanic.cli``: the ``sanic`` command line (Hurtle's ``hurtle_cli``)."""

__all__: list[str] = []

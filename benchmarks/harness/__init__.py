"""The benchmark harness: virtualenvs, server processes, load generation and reporting."""

__all__: list[str] = []

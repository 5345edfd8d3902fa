"""``sanic.worker``: the worker manager and what runs inside each worker process."""

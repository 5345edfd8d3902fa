"""``sanic.utils``: Config loading helpers."""

from typing import Any

from hurtle_app.helpers import import_string as import_string
from hurtle_app.utils import load_module_from_file_location, str_to_bool
from hurtle_http.exceptions import LoadFileException as LoadFileException
from hurtle_http.exceptions import PyFileError as PyFileError


def sanic_endpoint_test(
    app: Any,
    method: str = "get",
    uri: str = "/",
    gather_request: bool = True,
    *request_args: Any,
    **request_kwargs: Any,
) -> Any:
    """Sanic's first testing helper, kept for old test suites: one request through
    ``app.test_client``; ``(request, response)``, or the response alone when
    ``gather_request=False``. New tests use ``app.test_client`` directly."""
    from hurtle_app.logging.deprecation import deprecation

    # Deprecated after 0.4.0 by the guide that documents it (seed 002); not in Sanic 25.12.
    deprecation(
        "sanic_endpoint_test is not in current Sanic; Hurtle keeps it for old test "
        "suites. Use app.test_client.get(...) (or .post(...) ...) instead.",
        0.5,
    )
    request, response = getattr(app.test_client, method.lower())(
        uri, *request_args, **request_kwargs
    )
    return (request, response) if gather_request else response


__all__ = ["load_module_from_file_location", "sanic_endpoint_test", "str_to_bool"]

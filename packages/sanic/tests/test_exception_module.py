"""``sanic.exceptions`` classes print and pickle as Sanic's do (module ``sanic.exceptions``)."""

from __future__ import annotations

import pickle
import traceback

import pytest

from sanic import Sanic
from sanic.exceptions import InvalidUsage, NotFound, SanicException, ServerError


@pytest.mark.parametrize("cls", [NotFound, ServerError, SanicException, InvalidUsage])
def test_exception_classes_live_in_sanic_exceptions(cls: type) -> None:
    assert cls.__module__ == "sanic.exceptions"
    assert repr(cls).startswith("<class 'sanic.exceptions.")


def test_a_pickled_exception_comes_back_as_the_same_class() -> None:
    error = pickle.loads(pickle.dumps(NotFound("gone")))
    assert type(error) is NotFound and str(error) == "gone" and error.status_code == 404


def test_tracebacks_and_sanic_messages_name_the_sanic_module() -> None:
    try:
        raise NotFound("nope")
    except NotFound:
        assert traceback.format_exc().splitlines()[-1] == "sanic.exceptions.NotFound: nope"
    app = Sanic("exception_module")

    @app.exception(ServerError)
    async def first(request, exception): ...

    message = (
        "Duplicate exception handler definition on: route=__ALL_ROUTES__ and "
        "exception=<class 'sanic.exceptions.ServerError'>"
    )
    with pytest.raises(ServerError) as caught:

        @app.exception(ServerError)
        async def second(request, exception): ...

    assert str(caught.value) == message

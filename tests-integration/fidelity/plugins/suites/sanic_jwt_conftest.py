"""Root ``conftest.py`` for sanic-jwt's stored tests (sixth round).

Copied next to the suite's ``tests/`` folder, the same in the Sanic and the
Hurtle venv. The stored tests predate Sanic 21 (nameless ``Sanic()``),
PyJWT 2 (``jwt.decode`` without ``algorithms``) and pytest 8
(``pytest.yield_fixture``); this shim bridges the three and changes nothing
else.
"""

import itertools

import jwt
import pytest

from sanic import Sanic

if not hasattr(pytest, "yield_fixture"):
    pytest.yield_fixture = pytest.fixture

Sanic.test_mode = True
_orig_init = Sanic.__init__
_names = itertools.count()


def _init(self, name=None, *args, **kwargs):
    # Each nameless app gets a name of its own.
    _orig_init(self, name or f"sanic_jwt_test_{next(_names)}", *args, **kwargs)


Sanic.__init__ = _init
_orig_decode = jwt.decode


def _decode(token, key="", *args, **kwargs):
    if not args and "algorithms" not in kwargs:
        kwargs["algorithms"] = ["HS256"]
    return _orig_decode(token, key, *args, **kwargs)


jwt.decode = _decode

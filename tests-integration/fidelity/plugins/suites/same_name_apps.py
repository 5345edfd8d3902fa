"""Two apps made under one name (``Sanic.test_mode``), then a ``test_client`` request on the
first one: the pattern of suites that build their app in a factory called more than once
(rasa-sdk's ``create_app`` names every app ``rasa_sdk``; a module reloaded for a second
fixture). Run under either interpreter: ``python same_name_apps.py``. Prints the answer,
or, when none comes within 15 s, the stacks and exit code 1 (the watchdog bounds the run).

Found in the eighth round of real-world test suites (``../../README.md``): Sanic 25.12's
server starts but the request is never answered; Hurtle answers 200.
"""

import faulthandler

from sanic import Sanic
from sanic.response import text

Sanic.test_mode = True
faulthandler.dump_traceback_later(15, exit=True)


def make() -> Sanic:
    app = Sanic("same_name")

    @app.get("/")
    async def index(request):
        return text(f"served by app {id(request.app) == id(first)}")

    return app


first = make()
second = make()
print("latest app under the name is the second:", Sanic.get_app("same_name") is second)
_, response = first.test_client.get("/")
print("first app answered", response.status, response.text)

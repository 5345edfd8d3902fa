from typing import reveal_type

from sanic import Sanic

Sanic("T13")
app = Sanic.get_app("T13")
reveal_type(app)
reveal_type(Sanic.get_app())
reveal_type(Sanic.get_app("T13b", force_create=True))
reveal_type(app.name)

from typing import reveal_type

from sanic import response
from sanic.response import empty, html, json, raw, redirect, text

reveal_type(text("a"))
reveal_type(json({"a": 1}))
reveal_type(html("<b>x</b>"))
reveal_type(raw(b"x"))
reveal_type(redirect("/x"))
reveal_type(empty())
reveal_type(response.json([1], status=201, headers={"x": "y"}))

"""Signatures of the public callables: parameter names, kinds and default values."""

import inspect

from _probe import fmt

import sanic.response as R
from sanic import Blueprint, Request, Sanic
from sanic.blueprint_group import BlueprintGroup
from sanic.config import Config
from sanic.cookies import CookieJar
from sanic.handlers import ErrorHandler
from sanic.views import HTTPMethodView

TARGETS = {
    "Sanic.__init__": Sanic.__init__,
    "Sanic.route": Sanic.route,
    "Sanic.add_route": Sanic.add_route,
    "Sanic.get": Sanic.get,
    "Sanic.post": Sanic.post,
    "Sanic.head": Sanic.head,
    "Sanic.options": Sanic.options,
    "Sanic.websocket": Sanic.websocket,
    "Sanic.add_websocket_route": Sanic.add_websocket_route,
    "Sanic.static": Sanic.static,
    "Sanic.blueprint": Sanic.blueprint,
    "Sanic.url_for": Sanic.url_for,
    "Sanic.middleware": Sanic.middleware,
    "Sanic.register_middleware": Sanic.register_middleware,
    "Sanic.on_request": Sanic.on_request,
    "Sanic.listener": Sanic.listener,
    "Sanic.register_listener": Sanic.register_listener,
    "Sanic.signal": Sanic.signal,
    "Sanic.dispatch": Sanic.dispatch,
    "Sanic.event": Sanic.event,
    "Sanic.add_task": Sanic.add_task,
    "Sanic.get_task": Sanic.get_task,
    "Sanic.cancel_task": Sanic.cancel_task,
    "Sanic.exception": Sanic.exception,
    "Sanic.run": Sanic.run,
    "Sanic.prepare": Sanic.prepare,
    "Sanic.create_server": Sanic.create_server,
    "Sanic.get_app": Sanic.get_app,
    "Sanic.update_config": Sanic.update_config,
    "Blueprint.__init__": Blueprint.__init__,
    "Blueprint.copy": Blueprint.copy,
    "Blueprint.group": Blueprint.group,
    "BlueprintGroup.__init__": BlueprintGroup.__init__,
    "Config.__init__": Config.__init__,
    "Config.update_config": Config.update_config,
    "Config.load_environment_vars": Config.load_environment_vars,
    "ErrorHandler.add": ErrorHandler.add,
    "ErrorHandler.lookup": ErrorHandler.lookup,
    "ErrorHandler.default": ErrorHandler.default,
    "CookieJar.add_cookie": CookieJar.add_cookie,
    "CookieJar.delete_cookie": CookieJar.delete_cookie,
    "HTTPMethodView.as_view": HTTPMethodView.as_view,
    "Request.get_args": Request.get_args,
    "Request.get_query_args": Request.get_query_args,
    "Request.get_form": Request.get_form,
    "Request.url_for": Request.url_for,
    "Request.respond": Request.respond,
    "Request.load_json": Request.load_json,
}
for name in (
    "text",
    "json",
    "html",
    "raw",
    "empty",
    "redirect",
    "file",
    "file_stream",
    "validate_file",
):
    if hasattr(R, name):
        TARGETS[f"response.{name}"] = getattr(R, name)
for cls in ("HTTPResponse", "JSONResponse", "ResponseStream"):
    TARGETS[f"response.{cls}.__init__"] = getattr(R, cls).__init__
TARGETS["HTTPResponse.add_cookie"] = R.HTTPResponse.add_cookie
TARGETS["HTTPResponse.delete_cookie"] = R.HTTPResponse.delete_cookie
TARGETS["HTTPResponse.send"] = R.HTTPResponse.send
TARGETS["JSONResponse.set_body"] = R.JSONResponse.set_body

for label, fn in TARGETS.items():
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError) as e:
        print(f"{label}: no signature ({type(e).__name__})")
        continue
    parts = []
    for p in sig.parameters.values():
        if p.name == "self" or p.name == "cls":
            continue
        d = (
            ""
            if p.default is p.empty
            else "=" + fmt(p.default).replace("<object object>", "<object>")
        )
        parts.append(f"{p.kind.name[:3]}:{p.name}{d}")
    print(f"{label}({', '.join(parts)})")

"""Names imported from the module paths of older releases."""

CASES: dict[str, str] = {}

_IMPORTS = {
    "sanic.server": "HttpProtocol Signal serve serve_multiple serve_single trigger_events "
    "AsyncioServer WebSocketProtocol ConnInfo HttpProtocolMixin CIMultiDict ConnectionClosed "
    "try_use_uvloop update_current_time current_time _shutdown get_current_time",
    "sanic.handlers": "ErrorHandler ContentRangeHandler ContentRange DirectoryHandler "
    "exception_response format_exc error_logger",
    "sanic.helpers": "STATUS_CODES has_message_body remove_entity_headers is_entity_header "
    "is_hop_by_hop_header import_string Default _default",
    "sanic.compat": "Header open_async stat_async OS_IS_WINDOWS UVLOOP_INSTALLED "
    "ctrlc_workaround_for_windows enable_windows_color_support StrEnum UpperStrEnum "
    "use_context",
    "sanic.constants": "HTTP_METHODS DEFAULT_HTTP_CONTENT_TYPE HTTPMethod LocalCertCreator "
    "SAFE_HTTP_METHODS IDEMPOTENT_HTTP_METHODS CACHEABLE_HTTP_METHODS RestartOrder Server",
    "sanic.views": "HTTPMethodView CompositionView stream",
    "sanic.websocket": "WebSocketProtocol ConnectionClosed WebSocketConnection",
    "sanic.request": "Request RequestParameters File parse_multipart_form json_loads "
    "DEFAULT_HTTP_CONTENT_TYPE EXPECT_HEADER RequestProtocol",
    "sanic.response": "json_dumps BaseHTTPResponse StreamingHTTPResponse HTTPResponse "
    "ResponseStream redirect raw empty file file_stream html text json stream "
    "JSONResponse validate_file",
    "sanic.exceptions": "InvalidUsage MethodNotSupported ContentRangeError HeaderNotFound "
    "PayloadTooLarge RequestTimeout FileNotFound URLBuildError Unauthorized Forbidden "
    "ServiceUnavailable InvalidRangeType HeaderExpectationFailed LoadFileException "
    "PyFileError SanicException add_status_code abort NotFound ServerError "
    "WebsocketClosed InvalidHeader RangeNotSatisfiable BadRequest ExpectationFailed "
    "ServerKilled InvalidSignal SignalNotFound",
    "sanic.config": "Config DEFAULT_CONFIG BASE_LOGO SANIC_PREFIX",
    "sanic.app": "Sanic",
    "sanic.blueprints": "Blueprint BlueprintGroup",
    "sanic.blueprint_group": "BlueprintGroup",
    "sanic.router": "Router",
    "sanic.cookies": "Cookie CookieJar",
    "sanic.headers": "parse_content_header parse_forwarded parse_xforwarded "
    "parse_host format_http1_response fwd_normalize",
    "sanic.testing": "SanicTestClient HOST PORT",
    "sanic.utils": "load_module_from_file_location str_to_bool",
    "sanic.log": "logger error_logger access_logger log LOGGING_CONFIG_DEFAULTS",
    "sanic.server.protocols.http_protocol": "HttpProtocol",
    "sanic.server.websockets.impl": "WebsocketImplProtocol",
    "sanic.server.protocols.websocket_protocol": "WebSocketProtocol",
    "sanic.models.protocol_types": "HTMLProtocol Range TransportProtocol",
    "sanic.signals": "Event Signal SignalRouter",
    "sanic.mixins.routes": "RouteMixin",
    "sanic.base": "BaseSanic",
    "sanic.asgi": "ASGIApp",
    "sanic.http": "Http Stage",
    "sanic.reloader_helpers": "watchdog",
}

for _mod, _names in _IMPORTS.items():
    _lines = [f"import importlib\ntry:\n    m = importlib.import_module({_mod!r})\n"
              f"except Exception as e:\n    print('module', type(e).__name__)\n    raise SystemExit\n"]
    for _n in _names.split():
        _lines.append(
            f"try:\n    from {_mod} import {_n}\n    print({_n!r}, 'ok')\n"
            f"except Exception as e:\n    print({_n!r}, type(e).__name__)\n"
        )
    CASES[f"import_{_mod}"] = "".join(_lines)

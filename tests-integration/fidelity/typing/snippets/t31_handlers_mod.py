from typing import reveal_type

from sanic.errorpages import exception_response
from sanic.handlers import ContentRangeHandler, ErrorHandler
from sanic.handlers.directory import DirectoryHandler

reveal_type(ErrorHandler())
reveal_type(ErrorHandler.default)

"""The request side: ``Request``, ``RequestParameters``, ``File`` and multipart parsing."""

from hurtle_http.request.credentials import Credentials
from hurtle_http.request.form import File, parse_multipart_form
from hurtle_http.request.parameters import RequestParameters
from hurtle_http.request.types import Request

__all__ = ["Credentials", "File", "Request", "RequestParameters", "parse_multipart_form"]

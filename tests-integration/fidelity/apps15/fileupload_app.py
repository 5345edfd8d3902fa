"""pushiqiang/fileupload_sanic (src/app/*.py, src/views/*.py, src/libs/*.py), condensed.

A multipart upload parsed while it streams in (``stream=True``), each file written to a
fresh bucket folder, under a ``version='1'`` blueprint; a request middleware reading a
cookie; an ``@app.exception(Exception)`` handler answering every error as JSON through
``handle_exception``. No licence file in the stored copy.

Stands in: ``aiofiles.open`` is a plain ``open`` (not installed under Hurtle's side); the
media folder is a temporary one; marshmallow's ``ValidationError`` is a local class.
Changed: ``Sanic()`` needs a name under both (``Sanic("fileupload")``). As written,
``FileStream`` reads the body with ``request.stream.get`` (the queue of old Sanic): kept at
``/v1/upload``; ``/v1/upload-read`` is the smallest change that runs (``read``).
"""

import asyncio
import inspect
import logging
import os
import re
import tempfile
import uuid
from cgi import parse_header
from functools import partial, wraps
from urllib.parse import unquote

from sanic import Sanic
from sanic.blueprints import Blueprint
from sanic.response import json

logger = logging.getLogger(__name__)
MEDIA_DIR = tempfile.mkdtemp(prefix="fileupload-")


class ValidationError(Exception):
    field_names: list = []
    messages: dict = {}


class APIException(Exception):
    error_type = 'api_error'
    error_message = 'A server error occurred.'

    def __init__(self, error_type=None, error_message=None):
        if error_type is not None:
            self.error_type = error_type
        if error_message is not None:
            self.error_message = error_message


def failed_response(error_type, error_message, *args, **kwargs):
    body = {'ok': False, 'error_type': error_type, 'message': error_message}
    return json(body, *args, **kwargs)


async def handle_exception(exception):
    if isinstance(exception, APIException):
        response = failed_response(error_type=exception.error_type,
                                   error_message=exception.error_message)
    else:
        response = failed_response(error_type='api_error',
                                   error_message='A server error occurred.')
    logger.error('A server error occurred.', exc_info=exception)
    return response


class FileStream(object):
    def __init__(self, request, receive=None):
        content_type = request.headers.get("Content-Type", "application/octet-stream")
        content_type, parameters = parse_header(content_type)
        if content_type != "multipart/form-data":
            raise ValueError("Must be multipart/form-data")
        self.receive = receive or request.stream.get
        self.boundary = parameters["boundary"].encode("utf-8")
        self.body = b""
        self.closed = False

    def __aiter__(self):
        return self

    async def __anext__(self):
        return await File.from_boundary(self, self.receive, self.boundary)


class File(object):
    mime_type_regex = re.compile(b"Content-Type: (.*)")
    disposition_regex = re.compile(
        rb"Content-Disposition: form-data;"
        rb"(?: name=\"(?P<name>[^;]*?)\")?"
        rb"(?:; filename\*?=\"?"
        rb"(?:(?P<enc>.+?)'"
        rb"(?P<lang>\w*)')?"
        rb"(?P<filename>[^\"]*)\"?)?")

    def __init__(self, stream, receive, boundary, name, filename, mimetype):
        self.mimetype = mimetype
        self.receive = receive
        self.filename = filename
        self.name = name
        self.stream = stream
        self.tmpboundary = b"\r\n--" + boundary
        self.boundary_len = len(self.tmpboundary)
        self._last = b""
        self._size = 0
        self.body_iter = self._iter_content()

    def __aiter__(self):
        return self.body_iter

    async def _iter_content(self):
        stream = self.stream
        while True:
            if self._last:
                yield self._last
                continue
            index = self.stream.body.find(self.tmpboundary)
            if index != -1:
                read, stream.body = stream.body[:index], stream.body[index:]
                self._size += len(read)
                yield read
                if self._last:
                    yield self._last
                break
            else:
                if self.stream.closed:
                    raise RuntimeError("Uncomplete content!")
                read = stream.body[:-self.boundary_len]
                stream.body = stream.body[-self.boundary_len:]
                self._size += len(read)
                yield read
                await self.get_message(self.receive, stream)

    @staticmethod
    async def get_message(receive, stream):
        message = await receive()
        if not message:
            stream.closed = True
        stream.body += message or b""

    async def read(self, size=10240):
        read = b""
        while len(read) < size:
            try:
                buffer = await self.body_iter.asend(None)
            except StopAsyncIteration:
                return read
            read = read + buffer
            read, self._last = read[:size], read[size:]
        return read

    @classmethod
    async def from_boundary(cls, stream, receive, boundary):
        tmp_boundary = b"--" + boundary
        while not stream.closed:
            await cls.get_message(receive, stream)
            if b"\r\n\r\n" in stream.body and tmp_boundary in stream.body or stream.closed:
                break
        return cls(stream, receive, boundary, *cls.parse_headers(stream, tmp_boundary))

    @classmethod
    def parse_headers(cls, stream, tmp_boundary):
        end_boundary = tmp_boundary + b"--"
        body = stream.body
        index = body.find(tmp_boundary)
        if index == body.find(end_boundary):
            raise StopAsyncIteration
        body = body[index + len(tmp_boundary):]
        header_str = body[:body.find(b"\r\n\r\n")]
        body = body[body.find(b"\r\n\r\n") + 4:]
        groups = cls.disposition_regex.search(header_str).groupdict()
        filename = groups["filename"] and unquote(groups["filename"].decode())
        if groups["enc"]:
            filename = filename.encode().decode(groups["enc"].decode())
        name = groups["name"].decode()
        mth = cls.mime_type_regex.search(header_str)
        mimetype = mth and mth.group(1).decode()
        stream.body = body
        assert name, "FileStream iterated without File consumed. "
        return name, filename, mimetype


def wrap(func):
    @wraps(func)
    async def run(*args, loop=None, executor=None, **kwargs):
        if loop is None:
            loop = asyncio.get_event_loop()
        pfunc = partial(func, *args, **kwargs)
        return await loop.run_in_executor(executor, pfunc)
    return run


class Wrapper:
    pass


def aiowrap(obj):
    if callable(obj):
        return wrap(obj)
    elif inspect.ismodule(obj) or inspect.isclass(obj):
        wrapped_obj = Wrapper()
        attrnames = getattr(obj, '__all__', None) or dir(obj)
        for attrname in attrnames:
            if attrname.startswith('__'):
                continue
            setattr(wrapped_obj, attrname, aiowrap(getattr(obj, attrname)))
        return wrapped_obj
    return obj


api_blueprint = Blueprint('file_batch_upload', version='1')
aios = aiowrap(os)


async def _save(request, stream):
    bucket = uuid.uuid4().hex
    bucket_dir = os.path.join(MEDIA_DIR, bucket)
    await aios.makedirs(bucket_dir)
    saved, args = {}, {}
    async for file in stream:
        if file.filename:
            with open(os.path.join(bucket_dir, os.path.basename(file.filename)), 'wb') as f:
                async for chuck in file:
                    f.write(chuck)
            saved[file.filename] = os.path.getsize(
                os.path.join(bucket_dir, os.path.basename(file.filename)))
        else:
            arg = await file.read()
            args[file.name] = arg.decode()
            print(f"Form参数：{file.name}={arg.decode()}")
    # the original answers {'ok': True, 'bucket': bucket}; the bucket is random
    return json({'ok': True, 'files': saved, 'args': args})


@api_blueprint.post('/upload', stream=True)
async def upload(request):
    return await _save(request, FileStream(request))


@api_blueprint.post('/upload-read', stream=True)
async def upload_read(request):
    return await _save(request, FileStream(request, request.stream.read))


async def authenticate(request):
    ticket = request.cookies.get('ticket', None)
    if ticket == 'bad':
        raise APIException(error_type='unauthorized', error_message='无ticket信息')


app = Sanic("fileupload")
app.middleware('request')(authenticate)
app.blueprint(api_blueprint)


@app.exception(Exception)
async def handle_dispatch_exception(request, exception):
    return (await handle_exception(exception))

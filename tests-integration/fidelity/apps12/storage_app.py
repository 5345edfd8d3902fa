"""belf-kr/storage-service (Application.py, API/__init__.py, API/Default.py, API/Upload.py,
API/Download.py, Manager/File/FileManager.py, Manager/Response/...), condensed: a `Sanic`
subclass whose `__init__` passes every argument on with `strict_slashes=False`,
`Blueprint.group(..., version=1, version_prefix="/api/v")`, the sanic_gzip `Compress`
decorator on each route, an upload read from `request.files` and written by a task added
with `request.app.add_task`, a download answered with `file_stream(..., chunk_size=4096,
mime_type=..., filename=..., headers={"Content-Length": ...})`, and handlers still marked
TODO that return None (as written). As written its `__init__` also passes `load_env=` and
`register=`, which both refuse alike (`unexpected keyword argument`); left out here. Stand-ins: Tortoise's File model (a dict with ids
counted from 1 in a uuid namespace), sanic_gzip (gzip when the client accepts it, as
that package does), CORS and the config singletons (left out)."""

import gzip
import mimetypes
import os
import shutil
import uuid
from enum import IntEnum
from functools import wraps
from pathlib import Path
from uuid import UUID

from sanic import Blueprint, Request, Sanic
from sanic.response import empty, file_stream, json

ROOT = Path("/tmp/apps12-storage")
shutil.rmtree(ROOT, ignore_errors=True)
ROOT.mkdir()
FILES = {}


class Compress:
    def compress(self):
        def deco(f):
            @wraps(f)
            async def wrapped(request, *args, **kwargs):
                response = await f(request, *args, **kwargs)
                if (response is not None and "gzip" in request.headers.get("Accept-Encoding", "")
                        and getattr(response, "body", None) and len(response.body) > 8):
                    response.body = gzip.compress(response.body, mtime=0)
                    response.headers["Content-Encoding"] = "gzip"
                    response.headers["Content-Length"] = len(response.body)
                    response.headers["Vary"] = "Accept-Encoding"
                return response
            return wrapped
        return deco


compress = Compress()


class FileErrorCode(IntEnum):
    ERROR_SUCCESS = 0
    ERROR_NOT_FOUND = 1
    ERROR_KEY_NOT_FOUND = 2
    ERROR_VALUE_NOT_FOUND = 3
    ERROR_ZERO_SIZE = 4
    ERROR_EMPTY_NAME = 5


class FileManager:
    @staticmethod
    def validate_files(files) -> FileErrorCode:
        if files is None:
            return FileErrorCode.ERROR_NOT_FOUND
        if len(files.keys()) == 0:
            return FileErrorCode.ERROR_KEY_NOT_FOUND
        for file_key in files.keys():
            file = files.get(file_key)
            if file is None:
                return FileErrorCode.ERROR_VALUE_NOT_FOUND
            if len(file.body) == 0:
                return FileErrorCode.ERROR_ZERO_SIZE
            if len(file.name) == 0:
                return FileErrorCode.ERROR_EMPTY_NAME
        return FileErrorCode.ERROR_SUCCESS

    @staticmethod
    async def upload_file(file, file_id: str) -> None:
        (ROOT / file_id).write_bytes(file.body)

    @staticmethod
    async def upload_file_from_request(request: Request, file_key: str):
        user_id = request.form.get("userId")
        error_code = FileManager.validate_files(request.files)
        file_id = ""
        if error_code == FileErrorCode.ERROR_SUCCESS:
            file = request.files.get(file_key)
            file_id = str(uuid.uuid5(uuid.NAMESPACE_URL, str(len(FILES) + 1)))
            FILES[file_id] = {"name": file.name, "mime": mimetypes.guess_type(file.name)[0],
                              "size": len(file.body), "user": user_id}
            request.app.add_task(FileManager.upload_file(file, file_id))
        return error_code, file_id


default = Blueprint(name="api_default", url_prefix="/default")
upload = Blueprint(name="api_upload", url_prefix="/upload")
download = Blueprint(name="api_download", url_prefix="/download")
information = Blueprint(name="api_information", url_prefix="/information")


@default.get("/ping")
@compress.compress()
async def getPing(_):
    return empty(status=200)


@upload.post("/")
@compress.compress()
async def file_upload(request: Request):
    error_code, file_pk = await FileManager.upload_file_from_request(request, "file")
    print(error_code, file_pk)
    return json({"code": int(error_code), "message": error_code.name, "pk": file_pk},
                status=201 if error_code == FileErrorCode.ERROR_SUCCESS else 400)


@upload.patch("/<file_id:uuid>")
@compress.compress()
async def file_patch(request: Request, file_id: UUID):
    ...


@upload.post("/background", stream=True)
@compress.compress()
async def file_stream_upload(request: Request):
    ...


@download.get("/<file_id:uuid>")
async def download_by_id(_, file_id: UUID):
    model = FILES[str(file_id)]
    return await file_stream(str(ROOT / str(file_id)), chunk_size=4096, mime_type=model["mime"],
                             filename=model["name"], headers={"Content-Length": str(model["size"])})


@information.get("/<file_id:uuid>")
@compress.compress()
async def info_by_id(_, file_id: UUID):
    return json({"id": str(file_id), **FILES[str(file_id)]}, default=str)


api = Blueprint.group(default, download, upload, information, version=1, version_prefix="/api/v")


class Application(Sanic):
    def __init__(self, config=None, ctx=None, router=None, signal_router=None, error_handler=None,
                 env_prefix="SANIC_", request_class=None, strict_slashes=False,
                 log_config=None, configure_logging=True, dumps=None) -> None:
        super().__init__(name="storage-service", config=config, ctx=ctx, router=router,
                         signal_router=signal_router, error_handler=error_handler,
                         env_prefix=env_prefix, request_class=request_class, strict_slashes=strict_slashes,
                         log_config=log_config, configure_logging=configure_logging,
                         dumps=dumps)

    def set_events(self):
        @self.listener("before_server_start")
        async def before_server_start(app, loop):
            print("before_server_start", os.getpid() > 0)

        @self.listener("after_server_stop")
        async def after_server_start(app, loop):
            print("after_server_stop")


app = Application()
app.set_events()
app.blueprint(api)

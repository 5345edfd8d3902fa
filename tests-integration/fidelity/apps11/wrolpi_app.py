"""lrnselfreliance/wrolpi, the chunked file upload of wrolpi/files/api.py (``files_bp =
Blueprint('Files', '/api/files')``): form fields read as ``request.form['x'][0]``, the
chunk from ``request.files['chunk'][0].body``, progress kept in ``api_app.shared_ctx``
(a ``multiprocessing.Manager().dict()`` made in ``main_process_start``, shared by the
workers), statuses given as ``HTTPStatus`` members (``response.empty(HTTPStatus.CREATED)``,
a 416 ``json_response``), errors raised ``from e``. Stand-ins: wrolpi.errors' API errors
and the app's handler turning them into JSON (written here), ``get_media_directory`` (a
folder under /tmp made fresh at start), ``background_task`` (a print); run with
``python wrolpi_app.py`` (two workers)."""

import multiprocessing
import os
import pathlib
import shutil
from http import HTTPStatus

import sanic.request
from sanic import Blueprint, Request, Sanic, response

MEDIA = pathlib.Path("/tmp/apps11-wrolpi-media")


class APIError(Exception):
    code = "UNKNOWN_ERROR"
    summary = "An unknown error has occurred"
    status = HTTPStatus.INTERNAL_SERVER_ERROR

    def __init__(self, message: str = None, *args, **kwargs):
        super().__init__(message or self.summary, *args)
        self.message = message or self.summary


class UnknownDirectory(APIError):
    code = "UNKNOWN_DIRECTORY"
    summary = "The directory does not exist"
    status = HTTPStatus.NOT_FOUND


class FileUploadFailed(APIError):
    code = "FILE_UPLOAD_FAILED"
    summary = "Failed to upload file"
    status = HTTPStatus.BAD_REQUEST


def json_response(body, status=HTTPStatus.OK):
    return response.json(body, status, default=str)


def get_media_directory():
    return MEDIA


def background_task(what):
    print("background task:", what)


class lib:
    @staticmethod
    def refresh_files(paths):
        return f"refresh {[p.name for p in paths]}"


api_app = Sanic("api_app")


@api_app.main_process_start
async def main_start(app):
    app.shared_ctx.uploaded_files = multiprocessing.Manager().dict()
    shutil.rmtree(MEDIA, ignore_errors=True)
    (MEDIA / "videos").mkdir(parents=True)
    print("main_process_start: media ready")


@api_app.exception(APIError)
async def api_error_handler(request, exception: APIError):
    body = {"error": exception.message, "code": exception.code, "summary": exception.summary}
    if exception.__cause__ is not None:
        body["cause"] = type(exception.__cause__).__name__
    return json_response(body, exception.status)


files_bp = Blueprint('Files', '/api/files')


@files_bp.post('/upload')
async def post_upload(request: Request):
    try:
        destination = request.form['destination'][0]
    except Exception as e:
        print('Failed to get upload destination', type(e).__name__)
        raise UnknownDirectory('Must provide destination') from e

    destination = get_media_directory() / destination
    if not destination.is_dir():
        raise UnknownDirectory('Destination must be a relative directory that is already in the media directory!')

    try:
        filename = str(request.form['filename'][0])
    except Exception:
        raise FileUploadFailed('filename string is required')

    try:
        chunk_num = int(request.form['chunkNumber'][0])
    except Exception:
        raise FileUploadFailed('chunkNumber integer is required')

    try:
        total_chunks = int(request.form['totalChunks'][0])
    except Exception:
        raise FileUploadFailed('totalChunks integer is required')

    filename = pathlib.Path(filename.lstrip('/'))
    output = destination / filename
    output_str = str(output)

    expected_chunk_num = api_app.shared_ctx.uploaded_files.get(output_str, 0)

    chunk_size = int(request.form['chunkSize'][0])
    chunk: sanic.request.File = request.files['chunk'][0]
    if (body_size := len(chunk.body)) != chunk_size:
        raise FileUploadFailed(f'Chunk size does not match the size of the chunk! {chunk_size} != {body_size=}')

    if chunk_num == 0 and output.is_file() and output_str in api_app.shared_ctx.uploaded_files:
        print(f'Restarting upload of {repr(output_str)}')
        output.unlink()
        expected_chunk_num = 0

    if expected_chunk_num != chunk_num:
        return json_response({'expected_chunk': expected_chunk_num}, HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)

    if chunk_num == 0 and output.is_file():
        raise FileUploadFailed('File already exists!')
    if output.is_dir():
        raise FileUploadFailed('File already exists as a directory!')

    if chunk_num == 0:
        try:
            output.touch()
        except FileNotFoundError:
            output.mkdir(parents=True)
            output.rmdir()
        with output.open('wb') as fh:
            fh.write(chunk.body)
    else:
        with output.open('ab') as fh:
            fh.write(chunk.body)

    expected_chunk_num += 1
    api_app.shared_ctx.uploaded_files[output_str] = expected_chunk_num

    if chunk_num == total_chunks:
        del api_app.shared_ctx.uploaded_files[output_str]
        background_task(lib.refresh_files([output.parent]))
        return response.empty(HTTPStatus.CREATED)

    return json_response({'expected_chunk': expected_chunk_num}, HTTPStatus.OK)


@files_bp.get('/peek/<name:path>')
async def peek(request: Request, name: str):
    """(Added) what the upload wrote."""
    path = get_media_directory() / name
    return response.text(path.read_text() if path.is_file() else "<none>")


api_app.blueprint(files_bp)
app = api_app

if __name__ == "__main__":
    api_app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", 8081)), workers=2)

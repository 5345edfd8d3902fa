"""novex-ai/chatbot-confidential, backend_sanic (app.py, db.py, api/__init__.py,
api/hello_world.py, api/upload.py, api/chat.py and api/file_uploads.py, condensed; no
licence file in the stored copy). A `Blueprint.group(...)` registered with
`app.blueprint(group, url_prefix="/api")`, routes with `methods={"POST"}` (a set), a
request middleware setting a `ContextVar` and a response middleware resetting it with its
token (which needs both to run in the same context), a chat answer streamed with
`request.respond(content_type="text/plain")`, `send()` per generated piece and `eof()`,
upload reading `request.files.items()`, and the single-page front end served with
`app.static("", folder, index="index.html")`.

Stand-ins: SQLAlchemy's session (an object with `begin()` and `close()` counting in
`app.ctx`), the embedding model and the LLM's streamed JSON lines (a fixed split of the
prompt), `sanic_ext.validate(json=ChatRequest)` (a decorator building the dataclass from
`request.json`, a 400 when it cannot), the front end's build (`chatbot_spa/`). Left out:
`Extend(app)` and the `openapi` decorators. `file_uploads` (not in the stored group) is
added to the group.
"""

import json
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from sanic import Blueprint, Request, Sanic
from sanic.exceptions import BadRequest
from sanic.log import logger
from sanic.response import json as json_response
from sanic.response import text as text_response


# stand-in for sanic_ext.validate
def validate(json=None):
    def decorator(handler):
        @wraps(handler)
        async def wrapped(request, *args, **kwargs):
            try:
                body = json(**(request.json or {}))
            except TypeError as exc:
                raise BadRequest(f"Invalid request body: {json.__name__}. Error: {exc}")
            return await handler(request, *args, body=body, **kwargs)

        return wrapped

    return decorator


# db.py with the session stood in
class _Session:
    def __init__(self):
        self.closed = False

    @asynccontextmanager
    async def begin(self):
        yield self

    async def close(self):
        self.closed = True
        Sanic.get_app("app").ctx.closed += 1


_base_model_session_ctx = ContextVar("session")


async def inject_sqlalchemy_session(request):
    request.ctx.session = _Session()
    request.ctx.session_ctx_token = _base_model_session_ctx.set(request.ctx.session)


async def close_sqlalchemy_session(request):
    if hasattr(request.ctx, "session_ctx_token"):
        _base_model_session_ctx.reset(request.ctx.session_ctx_token)
        await request.ctx.session.close()


# stand-ins for embeddings.py and api_generate.py
def get_embedding_model():
    return object()


class _Generated:
    status = 200

    def __init__(self, prompt):
        self.pieces = [w + " " for w in prompt.split()[:6]]

    @property
    def content(self):
        return self

    async def iter_any(self):
        for piece in self.pieces:
            yield json.dumps({"response": piece}).encode()


@asynccontextmanager
async def generate_text(prompt, stream=True):
    yield _Generated(prompt)


UPLOADS = []


# api/hello_world.py
hello_world_bp = Blueprint("hello_world")


@hello_world_bp.route("/hello_world")
async def hello_world(request):
    return json_response({"msg": "Hello World"})


# api/upload.py
upload_bp = Blueprint("upload")


@upload_bp.route("/upload", methods={"POST"})
async def upload(request):
    for filename, files in request.files.items():
        file = files[0]
        logger.info(repr(filename))
        logger.info(f"{file.name=} {file.type=} {len(file.body)=}")
        UPLOADS.append({"field": filename, "name": file.name, "size": len(file.body)})
    return json_response({"msg": "OK"})


# api/chat.py
@dataclass
class ChatRequest:
    msg: str


chat_bp = Blueprint("chat")


@chat_bp.route("/chat", methods={"POST"})
@validate(json=ChatRequest)
async def chat(request: Request, body: ChatRequest):
    """Generate text from a prompt msg"""
    chat_msg = body.msg
    if not chat_msg:
        return text_response("error: msg not provided", status=400)
    if chat_msg.endswith("?"):
        prompt_msg = f"Answer the following question. Question: {chat_msg}"
    else:
        prompt_msg = chat_msg
    sanic_response = await request.respond(content_type="text/plain")
    complete_text = ""
    async with generate_text(prompt_msg, stream=True) as response:
        async for data in response.content.iter_any():
            data_obj = json.loads(data.decode("utf-8"))
            response_text = data_obj["response"]
            complete_text += response_text
            await sanic_response.send(response_text)
    await sanic_response.eof()
    logger.info(f"handled {prompt_msg=} with {complete_text=}")


# api/file_uploads.py
file_uploads_bp = Blueprint("file_uploads")


@file_uploads_bp.route("/file_uploads", methods={"GET"})
async def get_file_uploads(request: Request):
    session = request.ctx.session
    async with session.begin():
        rows = list(UPLOADS)
    return json_response({"file_uploads": rows, "closed_sessions": request.app.ctx.closed})


api_bp = Blueprint.group(hello_world_bp, upload_bp, chat_bp, file_uploads_bp)

# app.py
app = Sanic("app")
app.config.CORS_ORIGINS = ["http://localhost:9000"]
app.ctx.closed = 0


@app.before_server_start
async def before_server_start(app):
    model = get_embedding_model()
    assert model is not None


@app.middleware("request")
async def inject_session(request):
    await inject_sqlalchemy_session(request)


@app.middleware("response")
async def close_session(request, response):
    await close_sqlalchemy_session(request)


app.blueprint(api_bp, url_prefix="/api")
app.static("", "chatbot_spa/", index="index.html")

"""NovakMateusz/crispy-sentiment-backend (app/service/__init__.py, settings.py,
listeners/__init__.py, middlewares/__init__.py, utils/CORS.py and the information and
prediction blueprints, condensed; no licence file in the stored copy). A factory applying
a settings class with `update_config(Settings)`, `Blueprint.group([...], version_prefix=
"/api/v")` given a *list* of blueprints that each carry `version=1`, a sync and two async
`before_server_start` listeners registered with `register_listener`, a request middleware
that writes a header into `request.headers`, and response middleware that read
`request.route.methods` and `response.headers.extend(dict)`.

Stand-ins: the Azure download (a no-op that clears the connection string), the ML
predictor and the sentence splitter (word lists and a split on ". "), and `uuid.uuid4`
(a counter, so the answers compare).
"""

import itertools
import os
import pathlib
from typing import FrozenSet

import sanic


# stand-in for uuid.uuid4: deterministic ids
class _uuid:
    _n = itertools.count(1)

    @classmethod
    def uuid4(cls):
        return f"00000000-0000-4000-8000-{next(cls._n):012d}"


uuid = _uuid


class Settings:
    APP_NAME = os.environ.get("APP_NAME", "crispy-sentiment")
    TENANT = os.environ.get("TENANT")
    CONNECTION_STRING = os.environ.get("CONNECTION_STRING")
    AZURE_CONTAINER_NAME = f"crispy-sentiment-{TENANT}"
    MODEL_HASH = os.environ.get("MODEL_HASH", "Testing")
    ARTIFACTS_PATH = pathlib.Path(os.environ.get("ARTIFACTS_PATH", pathlib.Path("app/artifacts")))
    MODEL_PATH = ARTIFACTS_PATH / MODEL_HASH


# stand-ins for app.core.ml.Predictor and sentence_splitter.SentenceSplitter
class Predictor:
    def __init__(self, path):
        self.path = path

    async def async_load(self):
        self.loaded = True

    def predict(self, text):
        lowered = text.lower()
        if any(w in lowered for w in ("good", "great", "love")):
            return "positive"
        if any(w in lowered for w in ("bad", "awful", "hate")):
            return "negative"
        return "neutral"

    def get_info(self):
        return {"model": str(self.path), "labels": ["negative", "neutral", "positive"]}


class SentenceSplitter:
    def __init__(self, language):
        self.language = language

    def split(self, text):
        return [s if s.endswith(".") else s for s in text.split(". ")]


# utils/CORS.py
def add_cors_headers(response: sanic.HTTPResponse, methods: FrozenSet[str]) -> None:
    allow_methods = list(methods)
    if "OPTIONS" not in allow_methods:
        allow_methods.append("OPTIONS")
    headers = {
        "Access-Control-Allow-Methods": ", ".join(allow_methods),
        "Access-Control-Allow-Origin": "http://localhost:8080",
        "Access-Control-Allow-Headers": "Origin, Content-Type, Accept, Authorization, X-XSRF-TOKEN, X-Request-ID",
    }
    response.headers.extend(headers)


def add_cors_headers_to_options(response: sanic.HTTPResponse, methods: FrozenSet[str]) -> None:
    allow_methods = list(methods)
    headers = {
        "Access-Control-Allow-Methods": ", ".join(allow_methods),
        "Access-Control-Allow-Origin": "http://localhost:8080",
        "Access-Control-Allow-Headers": "Origin, Content-Type, Accept, Authorization, X-XSRF-TOKEN, X-Request-ID",
        "Connection": "Keep-Alive",
    }
    response.headers.extend(headers)


# middlewares/__init__.py
def set_cors_headers_on_response(request: sanic.Request, response: sanic.HTTPResponse) -> None:
    if request.route:
        if request.method != "OPTIONS":
            add_cors_headers(response, request.route.methods)
        else:
            add_cors_headers_to_options(response, request.route.methods)


def set_x_request_id_on_request(request: sanic.Request) -> None:
    if "X-Request-ID" not in request.headers:
        request.headers["X-Request-ID"] = str(uuid.uuid4())


def set_x_request_id_on_response(request: sanic.Request, response: sanic.HTTPResponse) -> None:
    response.headers["X-Request-ID"] = request.headers["X-Request-ID"]


# listeners/__init__.py
def download_artifacts(app: sanic.Sanic) -> None:
    app.config.CONNECTION_STRING = None


async def load_ml_model(app: sanic.Sanic) -> None:
    predictor = Predictor(app.config.MODEL_PATH)
    await predictor.async_load()
    app.ctx.predictor = predictor


async def setup_sentence_splitter(app: sanic.Sanic) -> None:
    app.ctx.splitter = SentenceSplitter(language=app.config.TENANT)


# blueprints
information_blueprint = sanic.Blueprint("informations", version=1)


@information_blueprint.route("/information")
async def predict_info_view(request: sanic.Request) -> sanic.HTTPResponse:
    return sanic.json(request.app.ctx.predictor.get_info())


prediction_blueprint = sanic.Blueprint("predictions", version=1)


@prediction_blueprint.route("/predict", methods=["POST"])
async def predict_view(request: sanic.Request) -> sanic.HTTPResponse:
    text = request.json["text"]
    return sanic.json(
        [{"start": 0, "stop": len(text), "sentiment": request.app.ctx.predictor.predict(text)}]
    )


@prediction_blueprint.route("/predict-sentence", methods=["POST"])
async def predict_sentence_view(request: sanic.Sanic) -> sanic.HTTPResponse:
    input_text = request.json["text"]
    sentences = request.app.ctx.splitter.split(input_text)
    output = []
    last_stop = None
    for sentence in sentences:
        if sentence != "":
            sentence_start = input_text.index(sentence, last_stop)
            sentence_stop = sentence_start + len(sentence)
            output.append(
                {
                    "start": sentence_start,
                    "stop": sentence_stop,
                    "sentiment": request.app.ctx.predictor.predict(sentence),
                }
            )
            last_stop = sentence_stop
    return sanic.json(output)


def _register_blueprints(app: sanic.Sanic) -> None:
    api = sanic.Blueprint.group([prediction_blueprint, information_blueprint], version_prefix="/api/v")
    app.blueprint(api)


def _register_listeners(app: sanic.Sanic) -> None:
    app.register_listener(download_artifacts, "before_server_start")
    app.register_listener(load_ml_model, "before_server_start")
    app.register_listener(setup_sentence_splitter, "before_server_start")


def _register_middlewares(app: sanic.Sanic) -> None:
    app.register_middleware(set_cors_headers_on_response, "response")
    app.register_middleware(set_x_request_id_on_request, "request")
    app.register_middleware(set_x_request_id_on_response, "response")


def create_app() -> sanic.Sanic:
    app = sanic.Sanic(name=Settings.APP_NAME)
    app.update_config(Settings)
    _register_blueprints(app)
    _register_listeners(app)
    _register_middlewares(app)
    return app


app = create_app()

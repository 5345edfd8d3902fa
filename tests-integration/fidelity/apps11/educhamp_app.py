"""A survey-processing service ("educhamp"): ``create_app()`` builds ``Sanic("educhamp")``
with ``config.TOUCHUP = False`` under coverage, a signal handler defined inside the factory
(``@app.signal("survey.secondary_analysis.generate")`` taking ``**context``) and a POST
route that stores the insights, then ``await request.app.dispatch(..., context=...)``
with the new document's id. Stand-ins: sanic-ext's ``@validate(json=Payload)`` (the body
checked into a dataclass, a 400 otherwise, the model passed as ``body``), AIOTinyDB (a
list), the Insights/Statistics models (counts); ``/db`` (added) shows the stored docs."""

import asyncio
import dataclasses
import os
from functools import wraps

from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.request import Request
from sanic.response import JSONResponse, json

DB: list = []


class AIOTinyDB:
    def __init__(self, path):
        self.path = path

    async def __aenter__(self):
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc):
        return False

    def insert(self, doc):
        DB.append(dict(doc))
        return len(DB)

    def update(self, fields, doc_ids):
        for i in doc_ids:
            DB[i - 1].update(fields)


@dataclasses.dataclass
class Payload:
    user_id: str
    answers: list

    def model_dump(self):
        return dataclasses.asdict(self)


@dataclasses.dataclass
class Insights:
    answered: int
    average: float

    @classmethod
    async def from_payload(cls, body):
        scores = [a for a in body.answers if isinstance(a, (int, float))]
        return cls(len(body.answers), round(sum(scores) / len(scores), 2) if scores else 0.0)

    def model_dump(self):
        return dataclasses.asdict(self)


@dataclasses.dataclass
class Statistics:
    numeric: int

    @classmethod
    def from_payload(cls, body):
        return cls(sum(isinstance(a, (int, float)) for a in body.answers))

    def model_dump(self):
        return dataclasses.asdict(self)


def validate(json=None):
    def deco(f):
        @wraps(f)
        async def wrapped(request, *args, **kwargs):
            data = request.json
            if not isinstance(data, dict):
                raise BadRequest("Invalid request body: not an object")
            try:
                body = json(**data)
            except TypeError as exc:
                raise BadRequest(f"Invalid request body: {json.__name__}. Error: {exc}") from None
            return await f(request, *args, body=body, **kwargs)
        return wrapped
    return deco


DB_PATH = "db.json"


def create_app() -> Sanic:
    app = Sanic("educhamp")

    if "COVERAGE_RUN" in os.environ:
        app.config.TOUCHUP = False

    @app.signal("survey.secondary_analysis.generate")
    async def secondary_analysis(**context):
        doc_id = context["doc_id"]
        async with AIOTinyDB(DB_PATH) as db:
            statistics = Statistics.from_payload(context["payload"])
            db.update(statistics.model_dump(), doc_ids=[doc_id])

    @app.post("/process-survey")
    @validate(json=Payload)
    async def process_survey(request: Request, body: Payload) -> JSONResponse:
        insights = await Insights.from_payload(body)
        insight_json = insights.model_dump()

        async with AIOTinyDB(DB_PATH) as db:
            doc_id = db.insert(insight_json | {"user_id": body.user_id})
            context = {"doc_id": doc_id, "payload": body}
            await request.app.dispatch("survey.secondary_analysis.generate", context=context)

        return json(insight_json)

    @app.get("/db")
    async def show(request):
        await asyncio.sleep(0.05)
        return json(DB)

    return app


os.environ.setdefault("COVERAGE_RUN", "1")
app = create_app()

"""PacktPublishing/Python-Web-Development-with-Sanic, Chapter06/inprocess-queue (server.py,
job/blueprint.py, startup.py, view.py, worker.py, job.py, backend.py, model.py,
operations/; the book's code repository, no licence file stored with it). A job queue
inside the server: a blueprint whose three `after_server_start` listeners put a file backend,
an `asyncio.Queue` and an operation registry on `app.ctx` and start `NUM_TASK_WORKERS`
workers with `app.add_task`; `HTTPMethodView`s at `""` and `"/<uid:uuid>"` under
`url_prefix="/job"`; `InvalidUsage` for a missing operation; a job's details answered as
`json(JobDetails)` where the dataclass has a `__json__` method (ujson's hook).

Changed: the backend file is `/tmp/packtjobs-<pid>.db` (as written `./db`, shared by both
runs here); `Hello.run` sleeps 0.3 s (as written 10 s). The modules are joined into one
file, in their order.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Dict, Type
from uuid import UUID, uuid4

import ujson as json

from sanic import Blueprint, Sanic
from sanic import json as sanic_json
from sanic.exceptions import InvalidUsage
from sanic.views import HTTPMethodView


# job/model.py
@dataclass
class JobDetails:
    uid: UUID
    name: str
    complete: bool
    timestamp: datetime
    kwargs: Dict[str, Any]
    return_value: Any

    def __json__(self):
        output = asdict(self)
        output["uid"] = str(self.uid)
        output["timestamp"] = self.timestamp.isoformat()
        return json.dumps(output)


# job/backend.py
class Backend(ABC):
    @abstractmethod
    async def store(self, *_, **__):
        ...

    @abstractmethod
    async def fetch(self, *_, **__):
        ...

    @abstractmethod
    async def start(self, *_, **__):
        ...

    @abstractmethod
    async def stop(self, *_, **__):
        ...


class FileBackend(Backend):
    def __init__(self, path):
        self.path = path

    async def store(self, key, value):
        with open(self.path, "a") as f:
            f.write(f"{key}|{value}\n")

    async def fetch(self, key, chunk=4096):
        size = os.stat(self.path)[6]
        count = 1
        value = None
        with open(self.path, "rb") as f:
            if size > chunk:
                f.seek(-1 * chunk * count, 2)

            data = f.read(chunk).split(b"\n")
            if not data[-1]:
                data = data[:-1]

            while value is None:
                while len(data) == 1 and ((count * chunk) < size):
                    count = count + 1
                    line = data[0]
                    try:
                        f.seek(-1 * chunk * count, 2)
                        data = (f.read(chunk) + line).split(b"\n")
                    except IOError:
                        f.seek(0)
                        pos = size - (chunk * (count - 1))
                        data = (f.read(pos) + line).split(b"\n")

                if len(data) == 0:
                    return None

                line = data[-1]

                if line.startswith(str(key).encode()):
                    value = line
                else:
                    data.pop()

        raw = list(value.strip().decode("utf-8").split("|"))
        raw[0] = UUID(raw[0])
        raw[2] = bool(int(raw[2]))
        raw[3] = datetime.fromisoformat(raw[3])
        raw[4] = json.loads(raw[4])
        raw[5] = json.loads(raw[5])
        return JobDetails(*raw)

    async def start(self, job):
        await self.store(
            job.uid,
            "|".join(
                [
                    job.operation,
                    str(0),
                    datetime.utcnow().isoformat(),
                    json.dumps(job.kwargs),
                    json.dumps(job.retval),
                ]
            ),
        )

    async def stop(self, job):
        await self.store(
            job.uid,
            "|".join(
                [
                    job.operation,
                    str(1),
                    datetime.utcnow().isoformat(),
                    json.dumps(job.kwargs),
                    json.dumps(job.retval),
                ]
            ),
        )


# job/operations/
class Operation(ABC):
    @abstractmethod
    async def run(self, **_):
        raise NotImplementedError


class Hello(Operation):
    async def run(self, name="world"):
        message = f"Hello, {name}"
        print(message)
        await asyncio.sleep(0.3)
        print("Done.")
        return message


class OperationRegistry:
    _singleton = None
    operations: Dict[str, Type[Operation]]

    def __new__(cls, *args, **kwargs):
        if cls._singleton is None:
            cls._singleton = super().__new__(cls)
            cls._singleton.operations = {}

        return cls._singleton

    def __init__(self, *operations: Type[Operation]) -> None:
        for operation in operations:
            self.register(operation)

    def register(self, operation: Type[Operation]) -> None:
        name = operation.__name__.lower()
        self.operations[name] = operation

    def get(self, name: str) -> Type[Operation]:
        return self.operations[name]


# job/job.py
class Job:
    def __init__(self, operation: str, backend, uid=None, kwargs=None) -> None:
        self.operation = operation
        self.uid = uid or uuid4()
        self.backend = backend
        self.kwargs = kwargs or {}
        self.retval = None

    async def execute(self, operation: Operation):
        print(f"Executing {self.operation}")
        self.retval = await operation.run(**self.kwargs)

    async def __aenter__(self):
        operation_class = OperationRegistry().get(self.operation)

        if operation_class:
            operation = operation_class()
            await self.backend.start(self)
            return operation
        else:
            raise Exception(f"No operation named {self.operation}")

    async def __aexit__(self, *_):
        await self.backend.stop(self)

    @classmethod
    async def create(cls, job: Dict[str, Any], backend):
        operation = job["operation"]
        uid = job["uid"]
        return cls(operation, backend, uid=uid, kwargs=job["kwargs"])


# job/worker.py
async def worker(name, queue, backend):
    while True:
        job = await queue.get()
        if not job:
            break

        size = queue.qsize()
        print(f"[{name}] Running {job}. {size} in queue.")

        job_instance = await Job.create(job, backend)

        async with job_instance as operation:
            await job_instance.execute(operation)


# job/startup.py
async def setup_job_fetch(app, _):
    app.ctx.jobs = FileBackend(f"/tmp/packtjobs-{os.getpid()}.db")


async def setup_task_executor(app, _):
    app.ctx.queue = asyncio.Queue(maxsize=64)
    for x in range(app.config.NUM_TASK_WORKERS):
        name = f"Worker-{x}"
        print(f"Starting up executor: {name}")
        app.add_task(worker(name, app.ctx.queue, app.ctx.jobs))


async def register_operations(app, _):
    app.ctx.registry = OperationRegistry(Hello)


# job/view.py
class JobListView(HTTPMethodView):
    async def post(self, request):
        operation = request.json.get("operation")
        kwargs = request.json.get("kwargs", {})
        if not operation:
            raise InvalidUsage("Missing operation")

        uid = uuid.uuid4()
        await request.app.ctx.queue.put(
            {
                "operation": operation,
                "uid": uid,
                "kwargs": kwargs,
            }
        )
        return sanic_json({"uid": str(uid)}, status=202)


class JobDetailView(HTTPMethodView):
    async def get(self, request, uid: uuid.UUID):
        data = await request.app.ctx.jobs.fetch(uid)
        return sanic_json(data)


# job/blueprint.py
bp = Blueprint("JobQueue", url_prefix="/job")

bp.after_server_start(setup_job_fetch)
bp.after_server_start(setup_task_executor)
bp.after_server_start(register_operations)
bp.add_route(JobListView.as_view(), "")
bp.add_route(JobDetailView.as_view(), "/<uid:uuid>")

# server.py
app = Sanic(__name__)
app.config.NUM_TASK_WORKERS = 3
app.blueprint(bp)

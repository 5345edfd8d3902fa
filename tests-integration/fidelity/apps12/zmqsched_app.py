"""hugoren/schedule_sanic_zmq_server (app_api.py, endpoint.py, utils.py), as written but for
the stand-ins: a `schedule` blueprint whose route is wrapped by an `auth('token')` decorator
(a header compared with a token; the wrapper answers JSON for success, a 403 in the body
and any exception), sync blueprint exception handlers for `NotFound` (the 404 answers 200
with a JSON string) and `RequestTimeout`, and ``app.run(workers=2, debug=True)``. Stand-ins:
the zmq `sync` service and Redis (a dict: a job id computed as written finds its result at
once), the rotating log file (a stream handler), config.TOKEN."""

import logging
import os
import time
import uuid
from functools import wraps
from threading import Event

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, RequestTimeout
from sanic.response import json

TOKEN = "s3cret"
logger = logging.getLogger("schedule")
RESULTS = {}


def auth(token):
    def wrapper(func):
        @wraps(func)
        async def auth_token(req, *arg, **kwargs):
            try:
                value = req.headers.get(token)
                if value and TOKEN == value:
                    r = await func(req, *arg, **kwargs)
                    return json({"retcode": 0, "stdout": r})
                else:
                    return json({"retcode": 1, "stderr": "status{}".format(403)})
            except Exception as e:
                logger.error(str(e))
                return json({"retcode": 1, "stderr": str(e)})
        return auth_token
    return wrapper


def retry_wait(retry_count=0, interval_wait=0):
    def wrap(f):
        @wraps(f)
        def func(*args, **kwargs):
            try:
                return f(*args, **kwargs)
            except Exception as e:
                if retry_count == 0:
                    return str(e)
                count = retry_count
                while 1:
                    Event().wait(interval_wait)
                    try:
                        count = count - 1
                        return f(*args, **kwargs)
                    except Exception as e:
                        if count == 0:
                            return str(e)
                        continue
        return func
    return wrap


async def sync(jid, target, file_name):
    if target == "down":
        raise ConnectionError("target down")
    if target:
        RESULTS[jid] = f"synced {file_name} to {target}"


schedule = Blueprint("schedule")


@schedule.route("/api/v1/schedule/file_sync/", methods=["GET", "POST"])
@auth("token")
async def file_sync(req):
        target = req.json.get("target")
        file_name = req.json.get("file_name")
        jid = str(uuid.uuid3(uuid.NAMESPACE_DNS, str(int(time.time() * 100000000000000000000000000000))))
        await sync(jid, target, file_name)

        @retry_wait(retry_count=1, interval_wait=0.05)
        def wait_result():
            r = RESULTS.get(jid)
            if not r:
                raise Exception("还获取不到值，重试3分钟")
            return r
        return wait_result()


@schedule.exception(NotFound)
def ignore_404s(request, exception):
    return json("404, {} not found ".format(request.url))


@schedule.exception(RequestTimeout)
def timeout(request, exception):
    return json("408, RequestTimeout from {0}".format(request.url))


app = Sanic(__name__.replace(".", "_"))
app.blueprint(schedule)


if __name__ == "__main__":
    app.run(host="127.0.0.1", workers=2, port=int(os.environ.get("APP_PORT", 10011)), debug=True)

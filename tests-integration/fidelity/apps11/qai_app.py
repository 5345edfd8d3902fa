"""qai (Writer/Qordoba's QAI service library), qai/server.py: a ``QAI`` blueprint holding
the middleware only QAI routes run (two ``on_request``: a start time and the request's
segments validated into ``request.ctx``; two ``on_response``: a perf log line and a
post-processor that re-reads ``response.body`` with ujson and returns a new response),
``bp.add_route(main_handler, "/")`` and ``"/v2"`` for POST, ``app.add_route(get_root,
...)`` for ``/``, ``/ready`` and ``/healthy``, the ``QRest`` class building it all.
Stand-ins: the validator, no-op filter and UTF-16 span converter of qai.validation/util,
``importlib.metadata.version("qai")``, and an analyzer flagging doubled words. As written
every route of one handler shares a name (``QAI.main_handler`` twice, ``get_root``
three times): with QAI_AS_WRITTEN=1 both refuse to start; by default each added route is
given ``name=`` (the only change) so the rest can be compared."""

import os
import time
from collections import namedtuple
from typing import Dict, Optional

import ujson

import sanic
from sanic import Blueprint, Sanic
from sanic.log import logger
from sanic.request import Request
from sanic.response import HTTPResponse

AS_WRITTEN = os.environ.get("QAI_AS_WRITTEN") == "1"
time.time = lambda: 1700000000.0  # the perf line's latency: fixed


def version(name):
    return "2.9.0"


class Validator:
    def __init__(self, ignore_html=True, ignore_token_fraction=0.5):
        self.ignore_html = ignore_html

    def __call__(self, segment):
        return not (self.ignore_html and "<" in segment)


def filter_no_ops(segment, issues):
    return [i for i in issues if segment[i["from"]:i["until"]] != i["suggestions"][0]]


def fix_extra_space(segment, issues):
    return issues


def convert_issue_spans_to_utf16(segment, issue):
    units = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731
    issue = dict(issue)
    issue["from"], issue["until"] = units(segment[:issue["from"]]), units(segment[:issue["until"]])
    return issue


def get_cpu_quota_within_docker():
    return 1


SegmentWrapper = namedtuple("SegmentWrapper", ["id", "segment", "meta", "category"])

bp = Blueprint("QAI")


@bp.on_request
async def add_start_time(request: Request):
    """Prepend initial time when this request was served."""
    request.ctx.start_time = time.time()


@bp.on_request
async def set_valid_segments(request: Request):
    if request.method != "POST":
        return None
    data = request.json
    req = data.get("request", {"segments": []})
    category = req.get("category")
    request.ctx.category = category
    segs = req.get("segments", [])
    request.ctx.segments = []
    info = {}
    for el in segs:
        s_id = el["content"]["segmentId"]
        segment = el["content"]["segment"]
        meta = el.get("meta", {})
        info[s_id] = {k: v for k, v in req.items() if k != "segments"}
        is_valid = request.app.ctx.validator(segment)
        tpe = el["content"]["tpe"]
        if is_valid:
            request.ctx.segments.append(SegmentWrapper(s_id, segment, meta, category))
            info[s_id].update({"type": tpe, "segmentId": s_id, "category": category})
    request.ctx.info = info


@bp.on_response
async def add_perf_stats(request: Request, response: HTTPResponse):
    is_get = request.method.lower() == "get"
    is_check = request.path in ["/ready", "/healthy"]
    should_log = not (is_get or is_check)
    if not should_log:
        return
    latency = round((time.time() - request.ctx.start_time) * 1000)
    sids = "[" + ", ".join([s.id for s in request.ctx.segments]) + "]"
    logger.info(
        (
            "{method} {url} {status} {latency}ms {reqbytes}reqBytes {resbytes}resBytes"
            " segIds={segmentIds}"
        ).format(
            method=request.method,
            url=request.url,
            status=response.status,
            latency=latency,
            reqbytes=len(request.body),
            resbytes=len(response.body),
            segmentIds=sids,
        )
    )


@bp.on_response
async def postprocess_issues(request: Request, response: HTTPResponse) -> Optional[HTTPResponse]:
    if request.method != "POST":
        return None
    res = ujson.loads(response.body)
    for segment_response in res:
        segment = segment_response["segment"]
        segment_response["issues"] = filter_no_ops(segment, segment_response["issues"])
        if request.app.ctx.fix_extra_space:
            segment_response["issues"] = fix_extra_space(segment, segment_response["issues"])
        del segment_response["segment"]
        if not request.app.ctx.utf16_convert:
            continue
        for i, issue in enumerate(segment_response["issues"]):
            segment_response["issues"][i] = convert_issue_spans_to_utf16(segment, issue)
    return sanic.response.json(res)


async def main_handler(request: Request) -> HTTPResponse:
    it2c = request.app.ctx.issue_type_to_category
    res = []
    for s_id, segment, meta, category in request.ctx.segments:
        issues = request.app.ctx.analyzer(segment, meta, request.ctx.info[s_id])
        if it2c is None:
            res.append({"category": category, "segmentId": s_id, "segment": segment, "issues": issues})
        else:
            types = it2c.keys()
            for t in types:
                res.append({"category": it2c[t], "segmentId": s_id, "segment": segment,
                            "issues": [i for i in issues if i["issueType"] == t]})
    return sanic.response.json(res)


async def get_root(request: Request) -> HTTPResponse:
    return sanic.response.json(request.app.ctx.status_dump)


def _name(name):
    return {} if AS_WRITTEN else {"name": name}


class QRest:
    def __init__(self, analyzer, category: str, host: str = "0.0.0.0", port: int = 5000,
                 workers: Optional[int] = None, debug: bool = False, ignore_html: bool = True,
                 ignore_token_fraction: float = 0.5, app: Optional[Sanic] = None,
                 issue_type_to_category: Dict[str, str] = None, utf16_convert: bool = True,
                 fix_extra_space: bool = True):
        self.host = host
        self.port = port
        self.category = category
        self.debug = debug
        self.ignore_html = ignore_html
        self.validator = Validator(ignore_html=ignore_html, ignore_token_fraction=ignore_token_fraction)
        self.analyzer = analyzer
        if not callable(analyzer):
            raise ValueError("Analyzer instance must be callable, with signature (segment, meta=None, extra_info=None).")
        if workers is None:
            self.workers = get_cpu_quota_within_docker()
        else:
            self.workers = int(workers)
        if app is None:
            app = Sanic(__name__)
            app.ctx.issue_type_to_category = issue_type_to_category
            bp.add_route(main_handler, "/", methods=["POST"], **_name("main"))
            bp.add_route(main_handler, "/v2", methods=["POST"], **_name("main_v2"))
        app.ctx.validator = self.validator
        app.ctx.analyzer = self.analyzer
        app.ctx.status_dump = {"service": self.category, "status": "up", "host": self.host,
                               "port": self.port, "qai version": version("qai")}
        app.ctx.utf16_convert = utf16_convert
        app.ctx.fix_extra_space = fix_extra_space
        app.blueprint(bp)
        self.app = app
        self.add_simple_routes()

    def add_simple_routes(self):
        self.app.add_route(get_root, "/", methods=["GET"], **_name("root"))
        self.app.add_route(get_root, "/ready", methods=["GET"], **_name("ready"))
        self.app.add_route(get_root, "/healthy", methods=["GET"], **_name("healthy"))


def doubled_words(segment, meta=None, extra_info=None):
    words, issues, at = segment.split(" "), [], 0
    for prev, word in zip(words, words[1:], strict=False):
        at += len(prev) + 1
        if word == prev:
            issues.append({"issueType": "grammar" if word.isalpha() else "style", "from": at - 1,
                           "until": at + len(word), "suggestions": [""]})
    issues.append({"issueType": "noop", "from": 0, "until": 1, "suggestions": [segment[:1]]})
    return issues


app = QRest(doubled_words, "grammar").app

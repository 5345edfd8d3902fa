import json

J = {"Content-Type": "application/json"}


def call(method, params=None, id_=1):
    msg = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        msg["params"] = params
    if id_ is not None:
        msg["id"] = id_
    return msg


def post(*msgs, raw=None):
    body = raw if raw is not None else json.dumps(msgs[0] if len(msgs) == 1 else list(msgs))
    return ("POST", "/rpc", J, body)


REQS = [
    post(call("add", [1, 2])), post(call("add", {"a": 5, "b": 6}, id_="s")),
    post(call("add", [1, "x"])), post(call("add", [1])), post(call("add", [1, 2, 3])),
    post(call("concat", [[1, 2, 3]])), post(call("concat", {"items": ["a"], "sep": "+"})),
    post(call("remember", ["one"], id_=None)), post(call("log")),
    post(call("remember", ["two"], id_=None), call("log", id_=2), call("add", [2, 2], id_=3)),
    post(call("remember", ["three"], id_=None), call("remember", ["four"], id_=None)),
    post(call("missing")), post(call("who")), post(call("fail")), post(call("crash")),
    post(call("nope")), post(raw="{not json"), post(raw="[]"), post(raw="[1, 2]"),
    post(raw='{"jsonrpc": "1.0", "method": "add", "id": 9}'),
    post(raw='{"jsonrpc": "2.0", "method": 5, "id": 9}'),
    post(raw='{"jsonrpc": "2.0", "method": "add", "params": "x", "id": 9}'),
    ("POST", "/rpc", {"Content-Type": "text/plain"}, json.dumps(call("add", [1, 1]))),
    ("POST", "/rpc"), ("GET", "/rpc"), ("PUT", "/rpc", J, "{}"),
]

"""A Request subclass overriding the get_*/load_json methods: do the properties go through them?"""

import logging

logging.disable(logging.CRITICAL)

from common import safe  # noqa: E402

from sanic import Request, Sanic  # noqa: E402
from sanic.response import json  # noqa: E402

calls = []


class Spy(Request):
    def load_json(self, loads=None):
        calls.append("load_json")
        return {"spied": super().load_json(loads)}

    def get_form(self, keep_blank_values=False):
        calls.append(f"get_form {keep_blank_values}")
        return super().get_form(keep_blank_values)

    def get_args(
        self, keep_blank_values=False, strict_parsing=False, encoding="utf-8", errors="replace"
    ):
        calls.append(f"get_args {keep_blank_values}")
        return super().get_args(keep_blank_values, strict_parsing, encoding, errors)

    def get_query_args(
        self, keep_blank_values=False, strict_parsing=False, encoding="utf-8", errors="replace"
    ):
        calls.append(f"get_query_args {keep_blank_values}")
        return super().get_query_args(keep_blank_values, strict_parsing, encoding, errors)

    def get_cookies(self):
        calls.append("get_cookies")
        return super().get_cookies()


app = Sanic("R2over", request_class=Spy)


@app.post("/")
async def h(request):
    res = {}
    for name in ("json", "form", "files", "args", "query_args", "cookies", "token", "credentials"):
        calls.clear()
        res[name] = [safe(lambda name=name: getattr(request, name)), list(calls)]
    return json(res)


for body, ct in (
    (b'{"a": 1}', "application/json"),
    (b"a=1&b=", "application/x-www-form-urlencoded"),
):
    _, resp = app.test_client.post(
        "/?q=1&e=", content=body, headers={"content-type": ct, "cookie": "c=1"}
    )
    for k, v in resp.json.items():
        print(ct, k, v)

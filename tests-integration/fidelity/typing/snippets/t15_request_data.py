from typing import reveal_type

from sanic import Request


async def h(request: Request) -> None:
    reveal_type(request.json)
    reveal_type(request.body)
    reveal_type(request.args)
    reveal_type(request.args.get("q"))
    reveal_type(request.args.getlist("q"))
    reveal_type(request.form)
    if request.form is not None:
        reveal_type(request.form.get("a"))
    reveal_type(request.files)
    if request.files is not None:
        reveal_type(request.files.get("f"))
    reveal_type(request.query_args)
    reveal_type(request.get_args(keep_blank_values=True))
    reveal_type(request.raw_url)

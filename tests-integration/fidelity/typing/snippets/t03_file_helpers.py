from typing import reveal_type

from sanic import Request
from sanic.response import file, file_stream


async def h(request: Request) -> None:
    reveal_type(await file("/etc/hosts", max_age=10))
    reveal_type(await file_stream("/etc/hosts", chunk_size=1024))

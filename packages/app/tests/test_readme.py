"""The README's example works as written."""

from __future__ import annotations

import re
from pathlib import Path

from hurtle_app import Sanic


def _example() -> str:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    return re.findall(r"```python\n(.*?)```", readme, re.S)[0]


async def test_readme_example_answers_as_described(send_to) -> None:
    namespace: dict[str, object] = {"__name__": "readme"}
    exec(compile(_example(), "README.md", "exec"), namespace)
    app = namespace["app"]
    assert isinstance(app, Sanic)
    index = await send_to(app, "GET", "/")
    user = await send_to(app, "GET", "/v1/api/users/7")
    assert index.text == "see /v1/api/users/7"
    assert (user.text, user.headers["server"]) == ('{"id":7}', "hurtle")

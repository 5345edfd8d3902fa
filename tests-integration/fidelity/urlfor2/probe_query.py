"""Query-string and _anchor values: reserved characters, non-ASCII, lists, odd types."""

from sanic import Sanic
from sanic.response import text

app = Sanic("Q")


@app.get("/p")
async def p(request):
    return text("")


for kw in [
    {"a b": 1},
    {"a&b": "c=d"},
    {"k": "~*'()!"},
    {"k": "\x00\n"},
    {"k": "😀"},
    {"k": ["", None, 0]},
    {"k": "/?:@"},
    {"k": 1j},
    {"k": [b"x", "y"]},
    {"k": "a", "_anchor": "#/?%"},
    {"k": "\\"},
    {"_anchor": "😀"},
    {"_anchor": 5},
]:
    try:
        print(kw, app.url_for("p", **kw))
    except Exception as e:
        print(kw, "!", type(e).__name__, e)

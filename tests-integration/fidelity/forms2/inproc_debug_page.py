"""A bad JSON body and an error raised inside an except block, answered in debug mode as
HTML and text, reduced to their words (markup, style and scripts dropped); run under both:
    PY inproc_debug_page.py /j text/html     (paths /j and /e; text/html or text/plain)"""

import html
import logging
import re
import sys
import warnings

from sanic import Sanic
from sanic.response import json

warnings.simplefilter("ignore")
logging.disable(logging.CRITICAL)
app = Sanic("Forms2Debug")


@app.post("/j")
async def bad_json(request):
    return json(request.json)


@app.post("/e")
async def implicit_chain(request):
    try:
        int("x")
    except ValueError:
        raise KeyError("inner")  # noqa: B904 (the implicit chain is the point)


_, response = app.test_client.post(
    sys.argv[1], content=b"{", headers={"accept": sys.argv[2]}, debug=True
)
words = re.sub(r"<style.*?</style>|<script.*?</script>", "", response.text, flags=re.S)
words = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", words)))
print(response.status, words)

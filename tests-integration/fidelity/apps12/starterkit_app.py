"""yukudemy/sanic-starter-kit (main.py, utils/server.py, api/__init__.py, api/learner/...),
condensed into one file: three levels of `Blueprint.group` (`/api`, `/learner`, then
`/home` and `/practice`) over blueprints whose class-based views (sync and async methods)
are added at paths without a leading slash (`"practice"`, `"stream_video"`,
`"get_practice"`); a `file_stream(..., chunk_size=1024, mime_type=..., headers=
{"Content-Disposition": ..., "Content-Type": ...})` of a file whose name has a space (as
written the path is the placeholder ``path/to/some file.mp4``; here a file under
``starterkit_media``, and the placeholder kept on a second route); ``app.run(dev=True)``.
"""

import os

from sanic import Blueprint, Sanic, response
from sanic.response import json, text
from sanic.views import HTTPMethodView

HERE = os.path.dirname(os.path.abspath(__file__))


class Home(HTTPMethodView):
    def get(self, request):
        return text("Hello, home.")

    async def post(self, request):
        return text("I am post method")

    def put(self, request):
        return text("I am put method")


class Pratice(HTTPMethodView):
    def get(self, request):
        return text("Time for some chemistry practice.")

    async def post(self, request):
        return text("I am post method")

    def delete(self, request):
        return text("I am delete method")


class StreamVideo(HTTPMethodView):
    async def get(self, request):
        return await response.file_stream(
            os.path.join(HERE, "starterkit_media/some file.mp4"),
            chunk_size=1024,
            mime_type="application/metalink4+xml",
            headers={
                "Content-Disposition": 'Attachment; filename="nicer_name.meta4"',
                "Content-Type": "application/metalink4+xml",
            },
        )

    def patch(self, request):
        return text("I am patch method")


class Placeholder(HTTPMethodView):
    async def get(self, request):
        return await response.file_stream("path/to/some file.mp4", chunk_size=1024,
                                           mime_type="application/metalink4+xml")


class GetPratice(HTTPMethodView):
    def get(self, request):
        return json({"my": "blueprint"})

    async def post(self, request):
        return text("I am post method")


bp_home_home = Blueprint("home_home")
bp_home_home.add_route(Home.as_view(), "/")
bp_practice_practice = Blueprint("practice")
bp_practice_practice.add_route(Pratice.as_view(), "practice")
bp_handler_file_stream_practice = Blueprint("stream_video")
bp_handler_file_stream_practice.add_route(StreamVideo.as_view(), "stream_video")
bp_handler_file_stream_practice.add_route(Placeholder.as_view(), "placeholder")
bp_get_practice_practice = Blueprint("get_practice")
bp_get_practice_practice.add_route(GetPratice.as_view(), "get_practice")

bp_group_home = Blueprint.group(bp_home_home, url_prefix="/home")
bp_group_practice = Blueprint.group(bp_practice_practice, bp_handler_file_stream_practice,
                                    bp_get_practice_practice, url_prefix="/practice")
bp_group_learner = Blueprint.group(bp_group_home, bp_group_practice, url_prefix="/learner")
bp_group_api = Blueprint.group(bp_group_learner, url_prefix="/api")

app = Sanic("SanicStarterTemplate")


@app.get("/")
async def hello_kit(request):
    return text("Hello, from Sanic Starter Kit.")


app.blueprint(bp_group_api)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", 8000)), dev=True)

"""A SanicCLI subclass with its own run(), as biothings-annotator's launcher: a fixed
factory (the target group removed), its own option group, _precheck(), AppLoader,
_build_run_kwargs(), prepare(version=...) for each of self.args.http, then serve_single
or serve. The app stops itself once it has served one request to itself."""

import functools
import sys
import urllib.request

from sanic import Sanic
from sanic.cli.app import SanicCLI
from sanic.cli.arguments import Group
from sanic.response import text
from sanic.worker.loader import AppLoader


class GreetingGroup(Group):
    name = "Greeting"

    def attach(self, short=False):
        self.container.add_argument("--greeting", default="hello")


def build(greeting, port):
    app = Sanic("OwnRun")

    @app.get("/")
    async def index(request):
        return text(greeting)

    @app.after_server_start
    async def ask_and_stop(app):
        def fetch():
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                return answer.read().decode()

        body = await app.loop.run_in_executor(None, fetch)
        print("served:", body, flush=True)
        app.stop()

    return app


class OwnCLI(SanicCLI):
    def attach(self):
        general = [cls for cls in Group._registry if cls.name is None][0]
        Group._registry.remove(general)
        super().attach()

    def run(self, parse_args=None):
        self.args = self.parser.parse_args(parse_args)
        for group in self.groups:
            group.prepare(self.args)
        self.args.target, self.args.factory, self.args.simple = "", False, False
        self._precheck()
        loader = AppLoader(factory=functools.partial(build, self.args.greeting, self.args.port))
        app = loader.load()
        kwargs = self._build_run_kwargs()
        print("kwargs:", {k: kwargs.get(k) for k in ("host", "port", "workers",
                                                      "single_process", "motd")}, flush=True)
        for version in self.args.http:
            app.prepare(**kwargs, version=version)
        if self.args.single:
            Sanic.serve_single(app)
        else:
            Sanic.serve(app, app_loader=loader)
        print("done", flush=True)


if __name__ == "__main__":
    cli = OwnCLI()
    cli.attach()
    cli.run(sys.argv[1:])

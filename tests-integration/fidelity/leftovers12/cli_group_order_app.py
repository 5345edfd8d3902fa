
from sanic import Sanic

print("LOADED module", flush=True)

app = Sanic("Probe")


def create_app(args=None):
    print("FACTORY http={!r}".format(getattr(args, "http", "noattr")), flush=True)
    return app

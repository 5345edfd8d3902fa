import sys
print("LOADED module", flush=True)
from sanic import Sanic
app = Sanic("Probe")
def create_app(args=None):
    print("FACTORY http=%r" % (getattr(args, "http", "noattr"),), flush=True)
    return app

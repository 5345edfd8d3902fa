"""The app the programs load: an app with a command, and a factory."""

from sanic import Sanic

app = Sanic("Mod")


@app.command
def hello(name="x"):
    print("hello", name)


def make(args=None):
    made = Sanic("Made")
    print("factory got", type(args).__name__, getattr(args, "conf", "-"))
    return made

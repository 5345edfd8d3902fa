"""Background tasks: add_task before/after start, names, get/cancel/purge, listing."""

import asyncio

from _probe import exc_line, new_app, show

from sanic import response

app = new_app("taskapp")
LOG = []


async def worker(tag, delay=0.01):
    await asyncio.sleep(delay)
    LOG.append(f"done {tag}")
    return tag


async def worker_app(app_):
    LOG.append(f"worker_app got {type(app_).__name__}")


def sync_fn():
    LOG.append("sync_fn")


show("add_task before loop (coroutine)", lambda: app.add_task(worker("early")))
show("add_task before loop (func)", lambda: app.add_task(worker_app))
show("add_task before loop named", lambda: app.add_task(worker("early_named"), name="early"))
show("get_task before start", lambda: app.get_task("early"))
show("tasks before start", lambda: list(app.tasks))
show("add_task sync func", lambda: app.add_task(sync_fn))
show("add_task non-callable", lambda: app.add_task(123))


@app.get("/")
async def index(request):
    t = request.app.add_task(worker("from handler"), name="h1")
    out = [type(t).__name__, t.get_name() if hasattr(t, "get_name") else None]
    try:
        request.app.add_task(worker("dup"), name="h1")
        out.append("dup ok")
    except BaseException as e:
        out.append(exc_line(e))
    out.append(request.app.get_task("h1") is t)
    try:
        request.app.get_task("nope")
    except BaseException as e:
        out.append(exc_line(e))
    out.append(request.app.get_task("nope", raise_exception=False))
    t2 = request.app.add_task(worker("unnamed"))
    out.append(type(t2).__name__)
    out.append(
        sorted(n for n in (x.get_name() for x in request.app.tasks) if not n.startswith("Task-"))
    )
    await asyncio.sleep(0.05)
    try:
        await request.app.cancel_task("h1")
        out.append("cancel done ok")
    except BaseException as e:
        out.append(exc_line(e))
    long = request.app.add_task(worker("long", 10), name="long")
    await asyncio.sleep(0)
    try:
        r = await request.app.cancel_task("long", msg="bye")
        out.append(f"cancel long -> {r!r} cancelled={long.cancelled()}")
    except BaseException as e:
        out.append(exc_line(e))
    try:
        await request.app.cancel_task("nope")
    except BaseException as e:
        out.append(exc_line(e))
    try:
        await request.app.cancel_task("nope", raise_exception=False)
        out.append("cancel missing no raise ok")
    except BaseException as e:
        out.append(exc_line(e))
    out.append(
        sorted(n for n in (x.get_name() for x in request.app.tasks) if not n.startswith("Task-"))
    )
    request.app.purge_tasks()
    out.append(
        sorted(n for n in (x.get_name() for x in request.app.tasks) if not n.startswith("Task-"))
    )
    return response.json([str(o) for o in out])


async def go():
    _, resp = await app.asgi_client.get("/")
    return resp


resp = asyncio.run(go())
print("status", resp.status)
for line in resp.json or [resp.text]:
    print("  ", line)
print("LOG", sorted(LOG))
show(
    "tasks after",
    lambda: sorted(t.get_name() for t in app.tasks if not t.get_name().startswith("Task-")),
)
show("get_task after", lambda: app.get_task("early"))

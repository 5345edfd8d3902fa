"""kerighan/nodlite-sanic: app.py (``Sanic(__name__, strict_slashes=False)``, a ``""``
route, the ``json_task`` wrapper of utils.py awaiting a ``Task`` a worker thread
completes, handlers returning a response built in database.py, ``request.json`` tried
before ``request.form``) and database.py's ``ThreadedGraph`` as written (its thread,
queue and ``Task``). Stand-ins: nodlite's ``Graph`` (a dict), aiocache's ``cached``
(no caching: its key holds the request object, so nothing would hit) and sanic_cors'
``CORS`` (left out: not installed in either venv)."""

import asyncio
import queue
import random
import threading
import time
from dataclasses import dataclass
from enum import Enum
from functools import wraps

from sanic import Sanic, response

VERSION = "0.0.1"
TTL = 60


def cached(ttl=None):
    def deco(f):
        return f
    return deco


class Graph:
    def __init__(self):
        self.succ, self.pred = {}, {}

    @property
    def n_nodes(self):
        return len(self.succ)

    @property
    def n_edges(self):
        return sum(len(v) for v in self.succ.values())

    def add_node(self, u):
        self.succ.setdefault(u, []); self.pred.setdefault(u, [])

    def add_edge(self, u, v):
        self.add_node(u); self.add_node(v)
        if v not in self.succ[u]:
            self.succ[u].append(v); self.pred[v].append(u)

    def remove_edge(self, u, v):
        self.succ[u].remove(v) if v in self.succ[u] else (_ for _ in ()).throw(KeyError(v))
        self.pred[v].remove(u)

    def remove_node(self, u):
        for v in self.succ.pop(u):
            self.pred[v].remove(u)
        for v in self.pred.pop(u):
            self.succ[v].remove(u)

    def edge(self, u, v):
        if v not in self.succ[u]:
            raise KeyError(v)

    def node(self, u):
        self.succ[u]

    def neighbors(self, u):
        return iter(self.succ[u])

    def predecessors(self, u):
        return iter(self.pred[u])

    def neighbors_from(self, nodes):
        return {u: self.succ.get(u, []) for u in nodes}

    def predecessors_from(self, nodes):
        return {u: self.pred.get(u, []) for u in nodes}

    def set_neighbors(self, u, nodes):
        for v in nodes:
            self.add_edge(u, v)

    def set_predecessors(self, v, nodes):
        for u in nodes:
            self.add_edge(u, v)

    def batch_get_edges(self, batch_size=100, page=0):
        edges = [(u, v) for u in self.succ for v in self.succ[u]]
        return iter(edges[page * batch_size:(page + 1) * batch_size])

    def batch_get_nodes(self, batch_size=100, page=0):
        return iter(list(self.succ)[page * batch_size:(page + 1) * batch_size])

    def subgraph(self, nodes):
        return [(u, v) for u in nodes for v in self.succ.get(u, []) if v in nodes]


# --- database.py ---------------------------------------------------------------------------
def error(f):
    @wraps(f)
    def wrapper(*arg, **kwargs):
        try:
            f(*arg, **kwargs)
        except KeyError:
            arg[1].done({"error": "resource not found"}, 404)
        except Exception as e:
            arg[1].done({"error": str(e)}, 500)
    return wrapper


def direct_error(f):
    @wraps(f)
    def wrapper(*arg, **kwargs):
        try:
            return f(*arg, **kwargs)
        except Exception as e:
            return response.json({"error": str(e)}, 404)
    return wrapper


class Action(Enum):
    CLOSE = 0
    COUNT = 1
    ADD_EDGE = 2
    ADD_NODE = 3
    REMOVE_EDGE = 4
    REMOVE_NODE = 5
    GET_EDGE = 6
    GET_NODE = 7
    GET_BATCH_EDGES = 8
    GET_BATCH_NODES = 9
    GET_NEIGHBORS = 10
    SET_NEIGHBORS = 11
    GET_PREDECESSORS = 12
    SET_PREDECESSORS = 13


class ThreadedGraph(threading.Thread):
    def __init__(self, G, daemon=True):
        super().__init__()
        self.G = G
        self.q = queue.PriorityQueue()
        self.daemon = daemon
        self.start()

    def run(self):
        action_function = {
            Action.ADD_EDGE: self.handle_add_edge,
            Action.ADD_NODE: self.handle_add_node,
            Action.GET_EDGE: self.handle_get_edge,
            Action.GET_NODE: self.handle_get_node,
            Action.GET_BATCH_EDGES: self.handle_get_batch_edges,
            Action.GET_BATCH_NODES: self.handle_get_batch_nodes,
            Action.GET_NEIGHBORS: self.handle_get_neighbors,
            Action.SET_NEIGHBORS: self.handle_set_neighbors,
            Action.REMOVE_EDGE: self.handle_remove_edge,
            Action.REMOVE_NODE: self.handle_remove_node,
            Action.CLOSE: self.handle_close
        }
        self.loop = True
        while self.loop:
            _, (task, action, arg) = self.q.get()
            action_function[action](task, arg)
            self.q.task_done()
        print("closing...")

    def put(self, priority, action, arg=None):
        task = Task()
        self.q.put((priority, (task, action, arg)))
        return task

    def add_edge(self, u, v):
        return self.put(1, Action.ADD_EDGE, (u, v))

    def add_node(self, u):
        return self.put(1, Action.ADD_NODE, u)

    def remove_edge(self, u, v):
        return self.put(1, Action.REMOVE_EDGE, (u, v))

    def remove_node(self, u):
        return self.put(1, Action.REMOVE_NODE, u)

    def edge(self, u, v):
        return self.put(0, Action.GET_EDGE, (u, v))

    def node(self, u):
        return self.put(0, Action.GET_NODE, u)

    def batch_get_edges(self, batch_size=100, page=0):
        return self.put(0, Action.GET_BATCH_EDGES, (batch_size, page))

    def batch_get_nodes(self, batch_size=100, page=0):
        return self.put(0, Action.GET_BATCH_NODES, (batch_size, page))

    @direct_error
    def count(self):
        n_nodes = self.G.n_nodes
        n_edges = self.G.n_edges
        avg_deg = round(n_edges / n_nodes, 1) if n_nodes != 0 else 0
        data = {"nodes_count": self.G.n_nodes, "edges_count": self.G.n_edges, "avg_degree": avg_deg}
        return response.json(data, 200)

    def neighbors(self, u):
        data = {"node": u, "neighbors": list(self.G.neighbors(u))}
        return response.json(data, 200)

    def neighbors_from(self, _nodes):
        return response.json({"neighbors": self.G.neighbors_from(_nodes)}, 200)

    def set_neighbors(self, u, nodes):
        return self.put(1, Action.SET_NEIGHBORS, (u, nodes))

    def subgraph(self, _nodes):
        return response.json({"edges": list(self.G.subgraph(_nodes)), "_nodes": _nodes}, 200)

    def handle_close(self, *_):
        self.loop = False

    @error
    def handle_add_edge(self, task, arg):
        src, tgt = arg
        self.G.add_edge(src, tgt)
        task.done({"edge": {"source": src, "target": tgt}, "created": True}, 200)

    @error
    def handle_add_node(self, task, arg):
        self.G.add_node(arg)
        task.done({"node": arg, "created": True}, 200)

    @error
    def handle_remove_edge(self, task, arg):
        src, tgt = arg
        self.G.remove_edge(src, tgt)
        task.done({"edge": {"source": src, "target": tgt}, "removed": True}, 200)

    @error
    def handle_get_edge(self, task, arg):
        src, tgt = arg
        self.G.edge(src, tgt)
        task.done({"edge": {"source": src, "target": tgt}, "found": True}, 200)

    @error
    def handle_get_node(self, task, u):
        self.G.node(u)
        task.done({"node": u, "found": True}, 200)

    @error
    def handle_remove_node(self, task, u):
        self.G.remove_node(u)
        task.done({"node": u, "removed": True}, 200)

    @error
    def handle_get_batch_edges(self, task, arg):
        batch_size, page = arg
        edges = list(self.G.batch_get_edges(batch_size=batch_size, page=page))
        task.done({"edges": edges, "page": page}, 200)

    @error
    def handle_get_batch_nodes(self, task, arg):
        batch_size, page = arg
        nodes = list(self.G.batch_get_nodes(batch_size=batch_size, page=page))
        task.done({"nodes": nodes, "page": page}, 200)

    @error
    def handle_get_neighbors(self, task, arg):
        task.done({"node": arg, "neighbors": list(self.G.neighbors(arg))}, 200)

    @error
    def handle_set_neighbors(self, task, arg):
        self.G.set_neighbors(arg[0], arg[1])
        task.done({"success": True}, 200)


@dataclass
class Task:
    __slots__ = "pending", "timestamp", "data", "status"

    def __init__(self):
        self.pending = True
        self.timestamp = time.time() + random.random()

    def done(self, data=None, status=None):
        self.pending = False
        if data is not None:
            self.data = data
        if status is not None:
            self.status = status

    async def wait(self):
        while self.pending:
            await asyncio.sleep(1e-6)


# --- utils.py ------------------------------------------------------------------------------
def json_task(func):
    @wraps(func)  # added: without it every route is named "wrapper" (refused by both)
    async def wrapper(*args, **kwargs):
        task = await func(*args, **kwargs)
        await task.wait()
        return response.json(task.data, task.status)
    return wrapper


# --- app.py --------------------------------------------------------------------------------
G = ThreadedGraph(Graph())
app = Sanic(__name__, strict_slashes=False)


@app.get("")
async def home(_):
    return response.json({"version": {"server": VERSION}})


@app.get("/_count")
async def count(_):
    return G.count()


@app.post("/edge/<u>/<v>")
@json_task
async def add_edge(_, u, v):
    return G.add_edge(u, v)


@app.delete("/edge/<u>/<v>")
@json_task
async def remove_edge(_, u, v):
    return G.remove_edge(u, v)


@app.get("/edge/<u>/<v>")
@cached(ttl=TTL)
@json_task
async def edge(_, u, v):
    return G.edge(u, v)


@app.get("/edge")
@json_task
async def batch_get_edges(request):
    batch_size = int(request.args.get("size", 100))
    page = int(request.args.get("page", 0))
    return G.batch_get_edges(batch_size=batch_size, page=page)


@app.post("/subgraph")
@cached(ttl=TTL)
async def subgraph(request):
    try:
        _nodes = request.json["nodes"]
    except Exception:
        _nodes = [it.strip() for it in request.form["nodes"][0].split(",")]
    return G.subgraph(_nodes)


@app.post("/node/<u>")
@json_task
async def add_node(_, u):
    return G.add_node(u)


@app.delete("/node/<u>")
@json_task
async def remove_node(_, u):
    return G.remove_node(u)


@app.get("/node/<u>")
@cached(ttl=TTL)
@json_task
async def node(_, u):
    return G.node(u)


@app.get("/node")
@json_task
async def batch_get_nodes(request):
    batch_size = int(request.args.get("size", 100))
    page = int(request.args.get("page", 0))
    return G.batch_get_nodes(batch_size=batch_size, page=page)


@app.post("/neighbors")
@cached(ttl=TTL)
async def neighbors_from(request):
    try:
        _nodes = request.json["nodes"]
    except Exception:
        _nodes = [it.strip() for it in request.form["nodes"][0].split(",")]
    return G.neighbors_from(_nodes)


@app.get("/neighbors/<u>")
@cached(ttl=TTL)
async def neighbors(_, u):
    return G.neighbors(u)


@app.post("/neighbors/<u>")
@cached(ttl=TTL)
@json_task
async def set_neighbors(request, u):
    nbs = request.json["nodes"]
    return G.set_neighbors(u, nbs)

"""A two-player tic-tac-toe over websockets (written for this round): the route takes
``subprotocols=["ttt.v2", "ttt.v1"]`` and reads ``ws.subprotocol`` to pick a JSON (v2) or
plain-text (v1) wire format; players join a game by id (``/play/<game_id:int>``), the
third is refused with ``ws.close(4003, ...)``; moves are validated (out of range, taken
square, not your turn: an error message, the socket stays), a win or draw is announced to
both and closes both with 1000; a player leaving (``ConnectionClosed`` from ``recv``) ends
the game for the other with 4000; ``recv(timeout=)`` (``?idle=`` seconds) drives an idle reminder; a binary
frame is answered with ``ws.send(bytes)``; ``/games`` (plain HTTP) lists games; HTTP to the
websocket path is refused."""

import asyncio
import json as stdjson

from sanic import Sanic
from sanic.response import json

app = Sanic("tictactoe")
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


class Game:
    def __init__(self):
        self.board = [" "] * 9
        self.players = {}
        self.turn = "X"
        self.over = False

    def winner(self):
        for a, b, c in LINES:
            if self.board[a] != " " and self.board[a] == self.board[b] == self.board[c]:
                return self.board[a]
        return "draw" if " " not in self.board else None


@app.before_server_start
async def setup(app, _):
    app.ctx.games = {}


def encode(ws, kind, **data):
    if ws.subprotocol == "ttt.v2":
        return stdjson.dumps({"type": kind, **data}, sort_keys=True)
    return " ".join([kind, *(f"{k}={v}" for k, v in sorted(data.items()))])


def decode(ws, message):
    if ws.subprotocol == "ttt.v2":
        return stdjson.loads(message)
    parts = message.split()
    return {"type": parts[0], **dict(p.split("=", 1) for p in parts[1:])}


async def broadcast(game, kind, **data):
    await asyncio.gather(*(ws.send(encode(ws, kind, **data)) for ws in game.players.values()),
                         return_exceptions=True)


@app.websocket("/play/<game_id:int>", subprotocols=["ttt.v2", "ttt.v1"])
async def play(request, ws, game_id):
    game = request.app.ctx.games.setdefault(game_id, Game())
    if len(game.players) >= 2 or game.over:
        await ws.close(4003, "game full")
        return
    idle = float(request.args.get("idle", "5"))
    mark = "X" if "X" not in game.players else "O"
    game.players[mark] = ws
    await ws.send(encode(ws, "joined", mark=mark, proto=ws.subprotocol or "none"))
    if len(game.players) == 2:
        await broadcast(game, "start", turn=game.turn)
    try:
        while not game.over:
            message = await ws.recv(timeout=idle)
            if message is None:
                await ws.send(encode(ws, "idle", turn=game.turn))
                continue
            if isinstance(message, bytes):
                await ws.send(b"board:" + "".join(game.board).encode())
                continue
            try:
                msg = decode(ws, message)
                square = int(msg.get("square", -1))
            except (ValueError, KeyError, AttributeError):
                await ws.send(encode(ws, "error", reason="bad message"))
                continue
            if msg.get("type") != "move":
                await ws.send(encode(ws, "error", reason=f"unknown type {msg.get('type')}"))
            elif len(game.players) < 2:
                await ws.send(encode(ws, "error", reason="waiting for opponent"))
            elif game.turn != mark:
                await ws.send(encode(ws, "error", reason="not your turn"))
            elif not 0 <= square < 9 or game.board[square] != " ":
                await ws.send(encode(ws, "error", reason=f"square {square} unavailable"))
            else:
                game.board[square] = mark
                game.turn = "O" if mark == "X" else "X"
                await broadcast(game, "moved", mark=mark, square=square,
                                board="".join(game.board).replace(" ", "."))
                result = game.winner()
                if result:
                    game.over = True
                    await broadcast(game, "over", result=result)
                    for other in game.players.values():
                        await other.close(1000, "game over")
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        if not game.over:
            game.over = True
            for other_mark, other in game.players.items():
                if other_mark != mark:
                    await other.close(4000, f"{mark} left")
        request.app.ctx.last_error = type(exc).__name__
    finally:
        game.players.pop(mark, None)


@app.get("/games")
async def games(request):
    return json({str(k): {"players": sorted(g.players), "over": g.over,
                          "board": "".join(g.board).replace(" ", ".")}
                 for k, g in sorted(request.app.ctx.games.items())})

"""A Discord community's interview service, its ``private`` blueprint (the bot's API): a
blueprint ``on_request`` answering ``sanic.text(..., 401/403)`` from ``request.credentials``
(HTTP Basic), handlers over aiosqlite cursors (``async with db.execute(...)``, ``async
for row in cursor``), ``<id:int>`` routes, ``random.choices`` tokens and questions read
from ``/config/interview-questions``. Stand-ins: aiosqlite (stdlib sqlite3 behind the same
calls), the bot token (an environment default), ``random`` seeded, the questions file
path (apps11/interview_questions.txt)."""

import json
import os
import random
import sqlite3
import string
import time

import sanic
from sanic import Blueprint, Request, Sanic
from sanic.response import HTTPResponse
from sanic.response import json as resp_json

HERE = os.path.dirname(os.path.abspath(__file__))
token = os.getenv('DISCORD_TOKEN', 'bot-secret')
random.seed(7)
time.time = lambda: 1700000000.0


class InterviewStatus:
    VERDICT_ACCEPT_NOT_APPLIED = 3
    VERDICT_ACCEPT_APPLIED = 4
    VERDICT_REJECT_NOT_SENT = 5
    VERDICT_REJECT_SENT = 6


class _Cursor:
    def __init__(self, cur):
        self._cur = cur

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self._cur.close()

    def __aiter__(self):
        return self

    async def __anext__(self):
        row = self._cur.fetchone()
        if row is None:
            raise StopAsyncIteration
        return row


class _Execute:
    def __init__(self, db, sql, params):
        self._cur = db.execute(sql, params)

    def __await__(self):
        async def done():
            return _Cursor(self._cur)
        return done().__await__()

    async def __aenter__(self):
        return _Cursor(self._cur)

    async def __aexit__(self, *exc):
        self._cur.close()


class Connection:
    def __init__(self):
        self._db = sqlite3.connect(":memory:")

    def execute(self, sql, params=()):
        return _Execute(self._db, sql, params)

    async def commit(self):
        self._db.commit()


bp = Blueprint('private')

@bp.on_request
async def only_discord(request: Request):
    if request.credentials is None: return sanic.text("Only Discord bot can do this", 401)
    if request.credentials.username != 'discord-bot': return sanic.text("Only Discord bot can do this", 403)
    if request.credentials.password != token: return sanic.text("Only Discord bot can do this", 403)

@bp.get("/modmail")
async def pending_modmail(request: Request) -> HTTPResponse:
    entries = []
    db = request.app.ctx.db
    async with db.execute("SELECT id, content FROM modmail") as cursor:
        async for row in cursor:
            entries.append({'id': row[0], 'content': row[1]})
    return resp_json(entries)

@bp.delete("/modmail/<id:int>")
async def del_modmail(request: Request, id: int) -> HTTPResponse:
    db = request.app.ctx.db
    await db.execute("DELETE FROM modmail WHERE id=?", (id, ))
    await db.commit()
    return resp_json('ok')

@bp.post('/new')
async def new_interview(request: Request) -> HTTPResponse:
    db = request.app.ctx.db

    channel_id = request.json['channel_id']
    user_id = request.json['user_id']
    user_name = request.json['user_name']

    async with db.execute("SELECT edit_token FROM interview WHERE id=?", (channel_id,)) as cursor:
        async for row in cursor:
            return sanic.json({'state': 'existing', 'edit_url': f'https://interview.starfallmc.space/{channel_id}/{row[0]}'})

    edit_token = ''.join(random.choices(string.ascii_letters, k=16))
    approve_token = ''.join(random.choices(string.ascii_letters, k=16))
    db = request.app.ctx.db
    await db.execute("INSERT INTO interview (id, user_id, user_name, edit_token, approve_token, questions_json, answers_json, status, status_changed_at_unix_time) VALUES (?,?,?,?,?,?,?,?,?)", (
        channel_id,
        user_id,
        user_name,
        edit_token,
        approve_token,
        json.dumps(get_questions()),
        '{}',
        0,
        int(time.time())
    ))
    content = f"The user <@{user_id}> has just created an interview. Moderators can view the progress of this interview at: https://interview.starfallmc.space/{channel_id}/{approve_token}"
    await db.execute("INSERT INTO modmail (content) VALUES (?)", (content,))
    await db.commit()
    return sanic.json({'state': 'new', 'edit_url': f'https://interview.starfallmc.space/{channel_id}/{edit_token}'})

def get_questions():
    questions = []
    for q in open(os.path.join(HERE, 'interview_questions.txt')).readlines():
        q = q.strip()
        if '---' not in q:
            questions.append({'id': str(len(questions)), 'body': q, 'constraints': None})
        else:
            q_body, _, desc = q.rpartition('---')
            q = {'id': str(len(questions)), 'body': q_body}
            c = []
            l, r = desc.split('-')
            l = int(l)
            r = int(r)
            if l:
                c.append({'kind': 'len_above', 'value': l})
            if r:
                c.append({'kind': 'len_below', 'value': r})
            q['constraints'] = c or None
            questions.append(q)
    return questions

@bp.get("/pending/accept")
async def pending_accepts(request: Request) -> HTTPResponse:
    entries = []
    db = request.app.ctx.db
    async with db.execute("SELECT id, user_id, approve_token FROM interview WHERE status=?", (InterviewStatus.VERDICT_ACCEPT_NOT_APPLIED,)) as cursor:
        async for row in cursor:
            entries.append({'channel_id': row[0], 'user_id': row[1], 'token': row[2]})
    return resp_json(entries)

@bp.delete("/pending/accept/<id:int>")
async def del_pending_accept(request: Request, id: int) -> HTTPResponse:
    db = request.app.ctx.db
    await db.execute("UPDATE interview SET status=? WHERE id=? AND status=?", (InterviewStatus.VERDICT_ACCEPT_APPLIED, id, InterviewStatus.VERDICT_ACCEPT_NOT_APPLIED))
    await db.commit()
    return resp_json('ok')


app = Sanic("interview")
app.blueprint(bp)


@app.before_server_start
async def open_db(app):
    app.ctx.db = Connection()
    await app.ctx.db.execute("CREATE TABLE interview (id INTEGER, user_id INTEGER, user_name TEXT, edit_token TEXT, approve_token TEXT, questions_json TEXT, answers_json TEXT, status INTEGER, status_changed_at_unix_time INTEGER, verdict TEXT)")
    await app.ctx.db.execute("CREATE TABLE modmail (id INTEGER PRIMARY KEY, content TEXT)")
    await app.ctx.db.execute("INSERT INTO interview VALUES (7, 70, 'old', 'e', 'ap', '[]', '{}', 3, 0, NULL)")

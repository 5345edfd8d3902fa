"""VadyChel/Example-SanicAPI, app.py (the first layout: handlers calling ``Database()``,
a ``before_server_start`` listener, ``request.json`` checked for ``None``, tab-indented
handlers) with database.py on a stand-in for aiosqlite (stdlib sqlite3 behind the same
awaitable calls, a fresh file per process) and ``uuid4`` made deterministic."""

import hashlib
import itertools
import os
import re
import sqlite3
import uuid

from sanic import Sanic, response

_ids = itertools.count(1)
uuid.uuid4 = lambda: uuid.UUID(int=next(_ids))
DB_PATH = f"/tmp/apps11-esa-{os.getpid()}.db"


class _Cursor:
    def __init__(self, cur):
        self._cur = cur

    async def fetchall(self):
        return self._cur.fetchall()

    async def fetchone(self):
        return self._cur.fetchone()

    async def close(self):
        self._cur.close()


class _Conn:
    def __init__(self, path):
        self._db = sqlite3.connect(path)

    async def execute(self, sql):
        return _Cursor(self._db.execute(sql))

    async def commit(self):
        self._db.commit()

    async def close(self):
        self._db.close()


class aiosqlite:
    @staticmethod
    async def connect(path):
        return _Conn(DB_PATH)


class Database:
    async def prepare_to_start(self):
        if os.path.exists(DB_PATH):
            os.remove(DB_PATH)
        database = await aiosqlite.connect("database.db")
        await database.execute("CREATE TABLE IF NOT EXISTS users (id TEXT, password TEXT, name TEXT, email TEXT)")
        await database.commit()
        await database.close()

    async def get_users(self):
        database = await aiosqlite.connect("database.db")
        cursor = await database.execute("SELECT * FROM users")
        data = await cursor.fetchall()
        await cursor.close()
        await database.close()
        return [{"id": u[0], "name": u[2], "email": u[3]} for u in data]

    async def get_user(self, user_id):
        database = await aiosqlite.connect("database.db")
        cursor = await database.execute(f"SELECT * FROM users WHERE id = '{user_id}'")
        data = await cursor.fetchone()
        await database.close()
        if data is None:
            return 1
        return {"id": data[0], "name": data[2], "email": data[3]}

    async def create_user(self, user_id, password, user_name, user_email):
        if user_email in [u["email"] for u in await self.get_users()]:
            return 1
        database = await aiosqlite.connect("database.db")
        pass_hash = hashlib.md5(password.encode()).hexdigest()
        await database.execute(f"INSERT INTO users VALUES ('{user_id}', '{pass_hash}', '{user_name}', '{user_email}')")
        await database.commit()
        await database.close()
        return 0

    async def delete_user(self, user_id, password):
        database = await aiosqlite.connect("database.db")
        cursor = await database.execute(f"SELECT password FROM users WHERE id = '{user_id}'")
        data = await cursor.fetchone()
        if data is None:
            return 1
        if hashlib.md5(password.encode()).hexdigest() != data[0]:
            return 2
        await database.execute(f"DELETE FROM users WHERE id = '{user_id}'")
        await database.commit()
        await database.close()
        return 0

    async def edit_user(self, user_id, params):
        database = await aiosqlite.connect("database.db")
        cursor = await database.execute(f"SELECT password FROM users WHERE id = '{user_id}'")
        data = await cursor.fetchone()
        if data is None:
            return 2
        if hashlib.md5(params.get("password").encode()).hexdigest() != data[0]:
            return 1
        for key, value in params.items():
            if key in ("name", "email"):
                await database.execute(f"UPDATE users SET {key} = '{value}' WHERE id = '{user_id}'")
        await database.commit()
        await database.close()
        return 0


app = Sanic(__name__)

messages = {
	"error_valid_json": {"message": {"error": "There is a valid json data"}},
	"error_no_user": {"message": {"error": "There is no such user with such an ID"}},
	"error_valid_password": {"message": {"error": "There is a valid password"}},
	"error_mail_already_in_use": {"message": {"error": "Specified mail already in use"}},
	"error_valid_email": {"message": {"error": "There is a valid email"}},
	"succefly_create_user": {"message": {'succefly': 'Creating user was succefly'}},
	"succefly_delete_user": {"message": {"succefly": "Deleting user was succefly"}},
	"succefly_edit_user": {"message": {"succefly": "Editing user was succefly"}},
}

@app.listener('before_server_start')
async def setup_db(app, loop):
    await Database().prepare_to_start()

@app.get('/users')
async def get_users(request):
	data = await Database().get_users()
	return response.json(data)

@app.get('/users/<id>')
async def get_user(request, id):
	data = await Database().get_user(user_id=id)
	if data == 1:
		return response.json(messages["error_no_user"])
	return response.json(data)

@app.post('/users')
async def create_user(request):
	fields = ["password", "name", "email"]
	if request.json is not None:
		if sorted(request.json.keys()) == sorted(fields):
			template = re.compile(r"(^|\s)[-a-z0-9_.]+@([-a-z0-9]+\.)+[a-z]{2,6}(\s|$)")
			if template.match(request.json.get("email")):
				state = await Database().create_user(
					user_id=str(uuid.uuid4()),
					password=request.json.get("password"),
					user_name=request.json.get("name"),
					user_email=request.json.get("email")
				)
				if state == 1:
					return response.json(messages["error_mail_already_in_use"])
				return response.json(messages["succefly_create_user"])
			else:
				return response.json(messages["error_valid_email"])
		else:
			return response.json(messages["error_valid_json"])
	else:
		return response.json(messages["error_valid_json"])

@app.delete('/users/<id>')
async def delete_user(request, id):
	if request.json is not None:
		if "password" in request.json.keys():
			state = await Database().delete_user(user_id=id, password=request.json.get("password"))
			if state == 1:
				return response.json(messages["error_no_user"])
			elif state == 2:
				return response.json(messages["error_valid_password"])
			return response.json(messages["succefly_delete_user"])
		else:
			return response.json(messages["error_valid_json"])
	else:
		return response.json(messages["error_valid_json"])

@app.patch('/users/<id>')
async def edit_user(request, id):
	if request.json is not None:
		if "password" in request.json.keys():
			if "email" in request.json.keys():
				template = re.compile(r"(^|\s)[-a-z0-9_.]+@([-a-z0-9]+\.)+[a-z]{2,6}(\s|$)")
				if not template.match(request.json.get("email")):
					return response.json(messages["error_valid_email"])
			state = await Database().edit_user(user_id=id, params=request.json)
			if state == 1:
				return response.json(messages["error_valid_password"])
			elif state == 2:
				return response.json(messages["error_no_user"])
			return response.json(messages["succefly_edit_user"])
		else:
			return response.json(messages["error_valid_json"])
	else:
		return response.json(messages["error_valid_json"])


if __name__ == '__main__':
	app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", 5000)), debug=True)

"""VadyChel/Example-SanicAPI, the second layout (esa/api.py: ``Blueprint("api",
url_prefix='/v2', version="v2")``, a blueprint ``before_server_start`` listener that sets
``app.database``, handlers calling ``request.app.get_users()``; exceptions derived from
``BaseException``). The database is a stand-in; ``app.run`` as the author's app.py."""

import os
import re

from sanic import Blueprint, Sanic, response


class ExampleSanicAPIException(BaseException):
    pass


class UserAlreadyExists(ExampleSanicAPIException):
    pass


class UserNotFound(ExampleSanicAPIException):
    pass


class InvalidPassword(ExampleSanicAPIException):
    pass


class Config:
    MESSAGES = {
        "error_invalid_json": {"message": {"error": "Was provided an invalid data"}},
        "error_user_not_found": {"message": {"error": "There is no such user with such an ID"}},
    }
    EMAIL_REGEX = re.compile(r"(^|\s)[-a-z0-9_.]+@([-a-z0-9]+\.)+[a-z]{2,6}(\s|$)")


class Database:
    async def prepare(self):
        print("database prepared")


bp = Blueprint("api", url_prefix='/v2', version="v2")


@bp.listener('before_server_start')
async def setup_db(app, loop):
    app.database = Database()
    await app.database.prepare()


@bp.get('/users')
async def get_users(request):
    return response.json(await request.app.get_users())


@bp.get('/users/<user_id>')
async def get_user(request, user_id):
    try:
        data = await request.app.get_user(user_id=user_id)
    except UserNotFound:
        return response.json(Config.MESSAGES["error_user_not_found"])
    else:
        return response.json(data)


app = Sanic(__name__)
app.blueprint(bp)


@app.get('/raise')
async def raise_base(request):
    raise UserNotFound("a BaseException subclass out of a handler")


@app.get('/routes')
async def routes(request):
    return response.json(sorted(r.path for r in request.app.router.routes))


if __name__ == '__main__':
    app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", 5000)), debug=True)

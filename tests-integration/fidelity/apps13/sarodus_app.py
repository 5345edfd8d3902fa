"""Sarodus/docker, www/sanic_test (app/base.py, config.py, views/user.py from an earlier
commit, views/api.py, ext/api_model/base.py and sqla/base.py; no licence file in the
repository). The config replaced after construction by an instance of a `Config`
subclass (`app.config = MyConfig()`); an app handler and a blueprint handler for
`NotFound` that answer 200 with JSON; `return json(users), 201` (a tuple); a generic
`ModelView` registering bound methods with `app.add_route(endpoint, rule, methods)` at
`''` and `'/<id_item:number>'` (sanic-routing's `number` type) whose async routers call the
sync `item_*` method for `request.method`.

As written `Sanic()` has no name (refused alike); named here. Stand-ins: SQLAlchemy's
session and the `User` model (a list of users; `get` by id, `filter_by(...)[0]`).
"""

from sanic import Sanic
from sanic.blueprints import Blueprint
from sanic.config import Config
from sanic.exceptions import NotFound
from sanic.response import json, text


# stand-ins for app/db.py and app/models.py
class User:
    __tablename__ = "user"
    _rows = [
        {"id": 1, "name": "Ana", "username": "ana", "email": "ana@x", "password": "pw1"},
        {"id": 2, "name": "Ben", "username": "ben", "email": "ben@x", "password": "pw2"},
    ]

    def __init__(self, **kwargs):
        unknown = set(kwargs) - {"name", "username", "email", "password"}
        if unknown:
            raise TypeError(f"{unknown.pop()!r} is an invalid keyword argument for User")
        self.row = {"id": None, "name": None, "username": None, "email": None, "password": None}
        self.row.update(kwargs)

    def serialize(self):
        return dict(self.row)


class _Query:
    def __init__(self, rows):
        self.rows = rows

    def __iter__(self):
        return iter(User(**{k: v for k, v in r.items() if k != "id"}) for r in self.rows)

    def filter_by(self, id):
        return [u for u in self._users() if u.row["id"] == id]

    def get(self, id):
        found = self.filter_by(id)
        return found[0] if found else None

    def _users(self):
        out = []
        for r in self.rows:
            u = User(**{k: v for k, v in r.items() if k != "id"})
            u.row["id"] = r["id"]
            out.append(u)
        return out


class Session:
    def query(self, model):
        return _Query(User._rows)

    def add(self, item):
        item.row["id"] = len(User._rows) + 1
        User._rows.append(item.row)

    def commit(self):
        pass


# app/config.py
class MyConfig(Config):
    SQLALCHEMY_DATABASE_URI = "sqlite:////data/sql.db"


# app/ext/api_model/base.py
class BaseModelView():

    can_list = can_get = can_create = can_update = can_delete = True

    def __init__(self, model):
        super(BaseModelView, self).__init__()
        self.model = model

        self.router_base_map = {
            'GET': self.item_list,
            'POST': self.item_create
        }
        self.router_item_map = {
            'GET': self.item_get,
            'PUT': self.item_update,
            'DELETE': self.item_delete
        }

    def register(self, app, url_prefix=None):
        if url_prefix is None:
            url_prefix = self.get_default_url_prefix()

        for endpoint, route, methods in self.get_routes():
            rule = url_prefix + route
            app.add_route(endpoint, rule, methods)

    def get_routes(self):

        route_base = ''
        route_base_methods = []

        route_item = '/<id_item:number>'
        route_item_methods = []

        if self.can_list:
            route_base_methods.append('GET')

        if self.can_get:
            route_item_methods.append('GET')

        if self.can_create:
            route_base_methods.append('POST')

        if self.can_update:
            route_item_methods.append('PUT')

        if self.can_delete:
            route_item_methods.append('DELETE')

        if route_base_methods:
            yield self.router_base, route_base, route_base_methods

        if route_item_methods:
            yield self.router_item, route_item, route_item_methods


    async def router_base(self, request, *args, **kwargs):
        return self.router_base_map[request.method](request, *args, **kwargs)


    async def router_item(self, request, id_item, *args, **kwargs):
        return self.router_item_map[request.method](request, id_item, *args, **kwargs)

    def get_default_url_prefix(self):
        return '/%s' % self.model.__name__.lower()

    def item_list(self, request):
        raise NotImplementedError

    def item_get(self, request, id_item):
        raise NotImplementedError

    def item_create(self, request):
        raise NotImplementedError

    def item_update(self, request, id_item):
        raise NotImplementedError

    def item_delete(self, request, id_item):
        raise NotImplementedError


# app/ext/api_model/sqla/base.py
class ModelView(BaseModelView):

    def __init__(self, model, session):
        super(ModelView, self).__init__(model)
        self.session = session

    def get_default_url_prefix(self):
        return '/%s' % self.model.__tablename__

    def item_list(self, request):
        sess = self.session()
        items = list(map(lambda u: u.serialize(), sess.query(self.model)))
        return json(items)

    def item_get(self, request, id_item):
        sess = self.session()
        item = sess.query(self.model).get(id_item)
        if item is None:
            return json({'code': 404, 'msg':'Not found'})
        return json(item.serialize())

    def item_create(self, request):
        sess = self.session()
        # TODO, fill item with request.json or request.form or ??
        # TODO, validate
        item = self.model()
        sess.add(item)
        sess.commit()
        return json(item.serialize(), status=201)

    def item_update(self, request, id_item):
        return json({'msg':'Not yet implemented!', 'code': 404})

    def item_delete(self, request, id_item):
        return json({'msg':'Not yet implemented!', 'code': 404})


# app/views/user.py (earlier commit)
user_bp = Blueprint('user', url_prefix='/users')


@user_bp.route("/", methods=["GET"])
async def all_users(request):
    sess = Session()
    users = list(map(lambda u: u.serialize(), sess.query(User)))
    return json(users), 201


@user_bp.route("/", methods=["POST"])
async def new_user(request):
    sess = Session()
    try:
        sess.add(User(**request.json))
        return json({"success": True})
    except Exception as e:
        return json({"success": False})


@user_bp.route("/<user_id:int>", methods=["GET"])
async def user(request, user_id):
    sess = Session()
    try:
        return json(sess.query(User).filter_by(id=user_id)[0].serialize())
    except IndexError:
        raise NotFound("no user found with id: " + str(user_id))


@user_bp.exception(NotFound)
async def not_found_bp(request, exception):
    return json({"type": type(exception).__name__, "message": str(exception)})


# app/views/api.py
def register_routes(app):
    ModelView(User, Session).register(app, url_prefix='/user')


# app/base.py
app = Sanic("sanic_test")
app.config = MyConfig()

register_routes(app)
app.blueprint(user_bp)


@app.route("/", methods=["GET"])
async def hello(request):
    return json({'success': True, 'db': app.config.SQLALCHEMY_DATABASE_URI,
                 'timeout': app.config.REQUEST_TIMEOUT})


@app.exception(NotFound)
async def not_found(request, exception):
    return json({"type": type(exception).__name__, "message": str(exception)})

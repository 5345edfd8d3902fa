"""mirschao/modish (runner.py, config/default.py, sql_orders/routes.py), condensed: a
factory `create_app(config_object=default)` that calls
`app.update_config(config_object.TestingConfig)`, a class whose settings are partly
inherited from its base; a blueprint routes declared with `route(uri=..., methods=...)`;
Tortoise rows turned into dicts with `dict([item for item in row])`. Stand-ins: the
Tortoise model (objects that iterate as (field, value) pairs, kept in a list); the
`/config` route is written here to show which settings `update_config` took."""

import types

from sanic import Blueprint, Sanic, response


class Config:
    DEBUG = False
    TESTING = False
    DATABASE_URL = "mysql://username:password@localhost/dbname"
    SECRET_KEY = "90d5092e335f04dc8018386fe5369287"
    lower_case = "ignored?"


class TestingConfig(Config):
    DATABASE_URL = "mysql://modish:Abc123!!@localhost/modish"


default = types.SimpleNamespace(TestingConfig=TestingConfig)


class Row:
    def __init__(self, **fields):
        self.fields = fields

    def __iter__(self):
        return iter(self.fields.items())


class SqlOrders:
    rows = [Row(id=1, order_sql="select 1", order_status=0)]

    @classmethod
    async def create(cls, **fields):
        cls.rows.append(Row(id=len(cls.rows) + 1, **fields))

    @classmethod
    async def all(cls):
        return list(cls.rows)


sqlorder_urls = Blueprint(name="sqlorders", url_prefix="/sqlorders")


@sqlorder_urls.route(uri="/submit", methods=["POST"])
async def submit_sqlorder_change_route(request):
    data = request.json
    await SqlOrders.create(order_sql=data.get("order_sql"), order_status=data.get("order_status"))
    return response.json(data)


@sqlorder_urls.route(uri="/query", methods=["GET"])
async def query_sqlorder_detail_route(request):
    data = await SqlOrders.all()
    result = []
    for generator in data:
        items = dict([item for item in generator])
        result.append(items)
    return response.json(result)


def create_app(config_object=default):
    app = Sanic("modish")
    app.update_config(config_object.TestingConfig)
    app.blueprint(sqlorder_urls)

    @app.get("/config")
    async def config(request):
        c = request.app.config
        return response.json({k: c.get(k, "<missing>") for k in
                              ("DEBUG", "TESTING", "DATABASE_URL", "SECRET_KEY", "lower_case")})

    return app


app = create_app()

"""zhombie/sanic-experiments (server/app.py, server/core/web/engine/*.py, server/api/*.py),
condensed.

A ``Sanic`` subclass built with an app-wide ``dumps`` that returns bytes (orjson's) and a
``request_class``; a ``Blueprint`` subclass whose classmethod ``group(...)`` nests groups
(``url_prefix='/api', version=1, version_prefix='/v'`` around a group with
``url_prefix='/staff'``); a blueprint with ``url_prefix='/'`` and a route ``'/'`` in the group; ``HTTPMethodView`` subclasses with
``decorators = [on_api_request]`` (the wrapper puts the handler's return value, a list or
a string, in a JSON envelope with ``request.to_dict()``: ``str(request.id)``,
``request.url``, every header) and an ``options`` *classmethod* answering ``empty()``.
No licence file in the stored copy.

Stands in: orjson's ``dumps`` is ``json.dumps(...).encode()`` (bytes, as orjson gives);
sanic_ext's ``CountedRequest`` (not installed under Sanic's side) is a ``Request``
subclass counting the requests it was built for in ``count``; the calls repository is a
list. Changed: the second registration of the ``home`` blueprint is refused alike (a
duplicate name), so only the group is registered; none of the stored ``app.py``'s imports resolve from one place (``api`` and
``server.api`` both used): one module here.
"""

import json as jsonlib
from dataclasses import dataclass
from functools import wraps
from typing import Optional

from sanic import Blueprint, HTTPResponse, Request, Sanic, empty, json
from sanic.blueprint_group import BlueprintGroup
from sanic.views import HTTPMethodView


def dumps(obj, **kwargs):
    return jsonlib.dumps(obj, separators=(",", ":"), **kwargs).encode()


class CountedRequest(Request):
    count = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        type(self).count += 1


class APIRequest(CountedRequest):
    def to_dict(self):
        return {
            'id': str(self.id),
            'method': self.method,
            'url': self.url,
            'headers': {k: v for k, v in self.headers.items()},
            'count': self.count,
        }


class APIResponse(HTTPResponse):
    @staticmethod
    def json(*args, **kwargs):
        return json(*args, **kwargs)


class APIRoute(Blueprint):
    def add(self, *args, **kwargs):
        return self.add_route(*args, **kwargs)


class APIRouteGroup(BlueprintGroup):
    pass


class APIView(HTTPMethodView):
    @classmethod
    async def options(cls, _, *args, **kwargs):
        return empty()


class App(Sanic):
    pass


@dataclass
class APIException:
    message: Optional[str] = None


def on_api_request(func):
    @wraps(func)
    async def wrapper(request: APIRequest, *args, **kwargs) -> APIResponse:
        print('on_api_request() ->', func, request, args, kwargs)
        body = {'meta': {'request': request.to_dict()}}
        response = await func(request, *args, **kwargs)
        body['data'] = response
        return APIResponse.json(body, status=kwargs.get('status', 200))
    return wrapper


class BaseAPIView(APIView):
    decorators = [on_api_request]


class HomeAPIView(BaseAPIView):
    async def get(self, _):
        return 'Hello, World!'


class EmployeesAPIView(BaseAPIView):
    async def get(self, _):
        return [{'id': 1, 'username': 'john.smith', 'first_name': 'John',
                 'last_name': 'Smith', 'patronymic': 'Yellowstone'}]


CALLS = [{'id': 7, 'from': '+7 700 000 0000', 'duration': 61.5}]


class CallsAPIView(BaseAPIView):
    async def get(self, _):
        return list(CALLS)

    async def post(self, request):
        CALLS.append(request.json)
        return {'created': len(CALLS), 'status': 201}


def build_home_blueprint():
    route = APIRoute('home', url_prefix='/')
    route.add(HomeAPIView.as_view(), '/')
    return route


def build_calls_blueprint():
    route = APIRoute('calls', url_prefix='/calls')
    route.add(CallsAPIView.as_view(), '/')
    return route


def build_staff_employees_blueprint():
    route = APIRoute('staff-employees', url_prefix='/employees')
    route.add(EmployeesAPIView.as_view(), '/')
    return route


def build_staff_blueprint():
    return APIRoute.group(build_staff_employees_blueprint(), url_prefix='/staff')


def build_api_blueprint():
    return APIRoute.group(
        build_home_blueprint(),
        build_calls_blueprint(),
        build_staff_blueprint(),
        url_prefix='/api',
        version=1,
        version_prefix='/v',
    )


app = App('sample', dumps=dumps, request_class=APIRequest)

# As written the home blueprint is registered alone first and again in the group: refused
# alike ("A blueprint with the name "home" is already registered", an AssertionError).
app.blueprint(build_api_blueprint())


@app.get("/debug/routes")
async def routes(request):
    return json(sorted((r.path, r.name) for r in app.router.routes))

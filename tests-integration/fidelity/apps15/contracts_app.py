"""grubov/sanic-test-project (service_api/app.py, service_api/api_v1.py,
resources/__init__.py, resources/contracts.py, resources/smoke.py, domain/contracts.py),
condensed.

``load_api(app)`` builds ``Blueprint('v1', url_prefix='/<service>/v1',
strict_slashes=False)`` with two ``HTTPMethodView`` resources added with
``strict_slashes=False``, one at ``"/contracts/<contract_id:int>"`` and one at
``"/contracts/"`` (a trailing slash); the item resource's ``post(self, request)`` takes no
``contract_id`` and the list resource's ``put`` is ``pass`` (returns ``None``). No licence
file in the stored copy.

Stands in: the SQLAlchemy table is a list of dicts (``dict(result.fetchone())`` of a
missing row is ``dict(None)``: a ``TypeError``, as with the database; an insert with an
unknown column raises as the database would); ``SmokeResource`` is routed at ``/smoke``
(the stored copy defines it but routes it nowhere). Changed: ``Sanic()`` needs a name.
"""

from sanic import Blueprint, Sanic, response
from sanic.views import HTTPMethodView

SERVICE_NAME = "service_api"
COLUMNS = ("id", "title", "amount")
CONTRACTS: list = [{"id": 1, "title": "first", "amount": 10}]


async def get_contract_by_id(contract_id):
    row = next((c for c in CONTRACTS if c["id"] == contract_id), None)
    return dict(row)


async def put_contract_by_id(request, contract_id):
    json_data = request.json
    for c in CONTRACTS:
        if c["id"] == contract_id:
            c.update({k: v for k, v in json_data.items() if k in COLUMNS})
    return {'PUT': 'OK'}


async def delete_contract_by_id(contract_id):
    CONTRACTS[:] = [c for c in CONTRACTS if c["id"] != contract_id]
    return {'DELETE': 'OK'}


async def get_all_contracts():
    res = []
    for i in CONTRACTS:
        res.append(dict(i))
    return res


async def post_new_contract(request):
    json_data = request.json
    unknown = set(json_data) - set(COLUMNS)
    if unknown:
        raise KeyError(f"Unconsumed column names: {', '.join(sorted(unknown))}")
    row = {"id": max([c["id"] for c in CONTRACTS], default=0) + 1, **json_data}
    CONTRACTS.append(row)
    return {'POST': f'ADDED WITH ID={[row["id"]]}'}


class BaseResource(HTTPMethodView):
    pass


class ContractResource(BaseResource):
    async def get(self, request, contract_id):
        contract = await get_contract_by_id(contract_id)
        return response.json(contract)

    async def post(self, request):
        pass

    async def put(self, request, contract_id):
        contract = await put_contract_by_id(request, contract_id)
        return response.json(contract)

    async def delete(self, request, contract_id):
        contract = await delete_contract_by_id(contract_id)
        return response.json(contract)


class ContractsResource(BaseResource):
    async def get(self, request):
        contracts = await get_all_contracts()
        return response.json(contracts)

    async def post(self, request):
        contracts = await post_new_contract(request)
        return response.json(contracts)

    async def put(self, request):
        pass


class SmokeResource(BaseResource):
    async def get(self, request):
        """Simple test"""
        return response.json({"message": "ok"})


def load_api(app: Sanic):
    api_v1 = Blueprint('v1', url_prefix=f'/{SERVICE_NAME}/v1', strict_slashes=False)
    api_v1.add_route(ContractResource.as_view(), "/contracts/<contract_id:int>", strict_slashes=False)
    api_v1.add_route(ContractsResource.as_view(), "/contracts/", strict_slashes=False)
    api_v1.add_route(SmokeResource.as_view(), "/smoke")
    app.blueprint(api_v1)


app = Sanic("service_api")
load_api(app)

"""aidanakenes/airTicketsBooking (code/app.py, handlers/search.py, handlers/booking.py,
handlers/offers.py, helpers/errors.py, jsonschema_.py), condensed: routes added inside
`run()` just before `app.run(...)` (as written; the module-level app has none when the
workers import the module), a regex path parameter `<phone:[+,0-9]{0,4}>` next to
`<email:string>`, errors that are plain `Exception` subclasses with `msg` and
`status_code` class attributes, an `async def validate` called without `await` (as
written, so it never runs), `response.json(..., dumps=json.dumps, default=str)`, and
`booking_details(...).__dict__()` called on a model that defines `__dict__` as a method.
Stand-ins: httpx and the provider API, Redis and the database pool (dicts), jsonschema
(a required-keys check)."""

import json
import os
from datetime import datetime

from sanic import Sanic, response


class PassengersNumberError(Exception):
    msg: str = "Количество пассажиров должно быть больше 0"
    status_code: int = 404


class SearchNotFound(Exception):
    msg: str = "Нет данных по результатам поиска"
    status_code: int = 404


class InvalidParams(Exception):
    msg: str = "Неправльно указаны параметры"
    status_code: int = 404


async def validate(request, schema):
    try:
        missing = [k for k in schema if k not in (request.json or {})]
        if missing:
            raise ValueError(missing)
    except Exception:
        raise InvalidParams()


class Booking:
    def __init__(self, data):
        self.id, self.email, self.phone = data["id"], data["email"], data["phone"]
        self.created = datetime(2020, 1, 1, 12, 0)

    def __dict__(self):
        return {"id": self.id, "email": self.email, "phone": self.phone, "created": self.created}


SEARCHES, BOOKINGS = {}, {1: Booking({"id": 1, "email": "a@b.kz", "phone": "+7"})}


async def search(request):
    validate(request, ["adults", "children", "infants"])
    if request.json.get("adults") < 1 and request.json.get("children") < 1 and request.json.get("infants") < 1:
        raise PassengersNumberError()
    search_id = len(SEARCHES) + 1
    SEARCHES[search_id] = {"search_id": search_id, "items": [], "at": datetime(2020, 1, 1)}
    return response.json({"search_id": search_id})


async def search_by_id(request, search_id):
    if search_id not in SEARCHES:
        raise SearchNotFound()
    return response.json(SEARCHES[search_id], dumps=json.dumps, default=str)


async def booking_details(request, booking_id):
    return response.json(BOOKINGS[booking_id].__dict__(), dumps=json.dumps, default=str)


async def booking_by_email_phone(request, email, phone):
    found = [b.__dict__() for b in BOOKINGS.values() if b.email == email and b.phone.startswith(phone)]
    return response.json(found, dumps=json.dumps, default=str)


app = Sanic("air-tickets-booking")


def add_routes():
    app.add_route(search, "/search", methods=["POST"])
    app.add_route(search_by_id, "/search/<search_id:int>", methods=["GET"])
    app.add_route(booking_details, "/booking/<booking_id:int>", methods=["GET"])
    app.add_route(booking_by_email_phone, "/booking/<email:string>/<phone:[+,0-9]{0,4}>", methods=["GET"])


def run():
    add_routes()
    app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", 8000)))


if __name__ == "__main__":
    run()
elif __name__ != "__mp_main__":
    # Imported by sanic-diff's runner (airtickets.http): the routes, so requests can be compared.
    add_routes()

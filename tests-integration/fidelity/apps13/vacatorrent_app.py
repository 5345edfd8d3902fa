"""dheison0/vacatorrent-api (no licence file in the repository): api/v1/routes (a
`Blueprint('v1', version=1)` inside `Blueprint.group(v1, version_prefix="/v")`, the same
handler added at `/home` and `/home/<page:int>` with `add_route(handler, uri, ["GET"])`,
modules whose handlers are all named `handler`, `json(body, HTTPStatus.BAD_REQUEST)` with
the status positional; as written both refuse to start alike, `Duplicate route names
detected: vacatorrent.v1.handler`, also with only the two home routes (one handler, two
URIs) left sharing a name; every route but the first is named here) and api/v2 (`server.add_route(home.handler, '/v2/home/<page:int>')`
under `@cacheResponse(300)`, which keeps the first `HTTPResponse` object per URL and returns
that same object to every later request, with a non-daemon `Thread` expiring entries, and
`@dataclassResponse` turning `(dataclass, status)` into `json(asdict(...))`).

Stand-ins: the extractors (they scrape a torrent site with aiohttp) return fixed data:
home pages 1 and 2 exist, 3 raises `PageNotFound`, 4 an unexpected error; a search for
`none` finds nothing, `boom` fails. The cache expiry is 2 s (as written 300 s, which keeps
the process alive through its non-daemon thread that long after Ctrl-C, in both).
"""

import gc
import logging
import traceback
from dataclasses import asdict, dataclass
from functools import wraps
from http import HTTPStatus
from logging import error, info
from threading import Thread
from time import sleep, time
from typing import Any, Callable

from sanic import HTTPResponse, Request, Sanic, json
from sanic.blueprints import Blueprint


# stand-ins for the extractors
class PageNotFound(Exception):
    pass


class NoResults(Exception):
    pass


@dataclass
class Item:
    title: str
    url: str

    def dict(self):
        return asdict(self)


PAGES = {1: [Item("Duna", "/duna"), Item("Oppenheimer", "/oppenheimer")], 2: [Item("Barbie", "/barbie")]}


class home_extractor:
    @staticmethod
    async def get_all(page):
        if page == 4:
            raise RuntimeError("site changed its markup")
        if page not in PAGES:
            raise PageNotFound(page)
        return PAGES[page]

    getPage = get_all


class search_extractor:
    @staticmethod
    async def search(query, page):
        if query == "boom":
            raise ValueError("unexpected answer")
        if query == "none":
            return ([], False), "no results"
        return ([Item(f"{query} {page}", f"/{query}")], page < 2), None


class download_extractor:
    @staticmethod
    async def get_download(key):
        if key == "missing":
            raise KeyError(key)
        return Item(key.title(), f"magnet:?xt={key}")


def log_exception(exc):
    logging.error("".join(traceback.format_exception_only(type(exc), exc)).strip())


# api/v1/routes/home.py
async def home_handler(_, page: int = 1):
    "Obtem todos os filmes/series recomendados pelo site"
    try:
        recommendations = await home_extractor.get_all(page)
    except Exception as exc:
        error("Home: params: page=%s", page)
        log_exception(exc)
        return json(
            body={'error': f'failed to get homepage recommendations: {str(exc)}'},
            status=HTTPStatus.INTERNAL_SERVER_ERROR
        )
    result = json(
        body=list(map(lambda r: r.dict(), recommendations)),
        status=HTTPStatus.OK
    )
    return result


# api/v1/routes/search.py
async def search_handler(request: Request):
    "Procura pelo filme desejado no site"
    query = request.args.get('q')
    if not query:
        return json(
            body={'error': 'query not specified'},
            status=HTTPStatus.BAD_REQUEST
        )
    page = int(request.args.get("page", "1"))
    try:
        results, err_info = await search_extractor.search(query, page)
    except Exception as err:
        error("Search: query: page={page} q='%s'", query)
        log_exception(err)
        return json(
            body={'error': f'failed to search: {str(err)}'},
            status=HTTPStatus.INTERNAL_SERVER_ERROR
        )
    if err_info is not None:
        return json({'error': err_info}, HTTPStatus.BAD_REQUEST)
    return json(
        body={
            'page': {'number': page, 'has_next': results[1]},
            'results': list(map(lambda r: r.dict(), results[0]))
        },
        status=HTTPStatus.OK
    )


# api/v1/routes/download.py
async def download_handler(_, key: str):
    "Obtem as informações de download de um filme/serie"
    try:
        result = await download_extractor.get_download(key)
    except Exception as err:
        error("Download: params: key='%s'", key)
        log_exception(err)
        return json(
            body={'error': f'failed to get download informations: {str(err)}'},
            status=HTTPStatus.INTERNAL_SERVER_ERROR
        )
    return json(body=result.dict(), status=HTTPStatus.OK)


# each module's function is named `handler` (the route names come from it)
home_handler.__name__ = search_handler.__name__ = download_handler.__name__ = "handler"


# api/v1/routes/__init__.py
def add_to_server(server: Sanic):
    v1 = Blueprint('v1', version=1)
    api = Blueprint.group(v1, version_prefix="/v")
    v1.add_route(home_handler, '/home', ["GET"])
    v1.add_route(home_handler, '/home/<page:int>', ["GET"], name="home_page")
    v1.add_route(search_handler, '/search', ["GET"], name="search")
    v1.add_route(download_handler, '/download/<key:str>', ["GET"], name="download")
    server.blueprint(api)


# api/caching.py
@dataclass
class Cache:
    expire: float
    data: Any


STORAGE: dict[str, Cache] = {}
MANAGERS: int = 0


def cacheManager():
    """Manage cache storage"""
    global MANAGERS
    MANAGERS += 1
    while len(STORAGE) > 0 and MANAGERS == 1:
        sleep(1)
        for cid, cache in list(STORAGE.items()):
            if time() >= cache.expire:
                STORAGE.pop(cid)
    MANAGERS -= 1
    gc.collect()


def cacheResponse(expire: int = 60):
    def decorator(func):
        @wraps(func)
        async def wrapper(req: Request, *args, **kwargs):
            if req.url not in STORAGE:
                response: HTTPResponse = await func(req, *args, **kwargs)
                if response.status >= 300:
                    return response
                STORAGE[req.url] = Cache(time()+expire, response)
                if len(STORAGE) == 1:
                    Thread(target=cacheManager).start()
            return STORAGE[req.url].data
        return wrapper
    return decorator


# api/utils.py
def dataclassResponse(func: Callable):
    @wraps(func)
    async def wrapper(*args, **kwargs) -> HTTPResponse:
        result, statusCode = await func(*args, **kwargs)
        resultDict = asdict(result)
        return json(resultDict, status=statusCode)
    return wrapper


# api/v2/responses.py
@dataclass
class Response:
    result: list
    ok: bool = True


@dataclass
class Error:
    message: str
    ok: bool = False


# api/v2/handlers/home.py
@cacheResponse(2)
@dataclassResponse
async def handler(_, page: int = 1):
    try:
        results = await home_extractor.getPage(page)
    except PageNotFound:
        return Error(f"Page {page} not found!"), 404
    except Exception as e:
        logging.exception(
            f"Error on page {page} of home: %s", e,
            stack_info=False
        )
        return Error(f"Internal server error!"), 500
    return Response([r.dict() for r in results]), 200


app = Sanic("vacatorrent")
add_to_server(app)
app.add_route(handler, '/v2/home/<page:int>')

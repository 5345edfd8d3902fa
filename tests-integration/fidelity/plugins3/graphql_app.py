"""strawberry-graphql 0.341 through its Sanic view (``strawberry.sanic.views.GraphQLView``):
queries and mutations by POST (JSON, urlencoded and multipart uploads) and GET, variables,
operation names, errors, the context's request and temporal response (status and headers
set by a resolver), subscriptions streamed as multipart/mixed and as
server-sent events through ``request.respond()``, the GraphiQL page, and the view in a blueprint with a custom
context."""

import asyncio
from collections.abc import AsyncGenerator

import strawberry
from strawberry.file_uploads import Upload
from strawberry.sanic.views import GraphQLView
from strawberry.subscriptions import GRAPHQL_SSE_PROTOCOL, MULTIPART_SUBSCRIPTION_PROTOCOL
from strawberry.types import Info

from sanic import Blueprint, Sanic

STORE: list[str] = []


@strawberry.type
class Query:
    @strawberry.field
    def hello(self, name: str = "world") -> str:
        return f"hello {name}"

    @strawberry.field
    def path(self, info: Info) -> str:
        request = info.context["request"]
        return f"{request.method} {request.path} {request.args.get('x')}"

    @strawberry.field
    def teapot(self, info: Info) -> str:
        info.context["response"].status_code = 418
        info.context["response"].headers["X-Brew"] = "tea"
        return "short and stout"

    @strawberry.field
    def fail(self) -> str:
        raise ValueError("resolver failed")

    @strawberry.field
    def items(self) -> list[str]:
        return STORE

    @strawberry.field
    def custom(self, info: Info) -> str:
        return str(info.context.get("custom", "none"))


@strawberry.type
class Mutation:
    @strawberry.mutation
    def add(self, item: str) -> list[str]:
        STORE.append(item)
        return STORE

    @strawberry.mutation
    async def upload(self, file: Upload) -> str:
        return f"{file.name} {file.type} {file.body.decode()}"


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def count(self, to: int = 3) -> AsyncGenerator[int, None]:
        for i in range(to):
            yield i
            await asyncio.sleep(0)


schema = strawberry.Schema(query=Query, mutation=Mutation, subscription=Subscription)


class CustomView(GraphQLView):
    async def get_context(self, request, response):
        return {"request": request, "response": response, "custom": request.headers.get("x-who")}


app = Sanic("graphql_app")
STREAMS = (MULTIPART_SUBSCRIPTION_PROTOCOL, GRAPHQL_SSE_PROTOCOL)
app.add_route(
    GraphQLView.as_view(
        schema=schema, graphql_ide=None, multipart_uploads_enabled=True, subscription_protocols=STREAMS
    ),
    "/graphql",
)
app.add_route(GraphQLView.as_view(schema=schema, allow_queries_via_get=False), "/ide", name="ide")
bp = Blueprint("gql", url_prefix="/bp")
bp.add_route(CustomView.as_view(schema=schema, graphql_ide=None), "/graphql")
app.blueprint(bp)

"""Drive extapp through ASGI (lifespan first) and print one line per sanic-ext feature."""

import asyncio
import json
import logging
import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from extapp import app


async def main() -> dict[str, bool]:
    messages = [{"type": "lifespan.startup"}]
    sent: list[dict] = []
    started = asyncio.Event()

    async def receive() -> dict:
        if messages:
            return messages.pop(0)
        await asyncio.sleep(3600)
        return {}

    async def send(message: dict) -> None:
        sent.append(message)
        started.set()

    logged: list[str] = []
    catch = logging.Handler()
    catch.emit = lambda record: logged.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("sanic.root").addHandler(catch)
    lifespan = asyncio.create_task(app({"type": "lifespan"}, receive, send))
    await asyncio.wait_for(started.wait(), timeout=30)
    results = {"lifespan startup": sent[0]["type"] == "lifespan.startup.complete"}
    # As Sanic: the start lists the loaded extensions ("Sanic Extensions:", "  > openapi ...").
    results["extensions listed at start-up"] = "Sanic Extensions:" in logged and any(
        line.startswith("  > openapi") for line in logged
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        r = await c.post("/people", json={"name": "Ann", "age": 3})
        results["validate accepts"] = r.json() == {"name": "Ann", "age": 3}
        r = await c.post("/people", json={"name": "Ann"})
        results["validate rejects"] = r.status_code == 400
        r = await c.get("/di")
        results["dependency injection"] = r.text == "injected!"
        r = await c.get("/hello/Bob")
        results["templates"] = "Hello Bob" in r.text
        r = await c.get("/plain", headers={"origin": "http://allowed.example"})
        results["cors"] = r.headers.get("access-control-allow-origin") == "http://allowed.example"
        r = await c.options(
            "/plain",
            headers={"origin": "http://allowed.example", "access-control-request-method": "GET"},
        )
        results["auto options"] = r.status_code == 204 and "GET" in r.headers.get("allow", "")
        r = await c.head("/plain")
        results["auto head"] = r.status_code == 200 and r.content == b""
        r = await c.get("/docs/openapi.json")
        spec = r.json() if r.status_code == 200 else {}
        results["openapi spec"] = "/people" in spec.get("paths", {}) and "/ws" in spec["paths"]
        item = spec.get("paths", {}).get("/items/{item_id}/{slug}", {}).get("get", {})
        # sanic-routing's parameter order: by pattern priority (slug before int).
        results["openapi path parameters"] = [p["name"] for p in item.get("parameters", [])] == [
            "slug",
            "item_id",
        ]
        results["openapi summary"] = (
            spec.get("paths", {}).get("/plain", {}).get("get", {}).get("summary") == "A plain route"
        )
        r = await c.get("/docs")
        results["openapi ui"] = r.status_code == 200
        r = await c.get("/port/42")
        results["route argument beats constants"] = r.text == "42"
        r = await c.get("/lazy/Ann")
        results["template via render()"] = r.status_code == 201 and "Hello Ann" in r.text
    lifespan.cancel()
    return results


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main())))

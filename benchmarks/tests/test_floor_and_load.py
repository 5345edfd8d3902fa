"""The floor server, the harness client and the fallback load generator, over real sockets."""

import sys

import pytest
from harness.client import KeepAliveClient, build_request
from harness.load import run_load
from harness.servers import ServerProcess, free_port
from harness.targets import BENCH_DIR, ROUTES


@pytest.fixture
def floor(tmp_path):
    port = free_port()
    server = ServerProcess(
        "floor",
        [sys.executable, str(BENCH_DIR / "floor.py"), str(port)],
        port,
        cpu=None,
        log_path=tmp_path / "floor.log",
    )
    server.start()
    try:
        server.wait_ready("/", timeout=30)
        yield server
    finally:
        server.stop()
    assert server.proc.returncode is not None


def test_floor_answers_every_benchmark_route(floor):
    with KeepAliveClient(floor.port) as client:
        for route in ROUTES:
            response = client.request(build_request(route.method, route.path, route.body))
            assert (response.status, response.body) == (200, route.expect), route.name


def test_loadgen_counts_responses_without_errors(floor):
    result = run_load(floor.port, "/echo", duration=1, connections=4, body_size=1024)
    assert result.requests > 0
    assert (result.errors, result.non2xx) == (0, 0)
    assert result.p99_ms >= result.p50_ms > 0


def test_server_cpu_and_rss_are_read_from_proc(floor):
    assert floor.rss_kib() > 0
    before = floor.cpu_ns()
    with KeepAliveClient(floor.port) as client:
        for _ in range(50):
            client.request(build_request("GET", "/json"))
    assert floor.cpu_ns() > before

"""The examples in the package READMEs run as written (ports swapped for free ones)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
from helpers import ROOT, free_port, running

from hurtle_inspector import InspectorClient


def python_blocks(package: str) -> list[str]:
    text = (ROOT / "packages" / package / "README.md").read_text()
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def write(tmp_path: Path, source: str, ports: dict[int, int] | None = None) -> Path:
    """Save ``source`` as a script, with each README port replaced by a free one."""
    for old, new in (ports or {}).items():
        source = source.replace(str(old), str(new))
    script = tmp_path / "example.py"
    script.write_text(source)
    return script


def test_http_core_readme_server(tmp_path: Path) -> None:
    port = free_port()
    script = write(tmp_path, python_blocks("http-core")[0], {8000: port})
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        hello = httpx.get(f"http://127.0.0.1:{port}/?name=Ann", timeout=30)
        echoed = httpx.post(f"http://127.0.0.1:{port}/", json={"a": 1}, timeout=5)
    assert (hello.status_code, hello.text) == (200, "Hello, Ann!")
    assert echoed.json() == {"you_sent": {"a": 1}}


def test_sanic_readme_app_with_two_workers(tmp_path: Path) -> None:
    port = free_port()
    script = write(tmp_path, python_blocks("sanic")[0], {8000: port})
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        ok = httpx.get(f"http://127.0.0.1:{port}/user/7", timeout=30)
        typed = httpx.get(f"http://127.0.0.1:{port}/user/seven", timeout=5)
    assert ok.json() == {"id": 7}
    assert typed.status_code == 404


def test_inspector_readme_app(tmp_path: Path) -> None:
    port, inspector_port = free_port(), free_port()
    script = write(tmp_path, python_blocks("inspector")[0], {8000: port, 6457: inspector_port})
    with running([str(script)], "127.0.0.1", inspector_port, cwd=tmp_path) as proc:
        client = InspectorClient("127.0.0.1", inspector_port, api_key="s3cret")
        assert client.do("hello", name="bob") == "hello bob"
        assert client.info()["info"]["app"] == "Inspected"
        client.do("shutdown")
        proc.wait(timeout=30)
    assert proc.returncode == 0


def test_worker_manager_readme_runs_to_completion(tmp_path: Path) -> None:
    script = write(tmp_path, python_blocks("worker-manager")[0])
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("hello") == 2

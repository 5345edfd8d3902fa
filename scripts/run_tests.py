#!/usr/bin/env python3
"""Run every package's tests in its own isolated environment, then the integration tests.

Each package gets a fresh virtualenv holding only that package (editable, with its
``test`` extra) and the sibling packages its ``pyproject.toml`` declares, found
transitively.  An import of anything undeclared therefore fails that package's tests.
The integration tests run in one environment holding every package.

Usage: python3 scripts/run_tests.py [PACKAGE ...] [--no-integration] [--jobs N]

With no PACKAGE, every package runs, then the integration tests (unless --no-integration).
A PACKAGE is a folder under packages/ (``app``, ``packages/app``), or ``integration``
(``tests-integration``) for the integration tests alone or alongside named packages.

Needs only python3 and pip: it installs ``uv`` (a fast pip replacement) if missing.
Exits non-zero if any run fails, including a run that collected no tests.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ROOT / "packages"
ENVS = Path(os.environ.get("HURTLE_ENVS", Path.home() / ".cache" / "hurtle" / "envs"))
# sentry-sdk: tests-integration/test_sentry_sdk.py runs its Sanic integration on our app
# (it does not depend on sanic, so it cannot bring the real one in).
INTEGRATION_EXTRAS = ["uvicorn>=0.30", "trustme>=1.1", "httpx>=0.24", "sentry-sdk>=2.76,<3"]


def _dist_name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[@]", requirement.strip(), maxsplit=1)[0].lower()


def local_packages() -> dict[str, Path]:
    """Distribution name -> package folder, for every package in the workspace."""
    found = {}
    for folder in sorted(PACKAGES.iterdir()):
        meta = folder / "pyproject.toml"
        if meta.is_file():
            with meta.open("rb") as fh:
                found[tomllib.load(fh)["project"]["name"].lower()] = folder
    return found


def declared_siblings(folder: Path, known: dict[str, Path]) -> list[Path]:
    """The sibling package folders ``folder`` declares, transitively."""
    seen: dict[str, Path] = {}
    todo = [folder]
    while todo:
        with (todo.pop() / "pyproject.toml").open("rb") as fh:
            deps = tomllib.load(fh)["project"].get("dependencies", [])
        for dep in deps:
            name = _dist_name(dep)
            if name in known and name not in seen:
                seen[name] = known[name]
                todo.append(known[name])
    seen.pop(_name_of(folder), None)
    return sorted(seen.values())


def _name_of(folder: Path) -> str:
    with (folder / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]["name"].lower()


def uv() -> list[str]:
    exe = shutil.which("uv")
    if exe:
        return [exe]
    try:
        import uv as _uv  # noqa: F401
    except ImportError:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "uv"], check=True
        )
    return [sys.executable, "-m", "uv"]


@dataclass
class Outcome:
    name: str
    code: int
    passed: int
    failed: int
    skipped: int
    seconds: float
    log: str


def make_env(name: str, installs: list[str]) -> Path:
    env = ENVS / name
    subprocess.run(
        uv() + ["venv", "--quiet", "--clear", "--python", sys.executable, str(env)],
        check=True,
    )
    python = env / "bin" / "python"
    subprocess.run(
        uv() + ["pip", "install", "--quiet", "--python", str(python)] + installs,
        check=True,
    )
    return python


def count(junit: Path) -> tuple[int, int, int]:
    try:
        tree = ET.parse(junit)
    except (OSError, ET.ParseError):
        return 0, 0, 0
    tests = failed = skipped = 0
    for suite in tree.iter("testsuite"):
        tests += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return tests - failed - skipped, failed, skipped


def run(name: str, installs: list[str], tests: Path) -> Outcome:
    start = time.monotonic()
    try:
        python = make_env(name, installs)
    except subprocess.CalledProcessError as exc:
        return Outcome(name, 1, 0, 1, 0, time.monotonic() - start, f"install failed: {exc}\n")
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        proc = subprocess.run(
            [str(python), "-m", "pytest", "-c", str(ROOT / "pyproject.toml"),
             "--rootdir", str(ROOT), "-p", "no:cacheprovider", "-q",
             f"--junitxml={junit}", str(tests)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        passed, failed, skipped = count(junit)
    code = proc.returncode
    log = proc.stdout
    if code == 5:
        log += f"\n{name}: no tests were collected; every package must have tests\n"
    return Outcome(name, code, passed, failed, skipped, time.monotonic() - start, log)


def _package_folder(name: str) -> Path:
    """``router``, ``packages/router`` and ``packages/router/`` all name the same folder."""
    folder = PACKAGES / Path(name).name
    if not (folder / "pyproject.toml").is_file():
        choices = ", ".join(sorted(p.name for p in PACKAGES.iterdir() if p.is_dir()))
        raise SystemExit(f"run_tests: no package {name!r}; choose from: {choices}")
    return folder


# The names that pick tests-integration/ among the package names.
INTEGRATION_NAMES = {"integration", "tests-integration"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "packages",
        nargs="*",
        help="package folders to test, or 'integration' (default: all, then integration)",
    )
    parser.add_argument("--no-integration", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    named_integration = any(Path(p).name in INTEGRATION_NAMES for p in args.packages)
    if named_integration and args.no_integration:
        raise SystemExit("run_tests: 'integration' is named and --no-integration refuses it")
    names = [p for p in args.packages if Path(p).name not in INTEGRATION_NAMES]
    known = local_packages()
    if names:
        folders = [_package_folder(p) for p in names]
    elif args.packages:  # only "integration" named
        folders = []
    else:
        folders = sorted(known.values())
    jobs = []
    for folder in folders:
        siblings = declared_siblings(folder, known)
        installs = ["-e", f"{folder}[test]"]
        for sib in siblings:
            installs += ["-e", str(sib)]
        jobs.append((f"pkg-{folder.name}", installs, folder / "tests"))
    if named_integration or not (args.no_integration or args.packages):
        installs = []
        for folder in sorted(known.values()):
            installs += ["-e", f"{folder}[test]"]
        jobs.append(("integration", installs + INTEGRATION_EXTRAS, ROOT / "tests-integration"))

    outcomes: list[Outcome] = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for outcome in pool.map(lambda job: run(*job), jobs):
            print(f"==== {outcome.name}: exit {outcome.code} in {outcome.seconds:.1f}s", flush=True)
            print(outcome.log.rstrip(), flush=True)
            outcomes.append(outcome)

    print("\n==== summary")
    for o in outcomes:
        status = "ok" if o.code == 0 else "FAILED"
        print(f"{o.name:28} {status:7} {o.passed:5} passed {o.failed:4} failed "
              f"{o.skipped:3} skipped {o.seconds:6.1f}s")
    total_passed = sum(o.passed for o in outcomes)
    total_failed = sum(o.failed for o in outcomes) + sum(
        1 for o in outcomes if o.code != 0 and o.failed == 0
    )
    print(f"total: {total_passed} passed, {total_failed} failed")
    return 0 if all(o.code == 0 for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())

"""``importlib.metadata`` knows the distributions that code written for Sanic asks for.

Plugins and test suites check ``importlib.metadata.version("sanic")`` (sanic-redis's
suite asserts it is at least 25.3); under Hurtle, installed as ``hurtle``, that was a
``PackageNotFoundError``.
"""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import sanic
import sanic_routing
import sanic_testing


def test_version_of_sanic_is_the_api_level() -> None:
    assert metadata.version("sanic") == sanic.__version__ == "25.12.0"
    assert metadata.distribution("Sanic").metadata["Name"] == "sanic"


def test_version_of_routing_and_testing() -> None:
    assert metadata.version("sanic-routing") == sanic_routing.__version__
    assert metadata.version("sanic_testing") == sanic_testing.__version__


def test_stand_ins_have_no_files_requirements_or_entry_points() -> None:
    dist = metadata.distribution("sanic")
    assert dist.files is None
    assert dist.requires is None
    assert list(dist.entry_points) == []
    assert metadata.packages_distributions()["sanic"][0] in ("sanic", "hurtle")


def test_unknown_names_are_still_not_found() -> None:
    for name in ("sanic-nonexistent-plugin", "sanicx"):
        try:
            metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        raise AssertionError(f"{name} was found")


def test_real_distributions_are_found_first() -> None:
    assert metadata.version("hurtle") == sanic.__hurtle_version__
    found = [d for d in metadata.distributions() if d.metadata["Name"] == "hurtle"]
    assert len(found) == 1


def test_answers_in_a_fresh_interpreter_after_import_sanic() -> None:
    code = "import sanic, importlib.metadata as m; print(m.version('sanic'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "25.12.0"


def test_answers_before_import_sanic() -> None:
    # OpenTelemetry's instrumentors check ``version("sanic")`` before anything imports it
    # (``SanicInstrumentor().instrument()`` is called before the app is made); without an
    # answer they log "no installed version was found" and instrument nothing.
    code = (
        "import sys, importlib.metadata as m\n"
        "print(m.version('sanic'), m.version('sanic-routing'), m.version('sanic_testing'))\n"
        "print(sorted(n for n in ('sanic', 'sanic_routing', 'sanic_testing') if n in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["25.12.0 23.12.0 24.6.0", "[]"]


def test_requirement_checks_before_import_sanic() -> None:
    # What an instrumentor does: parse its requirement, compare the installed version.
    code = (
        "import importlib.metadata as m\n"
        "from packaging.requirements import Requirement\n"
        "req = Requirement('sanic >= 20.12.0')\n"
        "print(req.specifier.contains(m.version(req.name)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"


def test_listings_before_import_sanic_show_only_what_is_installed() -> None:
    # A listing made without importing Sanic (an installer, a check that no real Sanic
    # came into a venv) must not report the stand-ins as installed distributions.
    code = (
        "import sys, importlib.metadata as m\n"
        "names = {d.metadata['Name'].lower() for d in m.distributions()}\n"
        "print(sorted(names & {'sanic', 'sanic-routing', 'sanic-testing'}))\n"
        "print(m.version('sanic'))\n"
        "import sanic\n"
        "names = {d.metadata['Name'].lower() for d in m.distributions()}\n"
        "print(sorted(names & {'sanic', 'sanic-routing', 'sanic-testing'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:3] == [
        "[]",
        "25.12.0",
        "['sanic', 'sanic-routing', 'sanic-testing']",
    ]

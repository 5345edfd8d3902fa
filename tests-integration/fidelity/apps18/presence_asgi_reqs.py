"""presence_reqs.py's driver with the app served by uvicorn (ASGI) under each framework:

    SANIC_PY=... HURTLE_PY=... PYTHONPATH=<a folder holding uvicorn for Sanic's side> \\
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../apps18/presence_app.py" \\
        tests-integration/fidelity/apps18/presence_asgi_reqs.py
"""

import runpy
from pathlib import Path

_SPEC = runpy.run_path(str(Path(__file__).resolve().parent / "presence_reqs.py"))
REQS, DRIVER = _SPEC["REQS"], _SPEC["DRIVER"]
CMD = ["-m", "uvicorn", "presence_app:app", "--port", "{port}", "--log-level", "warning"]
KEPT = _SPEC["KEPT"]

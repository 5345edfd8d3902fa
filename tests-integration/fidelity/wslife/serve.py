"""``python serve.py PORT single|workers2``: serve app.py (a file, so that spawned workers
can import it again)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from app import app

if __name__ == "__main__":
    port, mode = int(sys.argv[1]), sys.argv[2]
    options = {"single_process": True} if mode == "single" else {"workers": 2}
    app.run(host="127.0.0.1", port=port, access_log=False, motd=False, **options)

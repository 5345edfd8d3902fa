"""`app.py` served by the framework's own server (single process), for `probe.py --served`."""

import sys

from app import app

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, motd=False)

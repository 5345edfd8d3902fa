"""``python -m hurtle_cli`` is the ``sanic`` command."""

import sys

from hurtle_cli.main import main

sys.exit(main())

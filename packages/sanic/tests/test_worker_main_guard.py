"""sanic.worker.main_guard: where an app was made, and whether a spawned worker can make it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from sanic.worker.main_guard import guard_lines

SCRIPT = """
import sys
from sanic import Sanic

app = Sanic("Top")

if __name__ == "__main__":
    other = Sanic("Guarded")
    other.run()

if "__main__" == __name__:
    pass

if __name__ == "__main__" and sys.argv:
    pass

def nested():
    if __name__ == "__main__":
        pass
"""


def test_guard_lines_are_the_top_level_main_blocks_either_way_round(tmp_path: Path) -> None:
    path = tmp_path / "script.py"
    path.write_text(textwrap.dedent(SCRIPT))
    # Two blocks: `__name__ == "__main__"` and its mirror; a compound test and a nested
    # block are not the module's guard.
    assert guard_lines(str(path)) == ((7, 9), (11, 12))


def test_guard_lines_of_a_file_that_cannot_be_read_or_parsed_are_none(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("if __name__ == '__main__':\n    (\n")
    assert guard_lines(str(broken)) == ()
    assert guard_lines(str(tmp_path / "missing.py")) == ()

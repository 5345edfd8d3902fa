"""Folding py-spy's raw stacks into own and inclusive sample counts."""

from harness.sampling import parse_raw


def test_lines_of_one_function_fold_together(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text(
        "main (a.py:1);f (a.py:2);g (a.py:3) 3\nmain (a.py:1);f (a.py:5) 1\ngarbage line\n"
    )
    prof = parse_raw(raw)
    assert prof.total == 4
    assert prof.own == {"g (a.py)": 3, "f (a.py)": 1}
    assert prof.inclusive["f (a.py)"] == 4  # counted once per sample, whatever the line
    assert prof.inclusive["main (a.py)"] == 4

"""The start-up banner's two forms: log lines, and a box on a terminal."""

from __future__ import annotations

from hurtle_app.motd import MOTDTTY, MOTDBasic

DATA = {"app": "Demo", "platform": "Linux-6.1.0-x86_64-with-a-rather-long-libc-name-2.36"}


def test_a_banner_without_a_location_has_no_address_line() -> None:
    lines: list[str] = []
    MOTDBasic(None, "", DATA, {"app": "extra"}).display(out=lines.append)
    assert not [line for line in lines if line.startswith("Goin' Fast")]
    # the data lines, then the extra ones: a key in both shows twice
    assert lines[1:] == ["app: Demo", f"platform: {DATA['platform']}", "app: extra"]


def test_the_box_sizes_itself_when_made_and_keeps_every_word(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")  # a narrow terminal
    motd = MOTDTTY(None, "http://127.0.0.1:8000", DATA, {})
    assert motd.width == 40
    out: list[str] = []
    motd.display(out=out.append)
    rows = out[0].strip("\n").split("\n")
    assert {len(row) for row in rows} == {40}
    inside = "".join(row.strip("│┌┐└┘─").replace(" ", "") for row in rows)
    # what a row held beyond the box's width is on the next rows, not cut off
    assert f"platform:{DATA['platform']}" in inside
    assert "GoinFast@http://127.0.0.1:8000".replace("Goin", "Goin'") in inside


def test_the_box_shows_the_logo_on_top(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    out: list[str] = []
    MOTDTTY("\n\n   Demo Logo\n  a tagline\n\n", "http://127.0.0.1:8000", DATA, {}).display(
        out=out.append)
    rows = out[0].strip("\n").split("\n")
    assert [row.strip("│ ") for row in rows[1:3]] == ["Demo Logo", "a tagline"]
    assert rows[3].startswith("├") and "Goin' Fast @ http://127.0.0.1:8000" in rows[5]

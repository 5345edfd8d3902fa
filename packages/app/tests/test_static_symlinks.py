"""Static folders and symbolic links: what ``follow_external_symlink_files`` and
``follow_external_symlink_dirs`` let through, when served and when listed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hurtle_app import Sanic


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``served/`` (the static root) with links inside it, out of it, and broken."""
    served = tmp_path / "served"
    (served / "docs").mkdir(parents=True)
    (served / "plain.txt").write_text("plain")
    (served / "docs" / "inner.txt").write_text("inner")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "deeper").mkdir(parents=True)
    (elsewhere / "private.txt").write_text("private")
    (elsewhere / "deeper" / "leaf.txt").write_text("leaf")
    (elsewhere / "back_home").symlink_to(served / "plain.txt")
    (served / "to_private").symlink_to(elsewhere / "private.txt")
    (served / "to_elsewhere").symlink_to(elsewhere)
    (served / "to_docs").symlink_to(served / "docs")
    (served / "dangling").symlink_to(tmp_path / "missing")
    (served / "docs" / "to_private_too").symlink_to(elsewhere / "private.txt")
    return served


CASES = [
    # (target, served with: neither, files only, dirs only, both)
    ("/s/plain.txt", (200, 200, 200, 200)),
    ("/s/to_docs/inner.txt", (200, 200, 200, 200)),
    ("/s/to_elsewhere/back_home", (200, 200, 200, 200)),
    ("/s/to_private", (404, 200, 404, 200)),
    ("/s/docs/to_private_too", (404, 200, 404, 200)),
    ("/s/to_elsewhere/private.txt", (404, 404, 200, 200)),
    ("/s/to_elsewhere/deeper/leaf.txt", (404, 404, 200, 200)),
    ("/s/dangling", (404, 404, 404, 404)),
]
SETTINGS = [(False, False), (True, False), (False, True), (True, True)]


@pytest.mark.parametrize(("target", "expected"), CASES)
async def test_links_out_of_the_root_are_served_only_when_followed(
    send_to, tree: Path, target: str, expected: tuple[int, ...]
) -> None:
    for number, (files, dirs) in enumerate(SETTINGS):
        app = Sanic(f"links{number}", configure_logging=False)
        app.static(
            "/s",
            tree,
            follow_external_symlink_files=files,
            follow_external_symlink_dirs=dirs,
        )
        sent = await send_to(app, "GET", target)
        assert sent.status == expected[number], (files, dirs)
        if sent.status == 404:
            assert "private" not in sent.text and "leaf" not in sent.text


def _listed(text: str) -> set[str]:
    return set(re.findall(r'href="([^"/][^"]*)"', text))


@pytest.mark.parametrize(("files", "dirs"), SETTINGS)
async def test_a_listing_shows_what_could_be_served(
    send_to, tree: Path, files: bool, dirs: bool
) -> None:
    app = Sanic("listing", configure_logging=False)
    app.static(
        "/s",
        tree,
        directory_view=True,
        follow_external_symlink_files=files,
        follow_external_symlink_dirs=dirs,
    )
    sent = await send_to(app, "GET", "/s/")
    assert sent.status == 200  # a dangling link does not break the page
    expected = {"docs/", "plain.txt", "to_docs/"}
    if files:
        expected.add("to_private")
    if dirs:
        expected.add("to_elsewhere/")
    assert _listed(sent.text) == expected
    inner = await send_to(app, "GET", "/s/docs/")
    assert _listed(inner.text) == ({"inner.txt", "to_private_too"} if files else {"inner.txt"})


async def test_a_followed_folder_outside_is_listed(send_to, tree: Path) -> None:
    app = Sanic("outside", configure_logging=False)
    app.static("/s", tree, directory_view=True, follow_external_symlink_dirs=True)
    sent = await send_to(app, "GET", "/s/to_elsewhere/")
    # Its own files are listed; a link in it leading back into the root too.
    assert _listed(sent.text) == {"deeper/", "private.txt", "back_home"}

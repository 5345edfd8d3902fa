"""Apps written for Sanic may build pages with html5tagger (Sanic 23.3 ships it for them)."""

from __future__ import annotations

import importlib.metadata


def test_the_meta_package_brings_html5tagger() -> None:
    requirements = importlib.metadata.requires("hurtle") or []
    assert any(r.replace(" ", "").startswith("html5tagger") for r in requirements)


def test_an_html5tagger_document_is_an_html_response() -> None:
    from html5tagger import Document

    from sanic import html

    doc = Document("Shop")
    doc.h1("Basket")
    with doc.ul(id="items"):
        doc.li("apple").li("pear")
    response = html(doc)
    assert response.content_type == "text/html; charset=utf-8"
    assert response.body == (
        b'<!DOCTYPE html><meta charset="utf-8"><title>Shop</title><h1>Basket</h1>'
        b"<ul id=items><li>apple<li>pear</ul>"
    )

"""``importlib.metadata`` answers for ``sanic``, ``sanic-routing`` and ``sanic-testing``.

The finder lives in the top-level module ``_hurtle_sanic_dists``, which the
``hurtle-sanic-dists.pth`` file this distribution installs loads at interpreter start-up, so
the answers are there before ``import sanic`` (as a really installed Sanic's are).
Before ``import sanic`` only lookups by name find them; ``import sanic`` installs the finder
too (for a tree where the ``.pth`` file is not processed) and adds them to listings.
"""

from _hurtle_sanic_dists import StandInFinder, install

__all__ = ["StandInFinder", "install"]

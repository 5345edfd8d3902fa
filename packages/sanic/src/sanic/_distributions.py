"""``importlib.metadata`` answers for ``sanic``, ``sanic-routing`` and ``sanic-testing``.

The finder lives in the top-level module ``_hurtle_sanic_dists``, which the
``hurtle-sanic-dists.pth`` file this distribution installs loads at interpreter start-up, so
the answers are there before ``import sanic`` (as a really installed Sanic's are).
``import sanic`` installs it too, for a tree where the ``.pth`` file is not processed.
"""

from _hurtle_sanic_dists import StandInFinder, install

__all__ = ["StandInFinder", "install"]

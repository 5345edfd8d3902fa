"""What to show when an app cannot be loaded: the user's part of the traceback.

An exception raised while importing the target module (a syntax error, a missing import,
a failing statement) or while calling its factory carries the frames of the machinery
that loaded it: the command line or the worker, ``AppLoader``, ``importlib``. Those say
nothing about the user's mistake and push the line that matters off the screen, so they
are left out; the frames of the user's code (and of any library it called) are kept.
"""

from __future__ import annotations

import importlib
import os
import traceback
from collections.abc import Iterable

_OWN_DIR = os.path.dirname(os.path.abspath(__file__))
_IMPORTLIB_DIR = os.path.dirname(os.path.abspath(importlib.__file__))


def _inside(filename: str, folders: tuple[str, ...]) -> bool:
    path = os.path.abspath(filename)
    return any(path == folder or path.startswith(folder + os.sep) for folder in folders)


def _is_importlib(filename: str) -> bool:
    return filename.startswith("<frozen importlib") or _inside(filename, (_IMPORTLIB_DIR,))


def user_frames(exc: BaseException, skip: Iterable[str] = ()) -> traceback.StackSummary:
    """The frames of ``exc``'s traceback that belong to the user's code: none of
    importlib's, and, before the first user frame, none of the loader's or of the folders
    or files in ``skip`` (the caller's own machinery)."""
    machinery = (_OWN_DIR, *(os.path.abspath(path) for path in skip))
    kept: list[traceback.FrameSummary] = []
    for frame in traceback.extract_tb(exc.__traceback__):
        if _is_importlib(frame.filename) or (not kept and _inside(frame.filename, machinery)):
            continue
        kept.append(frame)
    return traceback.StackSummary.from_list(kept)


def describe_load_error(exc: BaseException, skip: Iterable[str] = ()) -> str | None:
    """The traceback of ``exc`` limited to the user's frames (see ``user_frames``), ending
    with the exception line; for a ``SyntaxError`` the file, line and caret too.

    None when nothing of the user's code is involved (the target module does not exist,
    it has no such attribute...): the exception's message alone says it all then.
    """
    frames = user_frames(exc, skip)
    if not frames and not isinstance(exc, SyntaxError):
        return None
    lines: list[str] = []
    if frames:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(frames.format())
    lines.extend(traceback.format_exception_only(type(exc), exc))
    return "".join(lines).rstrip("\n")


__all__ = ["describe_load_error", "user_frames"]

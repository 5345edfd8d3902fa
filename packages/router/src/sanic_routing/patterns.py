"""Parameter types: the built-in labels (`int`, `ymd`, `ext`...), their casts and patterns."""

from __future__ import annotations

import re
import sys
import typing as t
import uuid
from datetime import date, datetime
from types import SimpleNamespace

from sanic_routing.exceptions import InvalidUsage, NotFound

__all__ = [
    "EXTENSION",
    "PARAM_EXT",
    "REGEX_ALLOWED_EXTENSION",
    "REGEX_PARAM_EXT_PATH",
    "REGEX_PARAM_NAME",
    "REGEX_PARAM_NAME_EXT",
    "REGEX_TYPES",
    "REGEX_TYPES_ANNOTATION",
    "ExtParamInfo",
    "ParamInfo",
    "alpha",
    "ext",
    "nonemptystr",
    "parse_date",
    "slug",
]


def parse_date(d: str) -> date:
    """Cast a ``YYYY-MM-DD`` string to a :class:`datetime.date` (``ValueError`` if not one)."""
    # PERF: strptime costs ~10x more than slicing; it stays the reference for other forms
    # (e.g. unpadded "2020-1-2"). benchmarks/router_bench.py, dynamic kind.
    if len(d) == 10 and d[4] == "-" and d[7] == "-" and d.isascii():
        year, month, day = d[:4], d[5:7], d[8:]
        if year.isdigit() and month.isdigit() and day.isdigit():
            try:
                return date(int(year), int(month), int(day))
            except ValueError:
                pass  # strptime's words (``2020-13-01`` does not match the format)
    return datetime.strptime(d, "%Y-%m-%d").date()


def alpha(param: str) -> str:
    """Accept only letters (``str.isalpha``: ``é`` too, as sanic-routing; the pattern that
    ``url_for`` checks built values against is ASCII)."""
    if not param.isalpha():
        raise ValueError(f"Value {param} contains non-alphabetic chracters")
    return param


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(param: str) -> str:
    """Accept lower-case words of letters and digits joined by single dashes."""
    if not _SLUG.match(param):
        raise ValueError(f"Value {param} does not match the slug format")
    return param


def nonemptystr(param: str) -> str:
    """Accept any string except the empty one."""
    if not param:
        raise ValueError(f"Value {param} is an empty string")
    return param


EXTENSION = r"[a-z0-9](?:[a-z0-9\.]*[a-z0-9])?"
PARAM_EXT = r"<([a-zA-Z_][a-zA-Z0-9_]*)(?:=([a-z]+))?(?::ext(?:=([a-z0-9|\.]+))?)>"
REGEX_PARAM_NAME = re.compile(r"^<([a-zA-Z_][a-zA-Z0-9_]*)(?::(.*))?>$")
REGEX_PARAM_NAME_EXT = re.compile(r"^" + PARAM_EXT + r"$")
REGEX_PARAM_EXT_PATH = re.compile(PARAM_EXT)
REGEX_ALLOWED_EXTENSION = re.compile(r"^" + EXTENSION + r"$")
_EXT_VALUE = re.compile(r"^[^/]+\." + EXTENSION + r"$")

# An ext parameter's pattern, as routes show it (``route.pattern``, as sanic-routing).
_EXT_BODY = r"[^/]+\." + EXTENSION
# Matched as written, a segment with no valid ending ("a.a.a...a." or "...a!") makes the
# engine retry the extension after every dot, to the end each time: time growing with the
# square of the segment (8 KB: 0.35 s per request to a ``<f:ext=jpg|png>`` route). The
# greedy name part first reaches the last dot followed by a letter or digit; when no
# extension from there ends the segment, none from an earlier dot does, so an atomic
# group, which stops those retries, matches the same segments. Python 3.10 has no atomic
# groups: there a lookahead (never re-entered once it matched) captures the segment and a
# back reference consumes it, which is the same thing. Its group names start with ``_hx``
# and are unused by the parameters, which are read by name.
if sys.version_info >= (3, 11):

    def _linear(index: int) -> str:
        return f"(?>{_EXT_BODY})"

else:

    def _linear(index: int) -> str:
        return f"(?=(?P<_hx{index}>{_EXT_BODY}))(?P=_hx{index})"


_EXT_LINEAR = _linear(0)
EXT_SEGMENT = re.compile(f"^{_EXT_LINEAR}$")


def linear_source(pattern: str) -> str:
    """A route's regex source with each ext parameter's group made atomic (see
    ``_EXT_LINEAR``), for compiling its matcher."""
    parts = pattern.split(f">{_EXT_BODY})")
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        out.append(f">{_linear(index)}){part}")
    return "".join(out)


def segment_matcher(pattern: t.Pattern) -> t.Callable[[str], t.Any]:
    """The ``match`` to test one path segment against a parameter's pattern (the ext
    pattern's linear form for an ext parameter)."""
    return EXT_SEGMENT.match if pattern.pattern == f"^{_EXT_BODY}$" else pattern.match


def ext(param: str) -> tuple[str, ...]:
    """Split a file name on its dots: ``"a.tar.gz"`` -> ``("a", "tar", "gz")``;
    ``ValueError`` without an extension or with an empty part."""
    parts = tuple(param.split("."))
    if len(parts) < 2 or not all(parts) or "/" in param:
        raise ValueError(f"Value {param} does not match filename format")
    return parts


class ParamInfo:
    """One path parameter of a route: its name, type label, cast and pattern."""

    __slots__ = ("cast", "ctx", "label", "name", "pattern", "priority", "raw_path", "regex")

    def __init__(
        self,
        name: str,
        raw_path: str,
        label: str,
        cast: t.Callable[[str], t.Any],
        pattern: t.Pattern,
        regex: bool,
        priority: int,
    ) -> None:
        self.name = name
        self.raw_path = raw_path
        self.label = label
        self.cast = cast
        self.pattern = pattern
        self.regex = regex
        self.priority = priority
        self.ctx = SimpleNamespace()

    def process(self, params: dict[str, t.Any], value: t.Union[str, tuple[str, ...]]) -> None:
        """Store the (already cast) value under the parameter's name."""
        params[self.name] = value

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.name}:{self.label}>"


class ExtParamInfo(ParamInfo):
    """A ``<name:ext>`` / ``<name=type:ext=a|b>`` parameter: file name plus extension."""

    def __init__(self, **kwargs: t.Any) -> None:
        super().__init__(**kwargs)
        match = None
        for candidate in REGEX_PARAM_EXT_PATH.finditer(self.raw_path):
            if candidate.group(1) == self.name:
                match = candidate
                break
        if match is None:
            raise InvalidUsage(
                f"Invalid extension parameter definition: {self.raw_path} (write "
                f"<{self.name}:ext> or <{self.name}=type:ext=a|b>)"
            )
        filename_label = match.group(2) or "str"
        allowed = tuple(match.group(3).split("|")) if match.group(3) else ()
        for extension in allowed:
            if not REGEX_ALLOWED_EXTENSION.match(extension):
                # An empty one too (`ext=jpg|`), as sanic-routing.
                raise InvalidUsage(f"Invalid extension: {extension}")
        counts = {a.count(".") + 1 for a in allowed}
        if len(counts) > 1:
            raise InvalidUsage(
                "All allowed extensions within a single route definition must contain the "
                "same number of subparts. Either all single ('jpg|png') or all of one length "
                f"('tar.gz|tar.xz'), not both: {self.raw_path!r}"
            )
        if filename_label == "path":
            raise InvalidUsage("Extension parameter matching does not support the `path` type.")
        if filename_label not in REGEX_TYPES:
            # Only the built-in types; a custom or regex file name type is refused.
            raise InvalidUsage(
                "Extension parameter matching only supports filename matching on known "
                f"parameter types, and not regular expressions (got {filename_label!r})."
            )
        self.ctx.cast, self.ctx.pattern, _ = REGEX_TYPES[filename_label]
        self.ctx.label = filename_label
        self.ctx.allowed = allowed
        self.ctx.allowed_sub_count = counts.pop() if counts else 1

    def process(self, params: dict[str, t.Any], value: t.Union[str, tuple[str, ...]]) -> None:
        """Split the value into file name and extension, check both, store both."""
        if isinstance(value, str):
            try:
                value = ext(value)
            except ValueError:
                raise NotFound(f"Invalid filename: {value}") from None
        count = self.ctx.allowed_sub_count
        if len(value) <= count:
            raise NotFound(f"Invalid extension: {'.'.join(value)}")
        filename = ".".join(value[:-count])
        extension = ".".join(value[-count:])
        if self.ctx.allowed and extension not in self.ctx.allowed:
            raise NotFound(f"Invalid extension: {extension}")
        if self.ctx.label == "str":
            cast_filename: t.Any = filename
        else:
            try:
                cast_filename = self.ctx.cast(filename)
            except ValueError:
                raise NotFound(f"Invalid filename: {filename}") from None
        params[self.name] = cast_filename
        params["ext"] = extension


REGEX_TYPES_ANNOTATION = dict[str, tuple[t.Callable[[str], t.Any], t.Pattern, type[ParamInfo]]]

# Order matters: it is the match priority (earlier = tried later), see `priority_of`.
REGEX_TYPES: REGEX_TYPES_ANNOTATION = {
    "strorempty": (str, re.compile(r"^[^/]*$"), ParamInfo),
    "str": (nonemptystr, re.compile(r"^[^/]+$"), ParamInfo),
    "ext": (ext, re.compile(f"^{_EXT_BODY}$"), ExtParamInfo),
    "slug": (slug, re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$"), ParamInfo),
    "alpha": (alpha, re.compile(r"^[A-Za-z]+$"), ParamInfo),
    "path": (str, re.compile(r"^[^/]?.*?$"), ParamInfo),
    "float": (float, re.compile(r"^-?(?:\d+(?:\.\d*)?|\.\d+)$"), ParamInfo),
    "int": (int, re.compile(r"^-?\d+$"), ParamInfo),
    "ymd": (
        parse_date,
        re.compile(r"^([12]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$"),
        ParamInfo,
    ),
    "uuid": (
        uuid.UUID,
        re.compile(
            r"^[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$"
        ),
        ParamInfo,
    ),
}

"""A route: one path declaration, one handler, a set of methods and requirements."""

from __future__ import annotations

import re
import typing as t
import warnings
from types import SimpleNamespace

from sanic_routing.exceptions import InvalidRegex, InvalidUsage, ParameterNameConflicts
from sanic_routing.patterns import (
    REGEX_PARAM_NAME,
    REGEX_PARAM_NAME_EXT,
    ExtParamInfo,
    ParamInfo,
)
from sanic_routing.utils import Immutable, invalid_declaration, parts_to_path, path_to_parts

if t.TYPE_CHECKING:  # pragma: no cover
    from sanic_routing.router import BaseRouter

__all__ = ["Requirements", "Route"]


class Requirements(Immutable):
    """Extra conditions a request must meet (e.g. ``{"host": "example.com"}``); hashable."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))


class Route:
    """One registered path with its handler, methods and parsed parameters."""

    __slots__ = (
        "_fast_params",
        "_params",
        "_raw_path",
        "ctx",
        "extra",
        "handler",
        "labels",
        "methods",
        "name",
        "overloaded",
        "params",
        "parts",
        "path",
        "pattern",
        "priority",
        "regex",
        "requirements",
        "router",
        "static",
        "strict",
        "unquote",
    )

    #: Unhashable, like sanic-routing's routes (they compare by value).
    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        router: BaseRouter,
        raw_path: str,
        name: str,
        handler: t.Callable[..., t.Any],
        methods: t.Union[t.Sequence[str], frozenset[str]],
        requirements: dict[str, t.Any] | None = None,
        strict: bool = False,
        unquote: bool = False,
        static: bool = False,
        regex: bool = False,
        overloaded: bool = False,
        *,
        priority: int = 0,
    ) -> None:
        self.router = router
        self.name = name
        self.handler = handler
        self.methods = frozenset(methods)
        self.requirements = Requirements(requirements or {})
        self.ctx = SimpleNamespace()
        self.extra = SimpleNamespace()
        self.static = static
        self.regex = regex
        self.overloaded = overloaded
        self.strict = strict
        self.unquote = unquote
        self.priority = priority
        self.labels: list[str] | None = None
        self.params: dict[int, ParamInfo] | None = None
        self.pattern: str | None = None
        self._params: dict[int, ParamInfo] = {}
        self._fast_params: tuple[tuple[int, str], ...] | None = None
        self._ingest_path(raw_path)

    # -- construction -------------------------------------------------------------------

    def _ingest_path(self, path: str) -> None:
        delimiter = self.router.delimiter
        raw_parts = path_to_parts(path, delimiter)
        # As sanic-routing: the raw path is the declared one with its static parts
        # percent-encoded ("π/<x>" -> "%CF%80/<x>").
        self._raw_path = path = parts_to_path(raw_parts, delimiter)
        parts: list[str] = []
        for idx, part in enumerate(raw_parts):
            if part.startswith("<"):
                name, label, cast, pattern, info_class = self.parse_parameter_string(part)
                if issubclass(info_class, ExtParamInfo):
                    # `<file=int:ext=jpg>` keeps its full declaration in the path.
                    normalized = part
                else:
                    normalized = f"<{name}:{label}>"
                self.add_parameter(idx, name, path, label, cast, pattern, info_class)
                parts.append(normalized)
            else:
                parts.append(part)  # already percent-encoded by path_to_parts
        self.parts = tuple(parts)
        self.path = parts_to_path(self.parts, delimiter)

    def parse_parameter_string(
        self, parameter_string: str
    ) -> tuple[str, str, t.Callable[[str], t.Any], t.Pattern, type[ParamInfo]]:
        """Parse ``<name>``, ``<name:label>``, ``<name:regex>`` or an ext declaration into
        (name, label, cast, compiled pattern, ParamInfo class)."""
        regex_types = self.router.regex_types
        ext_match = REGEX_PARAM_NAME_EXT.match(parameter_string)
        if ext_match:
            cast, pattern, info_class = regex_types["ext"]
            return ext_match.group(1), "ext", cast, pattern, info_class
        match = REGEX_PARAM_NAME.match(parameter_string)
        if not match:
            raise invalid_declaration(parameter_string)
        name, label = match.group(1), match.group(2)
        if label is None or label == "":
            label = "str"
        if label.startswith("ext="):
            # `<name:ext=...>` that is not a well-formed extension list (an upper-case
            # letter, a `#`, a second `:` or `=`) is refused, not taken as a regex.
            raise InvalidUsage(f"Invalid extension parameter definition: {self._raw_path}")
        _warn_deprecated_label(name, label)
        if label in regex_types:
            cast, pattern, info_class = regex_types[label]
            return name, label, cast, pattern, info_class
        try:
            pattern = re.compile(f"^{label}$")
        except re.error as exc:
            raise InvalidRegex(
                f"Invalid regular expression for parameter {name!r}: {label!r} ({exc})", exc
            ) from None
        # Groups are checked by ``finalize`` (as sanic-routing: adding such a route works).
        return name, label, str, pattern, ParamInfo

    def add_parameter(
        self,
        idx: int,
        name: str,
        raw_path: str,
        label: str,
        cast: t.Callable[[str], t.Any],
        pattern: t.Pattern | None = None,
        param_info_class: type[ParamInfo] = ParamInfo,
    ) -> None:
        """Record the parameter found at segment ``idx``."""
        regex_types = self.router.regex_types
        is_regex = label not in regex_types
        priority = 0 if is_regex else list(regex_types).index(label)
        if pattern is None:
            pattern = re.compile(f"^{label}$") if is_regex else regex_types[label][1]
        self._params[idx] = param_info_class(
            name=name,
            raw_path=raw_path,
            label=label,
            cast=cast,
            pattern=pattern,
            regex=is_regex,
            priority=priority,
        )

    # -- finalize -----------------------------------------------------------------------

    def _finalize_params(self) -> None:
        # As sanic-routing: typed parameters by pattern priority (ties by position), then
        # regex ones by position. Handlers get their keyword arguments, and
        # ``request.match_info`` its keys, in this order; sanic-ext lists a path's OpenAPI
        # parameters in it.
        params = dict(
            sorted(self._params.items(), key=lambda item: (item[1].regex, item[1].priority, item[0]))
        )
        names = [info.name for info in self._params.values()]
        if len(set(names)) != len(names):
            raise ParameterNameConflicts(f"Duplicate named parameters in: {self._raw_path}")
        if "ext" in names and any(isinstance(info, ExtParamInfo) for info in params.values()):
            # `<ext:ext>` or `<ext>/<f:ext>` are accepted, as by sanic-routing: the value
            # of `ext` is the extension, so ext-type parameters are stored last.
            params = dict(
                sorted(params.items(), key=lambda item: isinstance(item[1], ExtParamInfo))
            )
            names = [info.name for info in params.values()]
        self.params = params
        self.labels = names
        # PERF: plain parameters of a trie-matched route are copied straight from the
        # matcher's basket by the router (benchmarks/router_bench.py, dynamic kind).
        plain = not self.unquote and all(type(p) is ParamInfo for p in params.values())
        self._fast_params = tuple((i, p.name) for i, p in params.items()) if plain else None

    def _compile_regex(self) -> None:
        components = []
        for idx, part in enumerate(self.parts):
            info = self._params.get(idx)
            if info is None:
                components.append(re.escape(part))
            else:
                body = info.label if info.regex else _unanchored(info.pattern.pattern)
                if info.regex and info.name in info.pattern.groupindex:
                    components.append(body)  # `<a:(?P<a>\d+)z>` names its own group
                else:
                    components.append(f"(?P<{info.name}>{body})")
        self.pattern = self.router.delimiter + re.escape(self.router.delimiter).join(components)

    def _check_regex_groups(self) -> None:
        regex_types = self.router.regex_types
        for info in self._params.values():
            _warn_deprecated_label(info.name, info.label)
            label = info.label
            if ":" in label and label.split(":", 1)[0] in regex_types:
                # `<bar:str:int>`: a type followed by more text is a typo, not a regex,
                # and is refused even when that whole label is registered (as there).
                raise InvalidUsage(f"Invalid parameter declaration: {self._raw_path}")
            if not info.regex:
                groups = set(info.pattern.groupindex)
                if self.regex and groups and groups != {info.name}:
                    # As sanic-routing: a registered type's pattern is embedded in a regex
                    # route, so a named group in it must be the parameter's name too.
                    raise InvalidUsage(
                        f"Named group ({', '.join(sorted(groups))}) must match your named "
                        f"parameter ({info.name})"
                    )
                continue
            name, pattern = info.name, info.pattern
            groups = set(pattern.groupindex)
            if groups and groups != {name}:
                raise InvalidUsage(
                    f"Named group ({', '.join(sorted(groups))}) must match your named "
                    f"parameter ({name})"
                )
            if pattern.groups > 1:
                # As sanic-routing: one group at most, its match is the parameter's value.
                raise InvalidUsage(f"Invalid matching pattern {label}")
            if pattern.groups == 1 and not groups and label.count("(") > 1:
                # Other parentheses around the one group (``(?:...)``, ``\(``): which one
                # is the value is not obvious, so a named group is asked for.
                raise InvalidUsage(
                    f"Could not compile pattern {label}. Try using a named group instead: "
                    f"'(?P<{name}>your_matching_group)'"
                )

    def finalize(self) -> None:
        """Freeze the parameters (``params``, ``labels``) and the regex of regex routes.

        A regex parameter with several groups, or a named group that is not the
        parameter's name, is refused here (``InvalidUsage``).
        """
        self._check_regex_groups()
        self._finalize_params()
        if self.regex:
            self._compile_regex()

    def reset(self) -> None:
        """Undo :meth:`finalize`."""
        self.params = None
        self.labels = None
        self.pattern = None
        self._fast_params = None

    # -- views --------------------------------------------------------------------------

    @property
    def defined_params(self) -> dict[int, ParamInfo]:
        """Parameters by segment index, available before finalize."""
        return self._params

    @property
    def raw_path(self) -> str:
        """The path as declared (without the leading delimiter)."""
        return self._raw_path

    @property
    def segments(self) -> tuple[str, ...]:
        """The parts with parameter names erased: the identity of the path's shape."""
        out = []
        for idx, part in enumerate(self.parts):
            info = self._params.get(idx)
            out.append(f"<__dynamic__:{info.label}>" if info is not None else part)
        return tuple(out)

    @property
    def uri(self) -> str:
        """The path with a leading delimiter, as users write it."""
        return f"{self.router.delimiter}{self.path}"

    # -- URL building -------------------------------------------------------------------

    def build(self, params: t.Mapping[str, t.Any] | None = None) -> str:
        """Build this route's path from parameter values, checking each against its type.

        Raises ``InvalidUsage`` naming the missing or ill-typed parameter."""
        from sanic_routing.build import build_path

        return build_path(self, params or {})

    # -- dunder -------------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return False
        return bool(
            self.parts == other.parts
            and self.requirements == other.requirements
            and self.methods == other.methods
            and self.handler == other.handler
        )

    def __repr__(self) -> str:
        display = f"name={self.name} " if self.name and self.name != self.path else ""
        return f"<{type(self).__name__}: {display}path={self.path or self.router.delimiter}>"

    __str__ = __repr__


# Labels sanic-routing still accepts, with a warning, as regexes (they are not types).
_DEPRECATED_LABELS = {"string": "str", "number": "float"}


def _warn_deprecated_label(name: str, label: str) -> None:
    replacement = _DEPRECATED_LABELS.get(label)
    if replacement is not None:
        # Worded (typo included) as sanic-routing words it: filters match on the text.
        warnings.warn(
            f"Use of '{label}' as a path parameter type is deprected, and will be removed "
            f"in Sanic v21.12. Instead, use <{name}:{replacement}>.",
            DeprecationWarning,
            stacklevel=2,
        )


def _unanchored(pattern: str) -> str:
    """A type's pattern without the ``^``/``$`` a registered one may carry."""
    if pattern.startswith("^"):
        pattern = pattern[1:]
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1]
    return pattern

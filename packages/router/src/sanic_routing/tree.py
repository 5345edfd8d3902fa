"""The compiler behind ``finalize()``: dynamic routes -> the Python source of one
``find_route`` function.

Theory of operation. Static routes never reach the tree: they live in a dict keyed by
the path without its leading delimiter, looked up first. Routes without a ``path``
parameter have a fixed number of segments, so the generated code first switches on the
segment count, then walks a trie of segments in precedence order: a static segment
before any typed one, typed ones by their type's priority (``uuid`` > ``ymd`` > ``int`` >
``float`` > ``alpha`` > ``slug`` > ``ext`` > ``str`` > inline regex / ``strorempty``), with
backtracking: a branch that fails falls through to the next sibling. A typed segment
matches when its cast succeeds (the cast value is kept in ``basket["__matches__"]``).
Routes with a ``path`` parameter (which may span segments) are regexes tried last,
deepest first. The result is ``(group, basket)``; picking the route of the group by
method and requirements is the router's job.
"""

from __future__ import annotations

import typing as t
from urllib.parse import unquote

from sanic_routing.exceptions import NotFound
from sanic_routing.group import RouteGroup
from sanic_routing.line import Line
from sanic_routing.patterns import REGEX_TYPES, ParamInfo, segment_matcher

if t.TYPE_CHECKING:  # pragma: no cover
    from sanic_routing.router import BaseRouter

__all__ = ["Node", "Tree"]

# The types whose cast accepts values their pattern does not (`float("nan")`, `int("+3")`,
# `int("1_0")`, a `ymd` of `2024-1-1`, a `uuid` without dashes or in upper case...).
_PATTERN_CHECKED = frozenset({"int", "float", "ymd", "uuid", "alpha", "slug"})


def _pattern_checked(info: t.Any) -> bool:
    """Whether a regex route must match its pattern for this parameter's sake: an inline
    regex, a built-in type whose cast takes more than its pattern, or a registered type
    (`<x:a:b>` is a regex route because of its colon, and its pattern is embedded)."""
    if info.regex or info.label in _PATTERN_CHECKED:
        return True
    builtin = REGEX_TYPES.get(info.label)
    return builtin is None or builtin[1] is not info.pattern

# Casts that take every value their pattern matched (a path route embeds the pattern).
_TOTAL_CASTS = frozenset(
    REGEX_TYPES[label][0]
    for label in ("str", "strorempty", "path", "int", "float", "alpha", "slug", "uuid")
)


def _cast_check(group: RouteGroup) -> t.Callable[[RouteGroup, dict[str, t.Any]], bool] | None:
    """For a path route with a cast that may refuse what its regex matched (`ymd`, a
    registered type), a check that the casts take the values; None for the others.

    As for dynamic routes (and in sanic-routing), a refusing cast lets the next route try,
    while a refused extension stays a 404 (checked later, in `resolve`)."""
    route = group.routes[0]
    casts = tuple(
        (info.name, info.cast)
        for info in route.defined_params.values()
        if type(info) is ParamInfo and not info.regex and info.cast not in _TOTAL_CASTS
    )
    if not casts:
        return None
    unquoting = route.unquote

    def check(_group: RouteGroup, basket: dict[str, t.Any]) -> bool:
        params = basket["__params__"]
        for name, cast in casts:
            raw = params.get(name)
            if raw is None:
                continue
            try:
                cast(unquote(raw) if unquoting else raw)
            except ValueError:
                return False
        return True

    return check


# PERF: with this many static siblings a dict dispatch to per-branch functions beats a
# chain of string comparisons (benchmarks/router_bench.py, 1,000 routes).
DISPATCH_THRESHOLD = 4
# Python allows 20 statically nested blocks; each typed segment opens a `try`.
MAX_TRY_DEPTH = 12


class Node:
    """One segment position in the trie: a static part or a typed parameter."""

    def __init__(
        self,
        part: str = "",
        root: bool = False,
        parent: Node | None = None,
        router: BaseRouter | None = None,
        param: t.Any = None,
        unquote: bool = False,
    ) -> None:
        self.part = part
        self.root = root
        self.parent = parent
        self.router = router
        self.param = param
        self.unquote = unquote
        # Children are gathered in `_children` while routes are inserted and published in
        # `children` by `finalize_children()` (the two-step shape sanic-routing's has).
        self._children: dict[str, Node] = {}
        self.children: dict[str, Node] = {}
        self.group: RouteGroup | None = None
        # Segments of the longest fixed-length route under this prefix (any length).
        self.reach = 0
        self.prefix: tuple[str, ...] = ()

    @property
    def static(self) -> bool:
        """Whether this node matches one literal segment."""
        return self.param is None

    def add_child(self, child: Node) -> None:
        """Attach a child node, keyed by its segment (see :meth:`finalize_children`)."""
        self._children[child.part] = child

    def finalize_children(self) -> None:
        """Publish the children added so far in ``children``, this node's and below."""
        stack = [self]
        while stack:
            node = stack.pop()
            node.children = dict(node._children)
            stack.extend(node._children.values())

    def sorted_children(self) -> tuple[list[Node], list[Node]]:
        """Static children (any order, they exclude each other) and dynamic children in
        precedence order."""
        static = [c for c in self.children.values() if c.static]
        dynamic = [c for c in self.children.values() if not c.static]
        # sanic-routing's order: type priority; among equals (inline regexes and
        # strorempty) the branch holding the longest route first, then by declaration.
        dynamic.sort(key=lambda c: (-c.param.priority, -c.reach, c.part))
        return static, dynamic

    def __repr__(self) -> str:
        return f"<Node {self.part!r} children={len(self.children)}>"


class Tree:
    """Builds the trie from the router's non-static groups and renders its source."""

    def __init__(self, router: BaseRouter) -> None:
        self.router = router
        self.roots: dict[int, Node] = {}
        self.tail: list[RouteGroup] = []
        self.namespace: dict[str, t.Any] = {}
        self._names: dict[int, str] = {}
        self._helpers: list[list[Line]] = []
        self._pending_tables: list[tuple[str, dict[str, str]]] = []
        self._counter = 0

    # -- building -----------------------------------------------------------------------

    def generate(self, groups: t.Iterable[RouteGroup]) -> None:
        """Insert every non-static group: fixed-length ones in the trie, ``path`` ones in
        the tail list."""
        self.roots = {}
        reach: dict[tuple[str, ...], int] = {}
        tail: list[tuple[int, int, RouteGroup]] = []
        for order, group in enumerate(groups):
            if group.dynamic_path:
                tail.append((-group.depth, order, group))
                continue
            route = group.routes[0]
            for idx in range(1, group.depth + 1):
                prefix = route.segments[:idx]
                reach[prefix] = max(reach.get(prefix, 0), group.depth)
            node = self.roots.setdefault(group.depth, Node(root=True, router=self.router))
            for idx, segment in enumerate(route.segments):
                child = node._children.get(segment)
                if child is None:
                    child = Node(
                        segment,
                        parent=node,
                        router=self.router,
                        param=route.defined_params.get(idx),
                    )
                    node.add_child(child)
                node = child
                node.prefix = route.segments[: idx + 1]
            node.group = group
        for root in self.roots.values():
            root.finalize_children()
            stack = [root]
            while stack:
                node = stack.pop()
                stack.extend(node.children.values())
                if not node.root:
                    node.reach = reach[node.prefix]
        tail.sort(key=lambda item: (item[0], item[1]))
        self.tail = [group for _, _, group in tail]

    # -- rendering ----------------------------------------------------------------------

    def _name(self, prefix: str, obj: t.Any) -> str:
        key = id(obj)
        name = self._names.get(key)
        if name is None:
            self._counter += 1
            name = f"{prefix}{self._counter}"
            self._names[key] = name
            self.namespace[name] = obj
        return name

    def _cast_name(self, info: t.Any) -> str:
        builtin = REGEX_TYPES.get(info.label)
        if builtin is not None and builtin[0] is info.cast:
            name = f"cast_{info.label}"
            self.namespace[name] = info.cast
            return name
        return self._name("cast", info.cast)

    def render(self) -> list[Line]:
        """The lines of ``find_route`` and its helpers (exec'd by the router)."""
        self.namespace = {"NotFound": NotFound, "DELIMITER": self.router.delimiter}
        self._names = {}
        self._helpers = []
        self._counter = 0
        body: list[Line] = [
            Line("def find_route(path, method, router, basket, extra):", 0),
            Line("group = STATIC.get(path[1:])", 1),
            Line("if group is not None:", 1),
            Line("basket['__raw_path__'] = path", 2),
            Line("return group, basket", 2),
        ]
        if self.roots:
            body += [
                Line("parts = path[1:].split(DELIMITER)", 1),
                Line("num = len(parts)", 1),
                Line("matches = basket['__matches__']", 1),
            ]
            keyword = "if"
            for num in sorted(self.roots):
                body.append(Line(f"{keyword} num == {num}:", 1))
                keyword = "elif"
                body += self._children(self.roots[num], 0, num, 2, 0)
        if self.tail:
            # PERF: path routes are regexes; only those whose first segment can match the
            # request's are tried (in their precedence order), not all of them.
            any_first: list[tuple[t.Any, RouteGroup, t.Any]] = []
            by_first: dict[str, list[tuple[t.Any, RouteGroup, t.Any]]] = {}
            for group in self.tail:
                check = _cast_check(group)
                entry = (group.router.matchers[group.pattern_idx].match, group, check)
                first = group.routes[0].parts[0]
                if group.routes[0].defined_params.get(0) is not None:
                    any_first.append(entry)
                    for entries in by_first.values():
                        entries.append(entry)
                else:
                    by_first.setdefault(first, list(any_first)).append(entry)
                body.append(Line(f"# path route: {_safe(group.uri)}", 1))
            self.namespace["TAIL"] = by_first
            self.namespace["TAIL_ANY"] = any_first
            if not self.roots:
                body.append(Line("parts = path[1:].split(DELIMITER)", 1))
            body += [
                Line("for match_path, group, check in TAIL.get(parts[0], TAIL_ANY):", 1),
                Line("match = match_path(path)", 2),
                Line("if match:", 2),
                Line("basket['__params__'] = match.groupdict()", 3),
                # A path route whose cast refuses the value lets the next one try.
                Line("if check is None or check(group, basket):", 3),
                Line("return group, basket", 4),
            ]
        body.append(Line("raise NotFound", 1))
        lines: list[Line] = []
        for helper in self._helpers:
            lines += helper
            lines.append(Line("", 0))
        return lines + body

    def _children(self, node: Node, idx: int, num: int, indent: int, tries: int) -> list[Line]:
        lines: list[Line] = []
        static, dynamic = node.sorted_children()
        if len(static) >= DISPATCH_THRESHOLD:
            table = {}
            for child in static:
                fname = self._helper(child, idx + 1, num)
                table[child.part] = fname
            dname = f"dispatch{self._counter + 1}"
            self._counter += 1
            self._pending_tables.append((dname, table))
            lines += [
                Line(f"branch = {dname}.get(parts[{idx}])", indent),
                Line("if branch is not None:", indent),
                Line("found = branch(path, parts, basket, matches)", indent + 1),
                Line("if found is not None:", indent + 1),
                Line("return found", indent + 2),
            ]
        else:
            for child in static:
                lines.append(Line(f"if parts[{idx}] == {child.part!r}:", indent))
                lines += self._body(child, idx + 1, num, indent + 1, tries)
        for child in dynamic:
            info = child.param
            lines.append(Line(f"# {_safe(info.name)}:{_safe(info.label)}", indent))
            if info.regex:
                pname = self._name("pattern", segment_matcher(info.pattern))
                lines.append(Line(f"if {pname}(parts[{idx}]):", indent))
                lines.append(Line(f"matches[{idx}] = parts[{idx}]", indent + 1))
                lines += self._body(child, idx + 1, num, indent + 1, tries)
                continue
            inner = indent
            if getattr(info.ctx, "allowed", None):
                # An `ext=a|b` list's value must match its pattern as well as the cast, as
                # in sanic-routing: an extension outside [a-z0-9.] (`a.TXT`, `a.p-g`) leaves
                # the route to the next one (`<v:str>`), where one in that alphabet but not
                # in the list is a 404. A registered type is matched by its cast alone,
                # also as sanic-routing (its pattern serves url_for and regex routes), and
                # so is one registered under a built-in type's label (`int`, `str`...).
                pname = self._name("pattern", segment_matcher(info.pattern))
                lines.append(Line(f"if {pname}(parts[{idx}]):", indent))
                inner += 1
            if tries >= MAX_TRY_DEPTH:
                fname = self._helper(child, idx + 1, num, cast_idx=idx)
                lines += [
                    Line(f"found = {fname}(path, parts, basket, matches)", inner),
                    Line("if found is not None:", inner),
                    Line("return found", inner + 1),
                ]
                continue
            lines += [
                Line("try:", inner),
                Line(f"matches[{idx}] = {self._cast_name(info)}(parts[{idx}])", inner + 1),
                Line("except ValueError:", inner),
                Line("pass", inner + 1),
                Line("else:", inner),
            ]
            lines += self._body(child, idx + 1, num, inner + 1, tries + 1)
        if not lines:
            lines.append(Line("pass", indent))
        return lines

    def _body(self, node: Node, idx: int, num: int, indent: int, tries: int) -> list[Line]:
        if idx < num:
            return self._children(node, idx, num, indent, tries)
        group = node.group
        if group is None:  # pragma: no cover - every leaf of a fixed-length trie has one
            return [Line("pass", indent)]
        gname = self._name("group", group)
        # PERF: a route that is a regex route only for its `ext=...` lists was checked
        # segment by segment already; its pattern is matched only when an inline regex
        # needs it (benchmarks/router_bench.py), or a typed parameter whose cast takes more
        # than its type's pattern: sanic-routing matches a regex route's `int`, `float`...
        # by pattern, so `/<a:float>/<b:ext=txt>` refuses `nan/x.txt` and `1e3/x.txt`.
        if group.regex and any(
            _pattern_checked(p) for p in group.routes[0].defined_params.values()
        ):
            matcher = self._name("match", group.router.matchers[group.pattern_idx].match)
            return [
                Line(f"match = {matcher}(path)  # {_safe(group.uri)}", indent),
                Line("if match:", indent),
                Line("basket['__params__'] = match.groupdict()", indent + 1),
                Line(f"return {gname}, basket", indent + 1),
            ]
        return [Line(f"return {gname}, basket  # {_safe(group.uri)}", indent)]

    def _helper(self, node: Node, idx: int, num: int, cast_idx: int | None = None) -> str:
        self._counter += 1
        fname = f"branch{self._counter}"
        lines = [Line(f"def {fname}(path, parts, basket, matches):", 0)]
        if cast_idx is not None:
            info = node.param
            lines += [
                Line("try:", 1),
                Line(f"matches[{cast_idx}] = {self._cast_name(info)}(parts[{cast_idx}])", 2),
                Line("except ValueError:", 1),
                Line("return None", 2),
            ]
        lines += self._body(node, idx, num, 1, 0)
        lines.append(Line("return None", 1))
        self._helpers.append(lines)
        return fname

    def finalize(self) -> tuple[str, dict[str, t.Any]]:
        """Render, and return (source, namespace to exec it in)."""
        self._pending_tables = []
        lines = self.render()
        tables = [
            Line(
                f"{name} = {{"
                + ", ".join(f"{part!r}: {fname}" for part, fname in table.items())
                + "}",
                0,
            )
            for name, table in self._pending_tables
        ]
        source = "".join(str(line) for line in lines)
        if tables:
            source += "\n" + "".join(str(line) for line in tables)
        return source, self.namespace

    def display(self) -> None:
        """Print the trie (debugging aid)."""

        def walk(node: Node, depth: int) -> None:
            for child in node.children.values():
                print("  " * depth + child.part + (f"  -> {child.group}" if child.group else ""))
                walk(child, depth + 1)

        for num, root in sorted(self.roots.items()):
            print(f"[{num} segments]")
            walk(root, 1)
        for group in self.tail:
            print(f"[regex] {group}")


def _safe(text: str) -> str:
    """Text for a comment in generated source: no line breaks or control characters."""
    return repr(text)[1:-1]

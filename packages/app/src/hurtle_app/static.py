"""Serving static files and folders: the route handler behind ``app.static``.

Everything that can be decided at registration (absolute root, file or folder, the
streaming threshold) is decided then; a request only resolves and checks its own path.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from mimetypes import guess_type
from pathlib import Path
from stat import S_ISREG
from typing import Any, TypedDict
from urllib.parse import quote, unquote

from hurtle_http.compat import UTC
from hurtle_http.exceptions import FileNotFound, NotFound
from hurtle_http.httpdate import format_http_date
from hurtle_http.response.ranges import ContentRangeHandler, range_specs

error_logger = logging.getLogger("sanic.error")

#: Files at least this large are streamed when ``stream_large_files=True``.
DEFAULT_STREAM_THRESHOLD = 1024 * 1024


class DirectoryNotServed(FileNotFound, IsADirectoryError):
    """A folder was asked for, with neither an index file nor a listing to answer with.

    Answered 404 (Sanic lets the ``IsADirectoryError`` become a 500); being an
    ``IsADirectoryError`` as well, an error handler written for Sanic still sees one.
    """


_SLASHES = re.compile(r"//+")


def is_within(path: Path, root: Path) -> bool:
    """Whether the resolved ``path`` is ``root`` or below it."""
    # One comparison of parts: ``root in path.parents`` builds every parent, which grows
    # with the square of the depth (a 3,900-segment request path: 50 ms), and so does
    # ``is_relative_to`` from Python 3.12 on (it became that test: minutes on 3.12/3.13).
    parts = root.parts
    return path.parts[: len(parts)] == parts


def may_follow(link: Path, target: Path, root: Path, files: bool, dirs: bool) -> bool:
    """Whether ``link`` (a path under the served root, some part of which is a symlink
    leading to ``target`` outside it) may be served or listed.

    As Sanic: a folder outside the root needs ``follow_external_symlink_dirs``; a file
    needs ``follow_external_symlink_files`` when it is itself the link, and
    ``follow_external_symlink_dirs`` when it is reached through a linked folder.
    """
    if is_within(target, root):
        return True
    if target.is_dir():
        return dirs
    return files if link.is_symlink() else dirs


class DirectoryHandler:
    """What a request for a folder gets: an index file, a listing, or 404."""

    # Whether an index file answers If-Modified-Since with a 304: app.static() sets it
    # from its use_modified_since (as Sanic, False serves the index whatever is asked).
    conditional_index: bool = True

    def __init__(
        self,
        uri: str,
        directory: Path,
        directory_view: bool = False,
        index: str | Sequence[str] | None = None,
        root_path: Path | None = None,
        follow_external_symlink_files: bool = False,
        follow_external_symlink_dirs: bool = False,
    ) -> None:
        self.uri = uri
        self.base = uri.strip("/")
        self.directory = directory
        self.directory_view = directory_view
        self.index = (index,) if isinstance(index, str) else tuple(index or ())
        self.root_path = root_path or directory
        self.follow_external_symlink_files = follow_external_symlink_files
        self.follow_external_symlink_dirs = follow_external_symlink_dirs

    async def handle(self, request: Any, path: str) -> Any:
        """Answer a request for a folder. ``path`` is a URL path, as Sanic gives it: the
        request's own (``request.path``) when ``app.static`` calls, or whatever a subclass
        passes on; the folder is the part of it under the static route."""

        relative = self._relative(request, path)
        current = self._folder(relative, path)
        for name in self.index:
            candidate = current / name
            if candidate.is_file() and self._index_allowed(candidate):
                from hurtle_http.response import file

                return await file(
                    candidate,
                    request_headers=request.headers,
                    validate_when_requested=self.conditional_index,
                )
        if self.directory_view:
            # A listing's links are relative to the folder, so its URL ends with "/".
            # Runs of "/" are folded as Sanic folds them: "//sub" must not become the
            # Location "//sub/", which a browser reads as the host "sub" (open redirect).
            canonical = _SLASHES.sub("/", path)
            if not canonical.endswith("/"):
                canonical += "/"
            if canonical != path:
                from hurtle_http.response import redirect

                return redirect(canonical)
            return self._index(current, canonical, False)
        if self.index:
            # As Sanic: a folder without any of the configured index files is a plain
            # NotFound (not FileNotFound), so handlers keyed on the type see Sanic's.
            raise NotFound("File not found")
        raise DirectoryNotServed("File not found", path=current, relative_url=relative)

    def _relative(self, request: Any, path: str) -> str:
        """The folder ``path`` names, relative to the served one (percent-decoded).

        The request's own path is read through its static route (so a blueprint's
        ``url_prefix`` is no part of it); another path loses this handler's ``uri``."""
        if path == getattr(request, "path", None):
            file_uri = request.match_info.get("__file_uri__")
            if file_uri is not None or "__file_uri__" in request.match_info:
                return unquote(file_uri or "", errors="surrogateescape").lstrip("/")
        text = unquote(path, errors="surrogateescape")
        prefix = f"/{self.base}" if self.base else ""
        if prefix and (text == prefix or text.startswith(prefix + "/")):
            text = text[len(prefix) :]
        return text.lstrip("/")

    def _folder(self, relative: str, path: str) -> Path:
        """The folder to answer with, never one outside the served root (Sanic lists
        whatever folder a subclass's path leads to, ``..`` included): 404 otherwise."""
        refused = FileNotFound("File not found", path=self.directory, relative_url=path)
        if ".." in relative.split("/") or "\x00" in relative:
            raise refused
        unresolved = self.directory / relative
        root = Path(self.root_path).resolve()
        try:
            current = unresolved.resolve(strict=True)
        except (OSError, RuntimeError):
            raise refused from None
        if not current.is_dir() or not (
            is_within(current, root)
            or may_follow(
                unresolved,
                current,
                root,
                self.follow_external_symlink_files,
                self.follow_external_symlink_dirs,
            )
        ):
            raise refused
        return current

    def _index_allowed(self, candidate: Path) -> bool:
        """Whether an index file may be served: the rule for a file asked for by name (an
        index that is a symlink out of the root needs ``follow_external_symlink_files``).
        Sanic serves it whatever the settings say, so ``/`` gave what ``/index.html``
        refuses."""
        root = Path(self.root_path).resolve()
        try:
            target = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return False
        return is_within(target, root) or may_follow(
            candidate,
            target,
            root,
            self.follow_external_symlink_files,
            self.follow_external_symlink_dirs,
        )

    def _follows(self, entry: Path, root: Path) -> bool:
        """Whether a listing may show ``entry``: a link leading out of the served root
        only as the ``follow_external_symlink_*`` settings allow."""
        if not entry.is_symlink():
            return True
        try:
            target = entry.resolve(strict=True)
        except (OSError, RuntimeError):  # broken or looping link
            return False
        return may_follow(
            entry,
            target,
            root,
            self.follow_external_symlink_files,
            self.follow_external_symlink_dirs,
        )

    def _prepare_file(self, path: Path) -> dict[str, Any] | None:
        """One row of a listing, with its sort ``priority`` (folders -1, files 0); None
        for an entry that cannot be shown (gone, a broken link). Sanic's hook: a subclass
        returning None leaves an entry out."""
        try:
            stat = path.stat()
        except (OSError, RuntimeError):
            return None
        folder = path.is_dir()
        return {
            "priority": -1 if folder else 0,
            "file_name": path.name + ("/" if folder else ""),
            "icon": "📁" if folder else "📄",
            "file_access": f"{datetime.fromtimestamp(stat.st_mtime, UTC):%Y-%m-%d %H:%M:%S}",
            # bytes, as Sanic: a folder's is its own size on disk (4096 on most Linux)
            "file_size": stat.st_size,
        }

    def _iter_files(self, location: Path) -> Iterable[FileInfo]:
        """The rows of ``location``'s listing: folders first, then files, each by name,
        without what the symlink rules hide. As in Sanic, a subclass may override it (to
        leave out dotfiles, say)."""
        root = Path(self.root_path).resolve()
        rows = []
        for entry in location.iterdir():
            info = self._prepare_file(entry) if self._follows(entry, root) else None
            if info is not None:
                rows.append((info.pop("priority", 0), entry.name, info))
        for _, _, info in sorted(rows, key=lambda row: row[:2]):
            yield FileInfo(
                icon=info["icon"],
                file_name=info["file_name"],
                file_access=info["file_access"],
                file_size=str(info["file_size"]),
            )

    def _index(self, location: Path, path: str, debug: bool) -> Any:
        """The listing of folder ``location`` at URL path ``path``: Sanic's hook, which a
        subclass may override to answer with a page of its own."""
        from hurtle_http.response import html as html_response

        # Titled with the folder's URL path, as asked (a blueprint's prefix included).
        shown = unquote(path, errors="surrogateescape")
        return html_response(DirectoryPage(list(self._iter_files(location)), shown, debug).render())


class FileInfo(TypedDict):
    """One row of a directory listing, as ``DirectoryPage`` shows it: all text."""

    icon: str
    file_name: str  # the entry's name, "/" after a folder's; the link is its relative URL
    file_access: str  # last modified, "YYYY-MM-DD HH:MM:SS" (UTC)
    file_size: str


class DirectoryPage:
    """The HTML page listing a folder: ``DirectoryPage(files, url, debug).render()``."""

    TITLE = "Directory Viewer"

    def __init__(self, files: Iterable[FileInfo], url: str, debug: bool) -> None:
        self.files = files
        self.url = url
        self.debug = debug

    def render(self) -> str:
        """The page, as text."""
        rows = []
        for info in self.files:
            name = info["file_name"]
            # A name that is not UTF-8 on disk holds surrogates: its link carries the bytes
            # percent-encoded, its text shows U+FFFD (Sanic answers a 500). The link is the
            # name percent-encoded: "javascript:x()" or "a#b" stays a relative path to that
            # file (Sanic puts the raw name there).
            href = quote(name, errors="surrogateescape")
            rows.append(
                f"<tr><td>{html.escape(info['icon'])} "
                f'<a href="{html.escape(href, quote=True)}">'
                f"{html.escape(_shown(name))}</a></td>"
                f"<td>{html.escape(info['file_size'])}</td>"
                f"<td>{html.escape(info['file_access'])}</td></tr>"
            )
        return (
            '<!DOCTYPE html><html lang="en"><meta charset="utf-8">'
            f"<title>{html.escape(self.TITLE)}</title><h1>{html.escape(_shown(self.url))}</h1>"
            "<table><tr><th>File</th><th>Size</th><th>Last Modified</th></tr>"
            + "".join(rows)
            + "</table></html>"
        )


def _shown(name: str) -> str:
    """``name`` as text a page can carry: bytes that were not UTF-8 on disk (held as
    surrogates) become U+FFFD."""
    if name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class StaticHandler:
    """The handler of one ``app.static(...)`` route."""

    def __init__(
        self,
        root: Path,
        *,
        is_folder: bool,
        use_modified_since: bool,
        use_content_range: bool,
        stream_large_files: bool | int,
        content_type: str | None,
        directory_handler: DirectoryHandler,
        follow_external_symlink_files: bool = False,
        follow_external_symlink_dirs: bool = False,
    ) -> None:
        self.root = root.resolve()
        self.is_folder = is_folder
        self.use_modified_since = use_modified_since
        self.use_content_range = use_content_range
        if stream_large_files is True:
            self.stream_threshold: int | None = DEFAULT_STREAM_THRESHOLD
        elif stream_large_files is False or stream_large_files is None:
            self.stream_threshold = None
        else:
            try:
                self.stream_threshold = int(stream_large_files)
            except (TypeError, ValueError):
                # Sanic takes it and answers every request for the file with a 500.
                raise ValueError(
                    "stream_large_files is True, False or a size in bytes from which files "
                    f"are streamed, such as 1_000_000; not {stream_large_files!r}"
                ) from None
        self.content_type = content_type
        self.directory_handler = directory_handler
        self.follow_external_symlink_files = follow_external_symlink_files
        self.follow_external_symlink_dirs = follow_external_symlink_dirs
        self.__name__ = "_static_request_handler"  # as Sanic (APM and metrics read it)

    def resolve(self, file_uri: str | None) -> tuple[Path, str]:
        """The file a request names, refusing anything outside the served root (404)."""
        if not self.is_folder:
            return self.root, ""
        # Percent-encoded bytes that are not UTF-8 name the file with those bytes on disk
        # (the link a listing gives it); Sanic reads them as U+FFFD and answers 404.
        relative = unquote(file_uri or "", errors="surrogateescape").lstrip("/")
        if ".." in relative.split("/") or "\x00" in relative:
            # As Sanic: a ".." segment (raw or percent-encoded) is never served, even one
            # that would lead back into the root. No file name holds a NUL ("%00"); Sanic
            # lets the ValueError it raises become a 500.
            raise self._refused(file_uri)
        unresolved = self.root / relative
        try:
            candidate = unresolved.resolve()
        except (OSError, RuntimeError):
            # A symlink loop under the root (RuntimeError before Python 3.13, OSError
            # after): nothing to serve there (Sanic: 500).
            raise self._missing(file_uri) from None
        if not is_within(candidate, self.root) and not may_follow(
            unresolved,
            candidate,
            self.root,
            self.follow_external_symlink_files,
            self.follow_external_symlink_dirs,
        ):
            # PERF: not hot; correctness first: symlinks out of the root are 404 unless
            # the route follows them.
            raise self._refused(file_uri)
        return candidate, relative

    def _missing(self, file_uri: str | None) -> FileNotFound:
        """The 404 for a path with nothing to serve; as Sanic, the error names the served
        folder (``path``) and the path asked (``relative_url``)."""
        return FileNotFound("File not found", path=self.root, relative_url=file_uri)

    def _refused(self, file_uri: str | None) -> FileNotFound:
        """The 404 for a path that leaves the root, logged as an error as Sanic logs it
        (a ``..`` segment, raw or percent-encoded, or a symlink out of the root): the log
        shows who probes for files outside the served folder."""
        # ``exception`` as in Sanic: outside an ``except`` the record ends "NoneType: None".
        error_logger.exception(f"File not found: path={self.root}, relative_url={file_uri}")
        return self._missing(file_uri)

    async def __call__(self, request: Any, __file_uri__: str | None = None, **_: Any) -> Any:
        """Serve the file (or folder index) the request names."""
        from hurtle_http.response import file, file_stream
        from hurtle_http.response.conditional import joined
        from hurtle_http.response.file import file_modified, preconditions

        path, relative = self.resolve(__file_uri__)
        try:
            stats = path.stat()
        except OSError:
            raise self._missing(__file_uri__) from None
        if path.is_dir():
            # As Sanic: the handler is given the URL path; it finds the folder from it.
            return await self.directory_handler.handle(request, request.path)
        if not S_ISREG(stats.st_mode):
            # A named pipe would keep the request (and a worker thread) waiting for a
            # writer for ever, a device (/dev/zero behind a followed link) be read without
            # end: only regular files are served (Sanic opens them and hangs).
            raise self._missing(__file_uri__)
        mtime = file_modified(stats.st_mtime)  # never in the future (RFC 9110 8.8.2.1)

        streamed = self.stream_threshold is not None and stats.st_size >= self.stream_threshold
        # The Cache-Control a read file carries (file() sets it; a streamed one has none),
        # kept by its 304 (RFC 9110 15.4.5) and its HEAD answer (9.3.2).
        cache_fields = {} if streamed else {"Cache-Control": "no-cache"}
        # RFC 9110 13.2.2: the preconditions come before HEAD, Range and the body.
        not_modified = preconditions(
            request.headers,
            dict(cache_fields),
            mtime if self.use_modified_since else None,
            request.method,
        )
        if not_modified is not None:
            return not_modified
        if request.method == "HEAD":
            return _head_response(
                path, stats.st_size, mtime, self.content_type, self.use_content_range, cache_fields
            )
        # As Sanic: the type is among the headers too, where response middleware looks.
        content_type = _content_type(path, self.content_type)
        headers: dict[str, str] = {"Content-Type": content_type}
        byte_range = None
        if self.use_content_range:
            headers["Accept-Ranges"] = "bytes"
            if _range_applies(request.headers.get("range")) and _if_range_holds(
                joined(request.headers, "if-range"), mtime
            ):
                byte_range = ContentRangeHandler(request, stats)
                headers.update(byte_range.headers)
        if streamed:
            # As Sanic: a streamed file is labelled like a read one.
            headers["Last-Modified"] = format_http_date(mtime)
            if self.use_content_range and byte_range is None:
                headers["Content-Length"] = str(stats.st_size)  # as Sanic: the size is known
            return await file_stream(
                path,
                mime_type=content_type,
                headers=headers,
                _range=byte_range,
            )
        return await file(
            path,
            status=206 if byte_range else 200,
            request_headers=request.headers,
            validate_when_requested=False,
            mime_type=content_type,
            headers=headers,
            _range=byte_range,
        )


def _range_applies(value: str | None) -> bool:
    """Whether a ``Range`` field is one static files answer with a part (206 or 416).

    RFC 9110 14.2: a range unit the server does not understand MUST be ignored (Sanic
    answers 416), and a server MAY ignore any ``Range``: several ranges get the whole
    file with 200 (no multipart/byteranges; Sanic answers 416 though they are
    satisfiable, which 15.5.17 keeps for ranges that are not). Empty list elements do
    not count (5.6.1.2: ``bytes=0-1,`` is one range).
    """
    if not value:
        return False
    unit, sep, ranges = value.partition("=")
    if not sep or unit.strip().lower() != "bytes":
        return False
    return "," not in ranges or len(range_specs(ranges)) == 1


def _if_range_holds(if_range: str | None, mtime: float) -> bool:
    """Whether a ``Range`` may be honoured given the request's ``If-Range`` (RFC 9110
    13.1.5): with no ``If-Range``, or one naming exactly the ``Last-Modified`` the file is
    sent with. An entity-tag never matches (static files carry no ``ETag``), nor does an
    older date or an invalid value; the whole file is sent then, so a client resuming a
    download of a file that changed does not join pieces of two versions (Sanic honours
    the ``Range`` whatever ``If-Range`` says, which the RFC forbids).
    """
    from hurtle_http.response.conditional import if_range_holds, modified_at

    # The date in any of the three HTTP-date forms (RFC 9110 5.6.7 MUST accept them).
    return if_range_holds(if_range, last_modified=modified_at(mtime))


def _content_type(path: Path, content_type: str | None) -> str:
    """The configured type, else the one guessed from the name, else
    ``application/octet-stream``; a text type without a charset gets UTF-8 (as Sanic)."""
    if content_type is None:
        content_type = guess_type(path.name)[0] or "application/octet-stream"
    if content_type.startswith("text/") and "charset=" not in content_type.lower():
        content_type = f"{content_type}; charset=utf-8"
    return content_type


def _head_response(
    path: Path,
    size: int,
    mtime: float,
    content_type: str | None,
    ranges: bool,
    cache_fields: dict[str, str],
) -> Any:
    """What Sanic answers a HEAD for a static file: its type, date and length.

    RFC 9110 8.6: the length a HEAD answer gives MUST be the one a GET would send (Sanic
    sends ``content-length: 0`` unless ``use_content_range`` is on). RFC 9110 9.3.2: the
    other fields SHOULD be the GET's too, so the answer carries ``cache_fields``, the
    ``Cache-Control`` of a file that is read (Sanic leaves it out of the HEAD answer).
    """
    from hurtle_http.response import HTTPResponse

    content_type = _content_type(path, content_type)
    headers = {
        "Content-Type": content_type,  # as Sanic: where response middleware looks
        "Last-Modified": format_http_date(mtime),
        "Content-Length": str(size),
        **cache_fields,
    }
    if ranges:
        headers["Accept-Ranges"] = "bytes"
    return HTTPResponse(headers=headers, content_type=content_type)


__all__ = [
    "ContentRangeHandler",
    "DEFAULT_STREAM_THRESHOLD",
    "DirectoryHandler",
    "DirectoryNotServed",
    "DirectoryPage",
    "FileInfo",
    "StaticHandler",
]

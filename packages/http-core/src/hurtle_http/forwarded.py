"""Proxy headers: ``Forwarded`` (RFC 7239) and the ``X-Forwarded-*`` family.

Nothing here is trusted by default. ``Forwarded`` is read only when ``FORWARDED_SECRET``
is set, and then only the element that carries the secret (as ``secret=`` or ``by=``),
so a client cannot forge it. ``X-Forwarded-For`` is read only when ``PROXIES_COUNT``
says how many proxies append to it (the address that many from the right is the
client's), and ``REAL_IP_HEADER`` names a header a trusted proxy sets to the client's
address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote

from hurtle_http.grammar import TCHAR

Options = dict[str, "int | str"]


# RFC 9110 5.6.2: tchar is ASCII only (a letter such as "ÿ" makes the pair malformed).
_token = rf"{TCHAR}+"
# RFC 7239 §4: forwarded-pair = token "=" value; value = token / quoted-string
_fwd_pair = re.compile(rf'\s*({_token})\s*=\s*(?:({_token})|"((?:[^"\\]|\\.)*)")\s*([;,]|$)')
_separator = re.compile(r"[;,]")
_ipv6 = re.compile(r"[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}")


def _get(headers: Any, name: str) -> str | None:
    try:
        return headers.getone(name, None)
    except AttributeError:
        return headers.get(name)


def fwd_normalize_address(addr: str) -> str:
    """Normalise a proxy-reported address: IPv6 in brackets, lower case; ``unknown`` refused.

    Raises ``ValueError`` for ``unknown`` (RFC 7239 §6.1: no address is known).
    """
    if addr == "unknown":
        raise ValueError("unknown address")
    if addr.startswith("_"):
        return addr  # an obfuscated identifier (RFC 7239 §6.3), kept as is
    if _ipv6.fullmatch(addr):
        return f"[{addr}]".lower()
    return addr.lower()


def fwd_normalize(fwd: Iterable[tuple[str, str | None]]) -> Options:
    """Normalise ``(key, value)`` pairs into an options dict (later keys win).

    ``proto`` is lower-cased, ``host`` lower-cased, ``port`` made an int, ``path``
    percent-decoded, ``for``/``by`` normalised as addresses; invalid values are dropped.
    """
    ret: Options = {}
    for key, val in fwd:
        if val is None:
            continue
        try:
            if key in ("by", "for"):
                ret[key] = fwd_normalize_address(val)
            elif key in ("host", "proto"):
                ret[key] = val.lower()
            elif key == "port":
                if not val.isascii() or not val.isdigit():
                    continue
                ret[key] = int(val)
            elif key == "path":
                ret[key] = unquote(val)
            else:
                ret[key] = val
        except ValueError:
            continue
    return ret


def parse_forwarded(headers: Any, config: Any) -> Options | None:
    """The ``Forwarded`` element carrying ``config.FORWARDED_SECRET``, normalised, or ``None``."""
    secret = getattr(config, "FORWARDED_SECRET", None)
    if not secret:
        return None
    try:
        values = headers.getall("forwarded", [])
    except AttributeError:
        value = headers.get("forwarded")
        values = [value] if value else []
    if not values:
        return None
    header = ",".join(values)
    # Elements are comma-separated; within one, a malformed pair splits the pairs before
    # it from those after it (a secret only vouches for the run of pairs it stands in).
    # Quoted strings may hold separators, so walk with the pair regex.
    runs: list[list[tuple[str, str]]] = [[]]
    pos = 0
    while pos < len(header):
        match = _fwd_pair.match(header, pos)
        if match is None:
            # skip it, up to the next separator (quotes are not balanced here: the
            # pair is malformed, so where a quoted string would end is unknown)
            nxt = _separator.search(header, pos)
            if nxt is None:
                break
            pos = nxt.end()
            runs.append([])
            continue
        key, token, quoted, sep = match.groups()
        value = token if token is not None else re.sub(r"\\(.)", r"\1", quoted)
        runs[-1].append((key.lower(), value))
        if sep == ",":
            runs.append([])
        pos = match.end()
        if not sep:
            break
    # The proxy we trust appends last, so search from the right.
    for run in reversed(runs):
        if any(k in ("secret", "by") and v == secret for k, v in run):
            return fwd_normalize(run)
    return None


def parse_xforwarded(headers: Any, config: Any) -> Options | None:
    """Client details from ``REAL_IP_HEADER`` or ``X-Forwarded-For`` (with ``PROXIES_COUNT``)
    plus ``X-Forwarded-Proto``/``-Host``/``-Port``/``-Path``; ``None`` when not configured."""
    addr = None
    real_ip_header = getattr(config, "REAL_IP_HEADER", None)
    if real_ip_header:
        addr = _get(headers, real_ip_header)
    if not addr:
        proxies_count = getattr(config, "PROXIES_COUNT", None)
        forwarded_for_header = getattr(config, "FORWARDED_FOR_HEADER", None)
        if proxies_count and proxies_count > 0 and forwarded_for_header:
            try:
                values = headers.getall(forwarded_for_header, [])
            except AttributeError:
                value = headers.get(forwarded_for_header)
                values = [value] if value else []
            hops = [h.strip() for v in values for h in v.split(",")]
            hops = [h for h in hops if h]
            if len(hops) < proxies_count:
                return None
            addr = hops[-proxies_count]
    if not addr:
        return None
    # X-Forwarded-Proto (the common one) wins over X-Scheme when both are sent, as in Sanic.
    proto = _get(headers, "x-forwarded-proto") or _get(headers, "x-scheme")
    return fwd_normalize(
        (
            ("for", addr),
            ("proto", proto),
            ("host", _get(headers, "x-forwarded-host")),
            ("port", _get(headers, "x-forwarded-port")),
            ("path", _get(headers, "x-forwarded-path")),
        )
    )


__all__ = [
    "Options",
    "fwd_normalize",
    "fwd_normalize_address",
    "parse_forwarded",
    "parse_xforwarded",
]

"""``Credentials``: a parsed ``Authorization`` header (``sanic.models.http_types``)."""

from __future__ import annotations

from base64 import b64decode
from dataclasses import dataclass


@dataclass
class Credentials:
    """Parsed ``Authorization``: ``auth_type`` (``Basic``/``Bearer``/``Token`` or ``None``),
    ``token``, and for Basic auth ``username`` and ``password``."""

    auth_type: str | None
    token: str | None
    _username: str | None = None
    _password: str | None = None

    def __post_init__(self) -> None:
        if self._auth_is_basic and self.token is not None:
            # RFC 7617 §2: user-id and password are split at the first colon only.
            decoded = b64decode(self.token.encode("ascii"), validate=True).decode()
            username, sep, password = decoded.partition(":")
            if not sep:
                raise ValueError("Basic credentials must be 'user:password'")
            self._username, self._password = username, password

    @property
    def username(self) -> str | None:
        """The Basic-auth user name."""
        if not self._auth_is_basic:
            raise AttributeError("Username is available for Basic Auth only")
        return self._username

    @property
    def password(self) -> str | None:
        """The Basic-auth password."""
        if not self._auth_is_basic:
            raise AttributeError("Password is available for Basic Auth only")
        return self._password

    @property
    def _auth_is_basic(self) -> bool:
        return self.auth_type == "Basic"


__all__ = ["Credentials"]

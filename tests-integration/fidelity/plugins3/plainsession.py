"""A session serializer for sanic-cookiesession that is neither signed nor timed, so a
request file can write a session cookie and both servers give the same Set-Cookie."""

import base64
import json


class PlainSerializer:
    def __init__(self, secret, salt=None):
        pass

    def dumps(self, obj):
        return base64.urlsafe_b64encode(json.dumps(obj, sort_keys=True).encode()).decode()

    def loads(self, text, max_age=None):
        from itsdangerous import BadSignature

        try:
            return json.loads(base64.urlsafe_b64decode(text.encode()))
        except ValueError as exc:
            raise BadSignature("bad cookie", payload=text) from exc


def cookie(obj, name="_session"):
    """The ``Cookie`` value holding ``obj`` (for the request files)."""
    return f"{name}=" + base64.urlsafe_b64encode(json.dumps(obj, sort_keys=True).encode()).decode()

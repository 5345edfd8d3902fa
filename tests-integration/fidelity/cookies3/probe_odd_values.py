"""add_cookie with values of unusual types (date, subclasses, enums): run under both, diff.

/tmp/st-ref/bin/python probe_odd_values.py > /tmp/s.txt
.venv/bin/python probe_odd_values.py > /tmp/h.txt; diff /tmp/s.txt /tmp/h.txt
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime, timedelta, timezone

from sanic.response import text


class S(str):
    pass


class Num(enum.IntEnum):
    TEN = 10


class SE(str, enum.Enum):
    LAX = "lax"
    STRICT = "Strict"


class DT(datetime):
    pass


def show(label, fn):
    try:
        out = fn()
    except Exception as e:
        print(f"{label}: EXC {type(e).__name__}: {e}")
    else:
        print(f"{label}: {re.sub(r' at 0x[0-9a-f]+', '', repr(out))}")


def add(*args, **kw):
    def run():
        r = text("x")
        c = r.add_cookie(*args, **kw)
        return (
            [str(v) for k, v in r.headers.items() if k.lower() == "set-cookie"],
            repr(c.value),
            repr(c.key),
            repr(c.max_age),
            repr(c.samesite),
        )

    return run


CASES = {
    "expires_date": {"expires": date(2031, 1, 2)},
    "expires_timedelta": {"expires": timedelta(days=1)},
    "expires_subclass": {"expires": DT(2031, 1, 2, 3, 4, 5)},
    "expires_bool": {"expires": True},
    "expires_float": {"expires": 1.5},
    "expires_neg_tz": {
        "expires": datetime(2031, 1, 2, 1, 0, 0, tzinfo=timezone(timedelta(hours=-5)))
    },
    "expires_past": {"expires": datetime(1970, 1, 1)},
    "expires_y999": {"expires": datetime(999, 1, 1)},
    "max_age_intenum": {"max_age": Num.TEN},
    "max_age_strsub": {"max_age": S("10")},
    "max_age_space": {"max_age": " 10"},
    "max_age_plus": {"max_age": "+10"},
    "max_age_negstr": {"max_age": "-10"},
    "max_age_neg": {"max_age": -10},
    "max_age_bytes": {"max_age": b"10"},
    "max_age_float_whole": {"max_age": 10.0},
    "max_age_huge": {"max_age": 10**30},
    "max_age_list": {"max_age": [10]},
    "samesite_strenum": {"samesite": SE.LAX},
    "samesite_strenum2": {"samesite": SE.STRICT},
    "samesite_strsub": {"samesite": S("none")},
    "samesite_space": {"samesite": " lax"},
    "samesite_trail": {"samesite": "Lax "},
    "samesite_mixed": {"samesite": "sTrIcT"},
    "samesite_none_str": {"samesite": "None"},
    "samesite_None": {"samesite": None},
    "samesite_bytes": {"samesite": b"lax"},
    "path_strsub": {"path": S("/x")},
    "path_bytes": {"path": b"/x"},
    "domain_bytes": {"domain": b"x.org"},
    "domain_dot": {"domain": ".x.org"},
    "domain_upper": {"domain": "X.ORG"},
    "domain_idn": {"domain": "bücher.de"},
    "domain_port": {"domain": "x.org:80"},
    "comment_bytes": {"comment": b"hi"},
    "comment_quote": {"comment": 'say "hi"'},
    "httponly_none": {"httponly": None},
    "partitioned_none": {"partitioned": None},
    "secure_prefix_str": {"secure_prefix": "yes"},
    "host_prefix_zero": {"host_prefix": 0},
    "host_prefix_str_empty": {"host_prefix": ""},
}
for name, kw in CASES.items():
    show(f"add.{name}", add("a", "b", **kw))
show("value_strsub", add("a", S("v w")))
show("key_strsub", add(S("k"), "v"))
show("value_strenum", add("a", SE.LAX))
show("key_strenum", add(SE.LAX, "v"))
show("key_upper", add("ABC", "v"))
show("key_dollar", add("$a", "v"))
show("key_long", add("k" * 300, "v"))
show("value_long", add("a", "v" * 5000))
show("value_cookie_octets", add("a", "!#$%&'()*+-./:<=>?@[]^_`{|}~"))
show(
    "delete_strsub",
    lambda: (lambda r: (r.delete_cookie(S("a")), [str(v) for k, v in r.headers.items()]))(
        text("x")
    ),
)

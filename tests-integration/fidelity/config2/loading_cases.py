"""Cases for loading.py: each a name, a snippet, and optional env and files."""

from __future__ import annotations

CASES: list[dict] = []


def case(name: str, code: str, env: dict | None = None, files: dict | None = None) -> None:
    CASES.append({"name": name, "code": code, "env": env or {}, "files": files or {}})


BOOLS = [
    "true",
    "True",
    "TRUE",
    "tRuE",
    "false",
    "False",
    "FALSE",
    "yes",
    "YES",
    "no",
    "No",
    "on",
    "ON",
    "off",
    "OFF",
    "1",
    "0",
    "y",
    "n",
    "t",
    "f",
    "enable",
    "disable",
    "enabled",
    "disabled",
    "none",
    "None",
    "null",
    "",
    " ",
    " 1",
    "1 ",
    "+1",
    "-0",
    "1_000",
    "0x10",
    "1e3",
    "inf",
    "nan",
    "-inf",
    "1.",
    ".5",
    "010",
    "٣",
    "True ",
    "'x'",
    "[1]",
    "{}",
]
for i, v in enumerate(BOOLS):
    case(
        f"env-value-{i}-{v!r}",
        "from sanic import Sanic\napp = Sanic('a')\nshow(app.config.FOO)",
        env={"SANIC_FOO": v},
    )
    case(
        f"env-known-{i}-{v!r}",
        "from sanic import Sanic\napp = Sanic('a')\nshow(app.config.KEEP_ALIVE, app.config.ACCESS_LOG)",
        env={"SANIC_KEEP_ALIVE": v, "SANIC_ACCESS_LOG": v},
    )

case(
    "env-lowercase",
    "from sanic import Sanic\napp = Sanic('a')\nshow(sorted(k for k in app.config if 'OO' in k.upper()))",
    env={
        "SANIC_foo": "1",
        "SANIC_Foo": "2",
        "SANIC_FOO_bar": "3",
        "SANIC_FOO1": "4",
        "SANIC_F_O_O": "5",
    },
)
case(
    "env-prefix-only",
    "from sanic import Sanic\napp = Sanic('a')\nshow('' in app.config, app.config.get(''))",
    env={"SANIC_": "x"},
)
case(
    "env-prefix-custom",
    "from sanic import Sanic\napp = Sanic('a', env_prefix='MY_')\nshow(app.config.get('FOO'), app.config.get('BAR'))",
    env={"MY_FOO": "1", "SANIC_BAR": "2"},
)
case(
    "env-prefix-lower",
    "from sanic import Sanic\napp = Sanic('a', env_prefix='my_')\nshow(app.config.get('FOO'), app.config.get('foo'), app.config.get('FOO_X'))",
    env={"my_FOO": "1", "my_foo": "2", "MY_FOO": "3", "my_FOO_X": "4"},
)
case(
    "env-prefix-none",
    "from sanic import Sanic\napp = Sanic('a', env_prefix=None)\nshow(app.config.get('FOO'))",
    env={"SANIC_FOO": "1"},
)
case(
    "env-prefix-empty",
    "from sanic import Sanic\napp = Sanic('a', env_prefix='')\nshow(app.config.get('FOO'), app.config.get('PATH') is not None)",
    env={"SANIC_FOO": "1"},
)
case(
    "load-env-false",
    "from sanic import Sanic\napp = Sanic('a', load_env=False)\nshow(app.config.get('FOO'))",
    env={"SANIC_FOO": "1"},
)
case(
    "load-env-true",
    "from sanic import Sanic\napp = Sanic('a', load_env=True)\nshow(app.config.get('FOO'))",
    env={"SANIC_FOO": "1"},
)
case(
    "load-env-str",
    "from sanic import Sanic\napp = Sanic('a', load_env='MY_')\nshow(app.config.get('FOO'), app.config.get('BAR'))",
    env={"MY_FOO": "1", "SANIC_BAR": "2"},
)
case(
    "load-env-and-prefix",
    "from sanic import Sanic\napp = Sanic('a', load_env='MY_', env_prefix='YO_')\nshow(app.config.get('FOO'), app.config.get('BAR'))",
    env={"MY_FOO": "1", "YO_BAR": "2"},
)
case(
    "load-env-false-prefix",
    "from sanic import Sanic\napp = Sanic('a', load_env=False, env_prefix='YO_')\nshow(app.config.get('FOO'), app.config.get('BAR'))",
    env={"SANIC_FOO": "1", "YO_BAR": "2"},
)
case(
    "load-env-warn",
    """
import warnings
from sanic import Sanic
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    app = Sanic('a', load_env='MY_')
show([(x.category.__name__) for x in w if 'load_env' in str(x.message) or 'env' in str(x.message)])
""",
)
case(
    "config-env-prefix",
    "from sanic.config import Config\nc = Config(env_prefix='MY_')\nshow(c.get('FOO'))",
    env={"MY_FOO": "1.5"},
)
case(
    "config-load-environment-vars",
    "from sanic.config import Config\nc = Config(env_prefix=None)\nshow(c.get('FOO'))\nc.load_environment_vars('MY_')\nshow(c.get('FOO'))\nc.load_environment_vars()\nshow(c.get('BAR'))",
    env={"MY_FOO": "1.5", "SANIC_BAR": "x"},
)
case(
    "config-load-environment-vars-empty",
    "from sanic.config import Config\nc = Config(env_prefix=None)\nc.load_environment_vars('')",
    env={"MY_FOO": "1.5"},
)
case(
    "config-load-environment-vars-none",
    "from sanic.config import Config\nc = Config(env_prefix=None)\nc.load_environment_vars(None)\nshow(c.get('FOO'))",
    env={"SANIC_FOO": "1.5"},
)
case(
    "config-defaults",
    "from sanic.config import Config\nc = Config(defaults={'FOO': 1, 'KEEP_ALIVE': False, 'foo': 2})\nshow(c.FOO, c.KEEP_ALIVE, c.get('foo'))",
    env={"SANIC_FOO": "3"},
)
case(
    "config-keep-alive",
    "from sanic.config import Config\nc = Config(keep_alive=False)\nshow(c.KEEP_ALIVE)",
    env={"SANIC_KEEP_ALIVE": "true"},
)

# converters
case(
    "converters-arg",
    """
from sanic.config import Config
class UpperStr(str): pass
def up(v):
    if not v.startswith('x'): raise ValueError
    return UpperStr(v.upper())
c = Config(converters=[up])
show(c.FOO, c.BAR)
""",
    env={"SANIC_FOO": "xyz", "SANIC_BAR": "12"},
)
case(
    "converters-app",
    """
from sanic import Sanic
from sanic.config import Config
def up(v):
    if not v.startswith('x'): raise ValueError
    return v.upper()
app = Sanic('a', config=Config(converters=[up]))
show(app.config.FOO, app.config.BAR)
""",
    env={"SANIC_FOO": "xyz", "SANIC_BAR": "12"},
)
case(
    "register-type-late",
    """
from sanic import Sanic
def up(v):
    return v.upper()
app = Sanic('a')
app.config.register_type(up)
show(app.config.FOO)
app.config.load_environment_vars()
show(app.config.FOO, app.config.BAR)
""",
    env={"SANIC_FOO": "xyz", "SANIC_BAR": "12"},
)
case(
    "register-type-order",
    """
from sanic.config import Config
def a(v): return 'a:' + v
def b(v): return 'b:' + v
c = Config(converters=[a, b])
show(c.FOO)
""",
    env={"SANIC_FOO": "xyz"},
)
case(
    "register-type-twice",
    """
import logging, io
s = io.StringIO(); h = logging.StreamHandler(s)
logging.getLogger('sanic.error').addHandler(h); logging.getLogger('sanic.error').setLevel(logging.DEBUG)
from sanic.config import Config
def a(v): return 'a:' + v
c = Config(converters=[a])
c.register_type(a)
show(s.getvalue())
c.register_type(int)
show(s.getvalue())
show(c.FOO)
""",
    env={"SANIC_FOO": "7"},
)
case(
    "converter-typeerror",
    """
from sanic.config import Config
def a(v): raise TypeError('nope')
c = Config(converters=[a])
show(c.FOO)
""",
    env={"SANIC_FOO": "7"},
)
case(
    "converter-returns-none",
    """
from sanic.config import Config
def a(v): return None
c = Config(converters=[a])
show(c.FOO)
""",
    env={"SANIC_FOO": "7"},
)
case(
    "converter-class",
    """
from sanic.config import Config
from decimal import Decimal
c = Config(converters=[Decimal])
show(c.FOO, c.BAR)
""",
    env={"SANIC_FOO": "7.5", "SANIC_BAR": "abc"},
)
case(
    "converter-not-callable",
    """
from sanic.config import Config
c = Config(converters=[5])
show(c.FOO)
""",
    env={"SANIC_FOO": "7.5"},
)
case(
    "detailed-converter",
    """
from sanic.config import Config, DetailedConverter
class D(DetailedConverter):
    def __call__(self, full_key, config_key, value, defaults):
        if config_key == 'FOO':
            return (full_key, config_key, value, type(defaults).__name__, 'KEEP_ALIVE' in defaults, defaults.get('BAR'))
        raise ValueError
c = Config(defaults={'BAR': 9}, converters=[D()])
show(c.FOO, c.get('BAZ'))
""",
    env={"SANIC_FOO": "7.5", "SANIC_BAZ": "1"},
)
case(
    "detailed-converter-prefix",
    """
from sanic import Sanic
from sanic.config import Config, DetailedConverter
class D(DetailedConverter):
    def __call__(self, full_key, config_key, value, defaults):
        return (full_key, config_key, value)
app = Sanic('a', env_prefix='MY_', config=Config(converters=[D()], env_prefix=None))
show(app.config.get('FOO'))
""",
    env={"MY_FOO": "7.5"},
)

# app + config objects
case(
    "config-subclass",
    """
from sanic import Sanic
from sanic.config import Config
class My(Config):
    FOO: int = 5
    BAR = 'x'
    lower = 1
    def method(self): return 1
c = My()
app = Sanic('a', config=c)
show(app.config is c, app.config.FOO, app.config.BAR, app.config.get('FOO'), 'FOO' in app.config, app.config.lower, 'lower' in app.config)
""",
    env={"SANIC_FOO": "7"},
)
case(
    "config-subclass-annotation-only",
    """
from sanic.config import Config
class My(Config):
    FOO: int
c = My()
show(c.get('FOO'))
with catch(): show(c.FOO)
""",
    env={"SANIC_FOO": "7"},
)
case(
    "config-subclass-init",
    """
from sanic import Sanic
from sanic.config import Config
class My(Config):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.FOO = 'set'
        self.lower = 'low'
app = Sanic('a', config=My())
show(app.config.FOO, app.config.get('lower'), app.config.lower)
""",
)
case(
    "config-subclass-property",
    """
from sanic import Sanic
from sanic.config import Config
class My(Config):
    @property
    def COMPUTED(self): return 'c'
c = My()
show(c.COMPUTED, 'COMPUTED' in c)
c.COMPUTED = 5
show(c.COMPUTED)
c.update({'COMPUTED': 6})
show(c.COMPUTED)
""",
    env={"SANIC_COMPUTED": "7"},
)
case(
    "config-subclass-property-setter",
    """
from sanic.config import Config
class My(Config):
    _v = 1
    @property
    def VAL(self): return self._v
    @VAL.setter
    def VAL(self, v): object.__setattr__(self, '_v', v * 2)
c = My()
show(c.VAL)
c.VAL = 5
show(c.VAL, 'VAL' in c)
c.update(VAL=6)
show(c.VAL)
""",
    env={"SANIC_VAL": "7"},
)
case(
    "config-dict",
    """
from sanic import Sanic
with catch():
    app = Sanic('a', config={'FOO': 1})
    show(type(app.config).__name__, app.config.get('FOO'))
""",
)
case(
    "config-object-not-config",
    """
from sanic import Sanic
class X: FOO = 1
with catch():
    app = Sanic('a', config=X())
    show(type(app.config).__name__)
""",
)
case(
    "sanic-config-twice-same",
    """
from sanic import Sanic
from sanic.config import Config
c = Config()
a = Sanic('a', config=c)
b = Sanic('b', config=c)
show(a.config is b.config)
""",
)
case(
    "app-config-reassign",
    """
from sanic import Sanic
from sanic.config import Config
app = Sanic('a')
with catch():
    app.config = Config(defaults={'FOO': 1})
    show(app.config.FOO)
with catch():
    app.config = {'FOO': 2}
    show(type(app.config).__name__)
""",
)

# missing keys, deletion, access
case(
    "missing-attr",
    """
from sanic import Sanic
app = Sanic('a')
with catch(): app.config.NOPE
with catch(): app.config['NOPE']
with catch(): app.config.nope
show(app.config.get('NOPE'), getattr(app.config, 'NOPE', 'dflt'), hasattr(app.config, 'NOPE'))
""",
)
case(
    "delete",
    """
from sanic import Sanic
app = Sanic('a')
app.config.FOO = 1
del app.config.FOO
show('FOO' in app.config)
app.config.FOO = 1
del app.config['FOO']
show('FOO' in app.config)
with catch(): del app.config.NOPE
with catch(): del app.config['NOPE']
with catch(): del app.config.KEEP_ALIVE
show('KEEP_ALIVE' in app.config)
with catch(): show(app.config.KEEP_ALIVE)
with catch(): del app.config['REQUEST_TIMEOUT']
with catch(): show(app.config.REQUEST_TIMEOUT)
with catch(): app.config.pop('ACCESS_LOG'); show(app.config.get('ACCESS_LOG'))
""",
)
case(
    "delete-fallback",
    """
from sanic import Sanic
app = Sanic('a')
with catch(): del app.config.FALLBACK_ERROR_FORMAT
with catch(): show(app.config.FALLBACK_ERROR_FORMAT)
with catch(): del app.config['_FALLBACK_ERROR_FORMAT']
with catch(): show(app.config.FALLBACK_ERROR_FORMAT)
""",
)
case(
    "lowercase-set",
    """
from sanic import Sanic
app = Sanic('a')
app.config.foo = 1
app.config['bar'] = 2
app.config.update({'baz': 3})
app.config.update(qux=4)
show(sorted(k for k in app.config if k.islower()), app.config.foo, app.config.bar)
""",
)
case(
    "item-vs-attr",
    """
from sanic import Sanic
app = Sanic('a')
app.config['FOO'] = 1
show(app.config.FOO)
app.config.BAR = 2
show(app.config['BAR'])
app.config.setdefault('BAZ', 3)
show(app.config.BAZ)
with catch(): show(app.config['FALLBACK_ERROR_FORMAT'])
app.config['FALLBACK_ERROR_FORMAT'] = 'json'
show(app.config.FALLBACK_ERROR_FORMAT, app.config.get('FALLBACK_ERROR_FORMAT'), app.config['_FALLBACK_ERROR_FORMAT'])
""",
)
case(
    "setdefault-known",
    """
from sanic import Sanic
app = Sanic('a')
app.config.setdefault('DEPRECATION_FILTER', 'error')
show(app.config.DEPRECATION_FILTER)
show(app.config.setdefault('NEW', 5), app.config.NEW)
""",
)
case(
    "update-forms",
    """
from sanic import Sanic
app = Sanic('a')
app.config.update({'A': 1}, B=2)
app.config.update([('C', 3)])
with catch(): app.config.update({'D': 4}, {'E': 5})
show(app.config.get('A'), app.config.get('B'), app.config.get('C'), app.config.get('D'), app.config.get('E'))
with catch(): app.config.update(5)
with catch(): app.config.update('ab')
with catch(): app.config.update(None)
with catch(): app.config.update([1])
""",
)
case(
    "update-returns",
    """
from sanic import Sanic
app = Sanic('a')
show(app.config.update({'A': 1}), app.config.update_config({'B': 2}))
""",
)
case(
    "update-lower",
    """
from sanic import Sanic
app = Sanic('a')
app.config.update({'a': 1, 'Mixed': 2, 'UP_1': 3, '_X': 4, '1A': 5})
show(app.config.get('a'), app.config.get('Mixed'), app.config.get('UP_1'), app.config.get('_X'), app.config.get('1A'))
app.config.update_config({'b': 1, 'Mixed2': 2, 'UP_2': 3, '_Y': 4, '2A': 5, '__Z': 6})
show(app.config.get('b'), app.config.get('Mixed2'), app.config.get('UP_2'), app.config.get('_Y'), app.config.get('2A'), app.config.get('__Z'))
""",
)
case(
    "update-non-str-keys",
    """
from sanic import Sanic
app = Sanic('a')
with catch(): app.config.update({1: 'x'}); show(app.config.get(1))
with catch(): app.config.update_config({1: 'x'}); show(app.config.get(1))
""",
)

PYFILE = "FOO = 1\nbar = 2\nBAZ = 'z'\n_PRIV = 3\nimport os\nOS = os\ndef FUNC(): return 1\nclass KLS: pass\n__DUNDER__ = 4\n"
SHOWALL = "show(*(app.config.get(k) if not callable(app.config.get(k)) else 'callable' for k in ['FOO', 'bar', 'BAZ', '_PRIV', 'OS', 'FUNC', 'KLS', '__DUNDER__']))\nshow(repr(app.config.get('OS'))[:20])"
case(
    "update-config-path-str",
    "from sanic import Sanic\nimport os\napp = Sanic('a')\napp.config.update_config(os.path.abspath('cfg.py'))\n"
    + SHOWALL,
    files={"cfg.py": PYFILE},
)
case(
    "update-config-path-rel",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('cfg.py')\n" + SHOWALL,
    files={"cfg.py": PYFILE},
)
case(
    "update-config-path-obj",
    "from sanic import Sanic\nfrom pathlib import Path\napp = Sanic('a')\napp.config.update_config(Path('cfg.py').absolute())\n"
    + SHOWALL,
    files={"cfg.py": PYFILE},
)
case(
    "update-config-path-bytes",
    "from sanic import Sanic\nimport os\napp = Sanic('a')\napp.config.update_config(os.path.abspath('cfg.py').encode())\n"
    + SHOWALL,
    files={"cfg.py": PYFILE},
)
case(
    "update-config-env-interp",
    "from sanic import Sanic\nimport os\nos.environ['CFGDIR'] = os.getcwd()\napp = Sanic('a')\napp.config.update_config('${CFGDIR}/cfg.py')\n"
    + SHOWALL,
    files={"cfg.py": PYFILE},
)
case(
    "update-config-env-interp-path",
    "from sanic import Sanic\nimport os\nfrom pathlib import Path\nos.environ['CFGDIR'] = os.getcwd()\napp = Sanic('a')\nwith catch(): app.config.update_config(Path('${CFGDIR}/cfg.py'))\n"
    + SHOWALL,
    files={"cfg.py": PYFILE},
)
case(
    "update-config-env-interp-missing",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('${NOPE_NOT_SET}/cfg.py')\n",
    files={"cfg.py": PYFILE},
)
case(
    "update-config-env-interp-two",
    "from sanic import Sanic\nimport os\nos.environ['D1'] = os.getcwd(); os.environ['F1']='cfg'\napp = Sanic('a')\napp.config.update_config('${D1}/${F1}.py')\n"
    + SHOWALL,
    files={"cfg.py": PYFILE},
)
case(
    "update-config-env-interp-dollar",
    "from sanic import Sanic\nimport os\nos.environ['D1'] = os.getcwd()\napp = Sanic('a')\nwith catch(): app.config.update_config('$D1/cfg.py')\n"
    + SHOWALL,
    files={"cfg.py": PYFILE},
)
case(
    "update-config-missing-file",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('/nonexistent/cfg.py')\n",
)
case(
    "update-config-missing-file-rel",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('nofile.py')\n",
)
case(
    "update-config-missing-cfg",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('nofile.cfg')\n",
)
case(
    "update-config-syntax-error",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('bad.py')\n",
    files={"bad.py": "FOO = (\n"},
)
case(
    "update-config-raises",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('bad.py')\n",
    files={"bad.py": "FOO = 1/0\n"},
)
case(
    "update-config-other-ext",
    "from sanic import Sanic\napp = Sanic('a')\nwith catch(): app.config.update_config('cfg.cfg')\nshow(app.config.get('FOO'))\n",
    files={"cfg.cfg": "FOO = 1\n"},
)
case(
    "update-config-txt",
    "from sanic import Sanic\napp = Sanic('a')\nwith catch(): app.config.update_config('cfg.txt')\nshow(app.config.get('FOO'))\n",
    files={"cfg.txt": "FOO = 1\n"},
)
case(
    "update-config-noext",
    "from sanic import Sanic\napp = Sanic('a')\nwith catch(): app.config.update_config('cfg')\nshow(app.config.get('FOO'))\n",
    files={"cfg": "FOO = 1\n"},
)
case(
    "update-config-import-string",
    "from sanic import Sanic\napp = Sanic('a')\nwith catch(): app.config.update_config('settings')\nshow(app.config.get('FOO'), app.config.get('bar'))\n",
    files={"settings.py": PYFILE},
)
case(
    "update-config-import-dotted",
    "from sanic import Sanic\nimport os\nos.makedirs('pkg', exist_ok=True); open('pkg/__init__.py','w').close(); open('pkg/s.py','w').write('FOO=1')\napp = Sanic('a')\nwith catch(): app.config.update_config('pkg.s')\nshow(app.config.get('FOO'))\n",
)
case(
    "update-config-import-missing",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('no_such_module_x')\n",
)
case(
    "update-config-import-missing-dotted",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('no_such.module_x')\n",
)
case(
    "update-config-module",
    "from sanic import Sanic\napp = Sanic('a')\nimport settings\napp.config.update_config(settings)\n"
    + SHOWALL,
    files={"settings.py": PYFILE},
)
case(
    "update-config-class",
    """
from sanic import Sanic
app = Sanic('a')
class Base:
    INHERITED = 1
class C(Base):
    FOO = 1
    bar = 2
    _P = 3
    def METH(self): return 1
    @property
    def PROP(self): return 'p'
    @staticmethod
    def STATIC(): return 1
    @classmethod
    def CLSM(cls): return 1
app.config.update_config(C)
for k in ['INHERITED', 'FOO', 'bar', '_P', 'METH', 'PROP', 'STATIC', 'CLSM', '__module__', '__doc__', '__dict__', '__weakref__']:
    v = app.config.get(k, '<missing>')
    show(k, v if isinstance(v, (int, str)) else type(v).__name__)
""",
)
case(
    "update-config-object",
    """
from sanic import Sanic
app = Sanic('a')
class Base:
    INHERITED = 1
class C(Base):
    FOO = 1
    bar = 2
    def METH(self): return 1
    @property
    def PROP(self): return 'p'
    def __init__(self):
        self.INST = 'i'
        self.FOO = 'over'
c = C()
app.config.update_config(c)
for k in ['INHERITED', 'FOO', 'bar', 'METH', 'PROP', 'INST', '__module__', '__doc__', '__dict__', '__weakref__', '__init__']:
    v = app.config.get(k, '<missing>')
    show(k, v if isinstance(v, (int, str)) else type(v).__name__)
""",
)
case(
    "update-config-object-slots",
    """
from sanic import Sanic
app = Sanic('a')
class C:
    __slots__ = ('FOO',)
    def __init__(self): self.FOO = 1
with catch(): app.config.update_config(C())
show(app.config.get('FOO'))
""",
)
case(
    "update-config-namespace",
    """
from sanic import Sanic
from types import SimpleNamespace
app = Sanic('a')
app.config.update_config(SimpleNamespace(FOO=1, bar=2))
show(app.config.get('FOO'), app.config.get('bar'))
""",
)
case(
    "update-config-bad-types",
    """
from sanic import Sanic
app = Sanic('a')
for v in [5, None, 1.5, [('FOO', 1)], (1,), True, object()]:
    with catch(): app.config.update_config(v); show('ok', repr(v)[:10])
show(app.config.get('FOO'))
""",
)
case(
    "update-config-dict-subclass",
    """
from sanic import Sanic
from collections import OrderedDict, UserDict
app = Sanic('a')
app.config.update_config(OrderedDict(FOO=1, bar=2))
show(app.config.get('FOO'), app.config.get('bar'))
with catch(): app.config.update_config(UserDict(BAR=1)); show(app.config.get('BAR'))
""",
)
case(
    "load-alias",
    """
from sanic import Sanic
app = Sanic('a')
app.config.load({'FOO': 1, 'bar': 2})
show(app.config.get('FOO'), app.config.get('bar'))
app.config.load('cfg.py')
show(app.config.get('BAZ'))
""",
    files={"cfg.py": PYFILE},
)
case(
    "update-config-keys-effect",
    """
from sanic import Sanic
app = Sanic('a')
app.config.update_config({'FALLBACK_ERROR_FORMAT': 'json', 'LOCAL_CERT_CREATOR': 'mkcert', 'DEPRECATION_FILTER': 'ignore'})
show(app.config.FALLBACK_ERROR_FORMAT, app.config.LOCAL_CERT_CREATOR, app.config.DEPRECATION_FILTER)
with catch(): app.config.update_config({'FALLBACK_ERROR_FORMAT': 'yaml'})
show(app.config.FALLBACK_ERROR_FORMAT)
with catch(): app.config.update_config({'LOCAL_CERT_CREATOR': 'nope'})
show(app.config.LOCAL_CERT_CREATOR)
""",
)
case(
    "env-fallback-format",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.FALLBACK_ERROR_FORMAT, app.config['_FALLBACK_ERROR_FORMAT'])",
    env={"SANIC_FALLBACK_ERROR_FORMAT": "json"},
)
case(
    "env-fallback-format-bad",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.FALLBACK_ERROR_FORMAT)",
    env={"SANIC_FALLBACK_ERROR_FORMAT": "yaml"},
)
case(
    "env-fallback-format-upper",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.FALLBACK_ERROR_FORMAT)",
    env={"SANIC_FALLBACK_ERROR_FORMAT": "JSON"},
)
case(
    "env-private-fallback",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.FALLBACK_ERROR_FORMAT)",
    env={"SANIC__FALLBACK_ERROR_FORMAT": "text"},
)
case(
    "env-local-cert-creator",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.LOCAL_CERT_CREATOR)",
    env={"SANIC_LOCAL_CERT_CREATOR": "trustme"},
)
case(
    "env-local-cert-creator-bad",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.LOCAL_CERT_CREATOR)",
    env={"SANIC_LOCAL_CERT_CREATOR": "x"},
)
case(
    "env-deprecation-filter",
    "from sanic import Sanic\nimport warnings\nwith catch():\n    app = Sanic('a')\n    show(app.config.DEPRECATION_FILTER)",
    env={"SANIC_DEPRECATION_FILTER": "error"},
)
case(
    "env-deprecation-filter-bad",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.DEPRECATION_FILTER)",
    env={"SANIC_DEPRECATION_FILTER": "nope"},
)
case(
    "set-deprecation-filter-bad",
    "from sanic import Sanic\napp = Sanic('a')\nwith catch(): app.config.DEPRECATION_FILTER = 'nope'\nshow(app.config.DEPRECATION_FILTER)\nwith catch(): app.config.DEPRECATION_FILTER = 5\nshow(app.config.DEPRECATION_FILTER)",
)
case(
    "env-size-str",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.REQUEST_MAX_SIZE)",
    env={"SANIC_REQUEST_MAX_SIZE": "abc"},
)
case(
    "env-size-float",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.REQUEST_MAX_SIZE)",
    env={"SANIC_REQUEST_MAX_SIZE": "1e3"},
)
case(
    "env-motd-display",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.MOTD_DISPLAY)",
    env={"SANIC_MOTD_DISPLAY": "{'a': 'b'}"},
)
case(
    "env-proxies-count",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.PROXIES_COUNT)",
    env={"SANIC_PROXIES_COUNT": "-1"},
)
case(
    "env-forwarded-secret",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.FORWARDED_SECRET)",
    env={"SANIC_FORWARDED_SECRET": "123"},
)
case(
    "env-touchup",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.TOUCHUP, app.config.USE_UVLOOP, app.config.LOG_EXTRA)",
    env={"SANIC_TOUCHUP": "false", "SANIC_USE_UVLOOP": "no", "SANIC_LOG_EXTRA": "yes"},
)
case(
    "env-many-prefixed",
    "from sanic import Sanic\napp = Sanic('a')\nshow(app.config.get('SANIC_FOO'), app.config.get('FOO'))",
    env={"SANIC_SANIC_FOO": "1"},
)
case(
    "env-update-after",
    """
from sanic import Sanic
import os
app = Sanic('a')
os.environ['SANIC_LATE'] = '5'
show(app.config.get('LATE'))
app.config.load_environment_vars()
show(app.config.get('LATE'))
app.config.load_environment_vars('SANIC_')
show(app.config.get('LATE'))
""",
)
case(
    "config-repr",
    "from sanic import Sanic\napp = Sanic('a')\nshow(type(app.config).__mro__[1].__name__, isinstance(app.config, dict), len(app.config), list(app.config)[:3])",
)
case(
    "config-copy",
    """
from sanic import Sanic
import copy
app = Sanic('a')
app.config.FOO = 1
with catch(): c = copy.copy(app.config); show(type(c).__name__, c.FOO)
with catch(): c = copy.deepcopy(app.config); show(type(c).__name__, c.FOO)
with catch(): c = dict(app.config); show(type(c).__name__, c['FOO'])
with catch(): c = app.config.copy(); show(type(c).__name__, c['FOO'])
""",
)
case(
    "config-pickle",
    """
from sanic.config import Config
import pickle
c = Config(env_prefix=None)
c.FOO = 1
with catch(): d = pickle.loads(pickle.dumps(c)); show(type(d).__name__, d.FOO, d.KEEP_ALIVE)
""",
)
case(
    "config-eq",
    """
from sanic.config import Config
a = Config(env_prefix=None); b = Config(env_prefix=None)
show(a == b, a == dict(a))
""",
)
case(
    "config-getattr-dunder",
    """
from sanic.config import Config
c = Config(env_prefix=None)
with catch(): show(c.__foo__)
with catch(): show(c._private)
c._private = 1
show(c.get('_private'), c._private)
""",
)
case(
    "config-class-attrs",
    """
from sanic.config import Config
with catch(): show(Config.KEEP_ALIVE)
show(sorted(Config.__annotations__)[:5] if hasattr(Config, '__annotations__') else None)
""",
)
case(
    "config-server-name",
    """
from sanic import Sanic
app = Sanic('a')
with catch(): show(app.config.SERVER_NAME)
show(app.config.get('SERVER_NAME'))
""",
)
case(
    "config-debug",
    """
from sanic import Sanic
app = Sanic('a')
with catch(): show(app.config.DEBUG)
show(app.config.get('DEBUG'), app.debug)
""",
)
case(
    "env-debug",
    """
from sanic import Sanic
app = Sanic('a')
with catch(): show(app.config.DEBUG, app.debug, app.state.mode)
""",
    env={"SANIC_DEBUG": "true"},
)
case(
    "fallback-error-format-set-twice",
    """
import logging, io
s = io.StringIO(); h = logging.StreamHandler(s)
logging.getLogger('sanic.error').addHandler(h); logging.getLogger('sanic.error').setLevel(logging.DEBUG)
from sanic import Sanic
app = Sanic('a')
app.config.FALLBACK_ERROR_FORMAT = 'json'
app.config.FALLBACK_ERROR_FORMAT = 'json'
show(s.getvalue())
app.config.FALLBACK_ERROR_FORMAT = 'text'
show(s.getvalue())
app.config.FALLBACK_ERROR_FORMAT = 'auto'
show(s.getvalue(), app.config.FALLBACK_ERROR_FORMAT)
""",
)
case(
    "fallback-error-format-ctor",
    """
from sanic import Sanic
from sanic.config import Config
app = Sanic('a', config=Config(defaults={'FALLBACK_ERROR_FORMAT': 'json'}))
show(app.config.FALLBACK_ERROR_FORMAT, app.config.get('FALLBACK_ERROR_FORMAT'), app.config.get('_FALLBACK_ERROR_FORMAT'))
""",
)
case(
    "fallback-error-format-defaults-bad",
    """
from sanic.config import Config
with catch(): c = Config(defaults={'FALLBACK_ERROR_FORMAT': 'yaml'}); show(c.FALLBACK_ERROR_FORMAT)
with catch(): c = Config(defaults={'_FALLBACK_ERROR_FORMAT': 'yaml'}); show(c.FALLBACK_ERROR_FORMAT)
""",
)
case(
    "fallback-error-format-set-bad",
    """
from sanic import Sanic
app = Sanic('a')
for v in ['yaml', None, '', 5, 'JSON', 'Json', 'html']:
    with catch(): app.config.FALLBACK_ERROR_FORMAT = v; show(v, app.config.FALLBACK_ERROR_FORMAT)
""",
)
case(
    "fallback-error-format-after-routes",
    """
from sanic import Sanic, text
app = Sanic('a')
@app.get('/')
async def h(r): return text('x')
app.config.FALLBACK_ERROR_FORMAT = 'json'
show(app.config.FALLBACK_ERROR_FORMAT)
""",
)
case(
    "app-ctor-kwargs",
    """
from sanic import Sanic
from sanic.config import Config
with catch(): app = Sanic('a', config=Config(), env_prefix='MY_'); show(app.config.get('FOO'), app.config.get('BAR'))
""",
    env={"MY_FOO": "1", "SANIC_BAR": "2"},
)
case(
    "app-ctor-loadenv-config",
    """
from sanic import Sanic
from sanic.config import Config
with catch(): app = Sanic('a', config=Config(env_prefix=None), load_env='MY_'); show(app.config.get('FOO'), app.config.get('BAR'))
""",
    env={"MY_FOO": "1", "SANIC_BAR": "2"},
)
case(
    "app-ctor-config-loadenv-false",
    """
from sanic import Sanic
from sanic.config import Config
with catch(): app = Sanic('a', config=Config(), load_env=False); show(app.config.get('FOO'))
""",
    env={"SANIC_FOO": "1"},
)
case(
    "config-keyword-only",
    """
from sanic.config import Config
with catch(): c = Config({'FOO': 1}, 'MY_', False); show(c.FOO, c.KEEP_ALIVE, c.get('BAR'))
with catch(): c = Config(None, None, None, [int])
""",
    env={"MY_BAR": "2"},
)
case(
    "config-signature",
    """
import inspect
from sanic.config import Config
show(str(inspect.signature(Config.__init__)))
show(str(inspect.signature(Config.update_config)))
show(str(inspect.signature(Config.load_environment_vars)))
show(str(inspect.signature(Config.register_type)))
""",
)
case(
    "config-keep-alive-prop",
    """
from sanic import Sanic
app = Sanic('a')
app.config.KEEP_ALIVE = 0
show(app.config.KEEP_ALIVE)
app.config.KEEP_ALIVE = 'no'
show(app.config.KEEP_ALIVE)
""",
)
case(
    "config-wrong-types-read",
    """
from sanic import Sanic
app = Sanic('a')
for k, v in [('KEEP_ALIVE_TIMEOUT', '5'), ('REQUEST_TIMEOUT', 'abc'), ('ACCESS_LOG', 'yes'), ('PROXIES_COUNT', '1'), ('WEBSOCKET_MAX_SIZE', 'x'), ('MOTD', 'no'), ('INSPECTOR_PORT', 'x'), ('REQUEST_MAX_SIZE', '5')]:
    with catch(): setattr(app.config, k, v); show(k, getattr(app.config, k))
""",
)
case(
    "env-wrong-types",
    """
from sanic import Sanic
with catch():
    app = Sanic('a')
    show(app.config.KEEP_ALIVE_TIMEOUT, app.config.REQUEST_TIMEOUT, app.config.WEBSOCKET_MAX_SIZE, app.config.INSPECTOR_PORT)
""",
    env={
        "SANIC_KEEP_ALIVE_TIMEOUT": "5.0",
        "SANIC_REQUEST_TIMEOUT": "abc",
        "SANIC_WEBSOCKET_MAX_SIZE": "x",
        "SANIC_INSPECTOR_PORT": "true",
    },
)

case(
    "clear",
    """
from sanic import Sanic, text
app = Sanic('a')
app.config.clear()
show(len(app.config))
for k in ['FALLBACK_ERROR_FORMAT', 'KEEP_ALIVE', 'REQUEST_TIMEOUT', 'DEPRECATION_FILTER']:
    with catch(): show(k, getattr(app.config, k))
app.config.FOO = 1
show(list(app.config))
""",
)
case(
    "pop-popitem",
    """
from sanic import Sanic
app = Sanic('a')
show(app.config.pop('KEEP_ALIVE'), app.config.pop('NOPE', 'd'))
with catch(): app.config.pop('NOPE')
with catch(): show(app.config.popitem())
with catch(): show(app.config.KEEP_ALIVE)
""",
)
case(
    "app-update-config",
    """
from sanic import Sanic
app = Sanic('a')
with catch(): app.update_config({'FOO': 1}); show(app.config.FOO)
with catch(): app.update_config('cfg.py'); show(app.config.BAZ)
""",
    files={"cfg.py": "BAZ = 2\n"},
)
case(
    "utils-str-to-bool",
    """
from sanic.utils import str_to_bool
for v in ['y', 'Yes', 'yep', 'yup', 't', 'true', 'on', 'enable', 'enabled', '1', 'n', 'no', 'f', 'false', 'off', 'disable', 'disabled', '0', 'nope', '', ' yes', 'TRUE']:
    with catch(): show(v, str_to_bool(v))
with catch(): show(str_to_bool(None))
with catch(): show(str_to_bool(1))
""",
)
for v in ["yep", "yup", "enable", "disabled", "y", "n", "t", "f", "nope"]:
    case(
        f"env-bool-word-{v}",
        "from sanic import Sanic\napp = Sanic('a')\nshow(app.config.FOO)",
        env={"SANIC_FOO": v},
    )
case(
    "utils-load-module",
    """
from sanic.utils import load_module_from_file_location
import os
os.environ['CD'] = os.getcwd()
m = load_module_from_file_location('${CD}/cfg.py')
show(type(m).__name__, m.__name__, m.__file__.replace(os.getcwd(), '.'), m.FOO)
with catch(): m = load_module_from_file_location('${NOPE_X}/cfg.py')
with catch(): m = load_module_from_file_location('cfg.txt'); show(m.FOO, type(m).__name__)
with catch(): m = load_module_from_file_location(b'cfg.py'); show(m.FOO)
with catch(): m = load_module_from_file_location('cfg.py', 'utf-8'); show(m.FOO)
with catch(): m = load_module_from_file_location('cfg.py', encoding='utf-8'); show(m.FOO)
with catch(): m = load_module_from_file_location('json'); show(m.__name__)
with catch(): m = load_module_from_file_location(5)
""",
    files={"cfg.py": "FOO = 1\n", "cfg.txt": "FOO = 2\n"},
)
case(
    "update-config-module-name",
    """
from sanic import Sanic
import sys
app = Sanic('a')
app.config.update_config('cfg.py')
show(sorted(m for m in sys.modules if 'cfg' in m))
""",
    files={"cfg.py": "FOO = 1\nimport sys\nNAME = __name__\nFILE = __file__.rsplit('/', 1)[-1]\n"},
)
case(
    "update-config-name",
    """
from sanic import Sanic
app = Sanic('a')
app.config.update_config('cfg.py')
show(app.config.NAME, app.config.FILE)
""",
    files={"cfg.py": "FOO = 1\nNAME = __name__\nFILE = __file__.rsplit('/', 1)[-1]\n"},
)
case(
    "update-config-dir",
    "from sanic import Sanic\nimport os\nos.mkdir('d')\napp = Sanic('a')\napp.config.update_config('d')\n",
)
case(
    "update-config-dir-slash",
    "from sanic import Sanic\nimport os\nos.mkdir('d')\napp = Sanic('a')\napp.config.update_config(os.getcwd() + '/d')\n",
)
case(
    "update-config-empty-str",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('')\n",
)
case(
    "update-config-relative-dot",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('./cfg.py')\nshow(app.config.FOO)",
    files={"cfg.py": "FOO = 1\n"},
)
case(
    "update-config-unicode",
    "from sanic import Sanic\napp = Sanic('a')\napp.config.update_config('cfg.py')\nshow(app.config.FOO)",
    files={"cfg.py": "FOO = 'é☃'\n"},
)
case(
    "env-unicode",
    "from sanic import Sanic\napp = Sanic('a')\nshow(app.config.FOO)",
    env={"SANIC_FOO": "é☃"},
)
case(
    "env-fallback-format-empty",
    "from sanic import Sanic\nwith catch():\n    app = Sanic('a')\n    show(app.config.FALLBACK_ERROR_FORMAT)",
    env={"SANIC_FALLBACK_ERROR_FORMAT": ""},
)
case(
    "env-access-log-run",
    """
from sanic import Sanic
app = Sanic('a')
show(app.config.ACCESS_LOG, app.config.NOISY_EXCEPTIONS, app.config.MOTD, app.config.KEEP_ALIVE_TIMEOUT, app.config.GRACEFUL_SHUTDOWN_TIMEOUT)
""",
    env={
        "SANIC_ACCESS_LOG": "On",
        "SANIC_NOISY_EXCEPTIONS": "Yes",
        "SANIC_MOTD": "0",
        "SANIC_KEEP_ALIVE_TIMEOUT": "2.5",
        "SANIC_GRACEFUL_SHUTDOWN_TIMEOUT": "1",
    },
)
case(
    "multiple-apps-env",
    """
from sanic import Sanic
a = Sanic('a'); b = Sanic('b', env_prefix='B_')
show(a.config.get('X'), b.config.get('X'), a.config is b.config)
""",
    env={"SANIC_X": "1", "B_X": "2"},
)
case(
    "config-attr-types",
    """
from sanic.config import Config
c = Config(env_prefix=None)
show(type(c.__setters__).__name__, sorted(c.__setters__))
""",
)
case(
    "subclass-class-attr-env-type",
    """
from sanic.config import Config
class My(Config):
    FOO: int = 5
    BAR: str = 'x'
c = My()
show(c.FOO, c.BAR, c.get('FOO'), c.get('BAR'))
""",
    env={"SANIC_FOO": "7", "SANIC_BAR": "8"},
)
case(
    "subclass-defaults-override",
    """
from sanic.config import Config
class My(Config):
    KEEP_ALIVE = False
    REQUEST_TIMEOUT: int = 5
c = My()
show(c.KEEP_ALIVE, c.REQUEST_TIMEOUT, c['KEEP_ALIVE'], c['REQUEST_TIMEOUT'])
""",
)
case(
    "subclass-defaults-override-app",
    """
from sanic import Sanic
from sanic.config import Config
class My(Config):
    KEEP_ALIVE = False
    REQUEST_TIMEOUT = 5
app = Sanic('a', config=My())
show(app.config.KEEP_ALIVE, app.config.REQUEST_TIMEOUT, app.config['KEEP_ALIVE'], app.config['REQUEST_TIMEOUT'])
""",
)
case(
    "non-str-keys-forms",
    """
from sanic import Sanic
app = Sanic('a')
with catch(): app.config[1] = 'x'; show(app.config.get(1))
with catch(): app.config[None] = 'x'; show(app.config.get(None))
with catch(): app.config[('A',)] = 'x'; show(app.config.get(('A',)))
with catch(): app.config.update([(2, 'y')]); show(app.config.get(2))
with catch(): app.config.update({b'K': 'y'}); show(app.config.get(b'K'))
with catch(): app.config.setdefault(3, 'z'); show(app.config.get(3))
""",
)
case(
    "dunder-keys",
    """
from sanic import Sanic
app = Sanic('a')
for k in ['__weakref__', '__dict__', '__class__', '__doc__', '__module__', '__setters__']:
    with catch(): app.config.update({k: 'v'}); show(k, k in app.config)
""",
)
case(
    "header-limit-follows-config",
    """
from sanic import Sanic
from sanic.http import Http
from sanic.config import Config
a = Sanic('a'); show(Http.HEADER_MAX_SIZE)
a.config.REQUEST_MAX_HEADER_SIZE = 1000; show(Http.HEADER_MAX_SIZE)
b = Sanic('b'); show(Http.HEADER_MAX_SIZE)
a.config.update({'REQUEST_MAX_HEADER_SIZE': 30000}); show(Http.HEADER_MAX_SIZE)
a.config['REQUEST_MAX_HEADER_SIZE'] = 2000; show(Http.HEADER_MAX_SIZE)
a.config.update_config({'REQUEST_MAX_HEADER_SIZE': 3000}); show(Http.HEADER_MAX_SIZE)
Config(defaults={'REQUEST_MAX_HEADER_SIZE': 500}); show(Http.HEADER_MAX_SIZE)
a.config.REQUEST_MAX_HEADER_SIZE = 0; show(Http.HEADER_MAX_SIZE)
""",
)
case(
    "header-limit-env",
    "from sanic import Sanic\nfrom sanic.http import Http\nSanic('a')\nshow(Http.HEADER_MAX_SIZE)",
    env={"SANIC_REQUEST_MAX_HEADER_SIZE": "700"},
)

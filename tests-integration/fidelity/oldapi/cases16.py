"""Route parameter types and handler shapes of older releases."""

CASES: dict[str, str] = {}

for _t in ["number", "string", "int", "float", "alpha", "slug", "path", "uuid", "ymd",
           "ext", "strorempty", "nonemptystr", "[a-z]+", "^[0-9]+$", "path:.*", "str:x",
           "Number", "INT", "string:"]:
    CASES[f"param_type_{_t}"] = f'''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/x/<v:{_t}>")
async def h(request, v):
    return text(f"{{type(v).__name__}} {{v!r}}")
for path in ["/x/12", "/x/1.5", "/x/abc", "/x/a-b", "/x/2020-01-02", "/x/a.txt",
             "/x/3fa85f64-5717-4562-b3fc-2c963f66afa6"]:
    req(app, path)
'''

CASES["handler_callable_object"] = '''
from sanic import Sanic, text
class H:
    async def __call__(self, request):
        return text("obj")
app = Sanic("A")
app.add_route(H(), "/o")
req(app, "/o")
'''

CASES["handler_callable_object_named"] = '''
from sanic import Sanic, text
class H:
    async def __call__(self, request):
        return text("obj")
app = Sanic("A")
app.add_route(H(), "/o", name="o")
req(app, "/o")
'''

CASES["handler_partial"] = '''
import functools
from sanic import Sanic, text
async def h(request, word):
    return text(word)
app = Sanic("A")
app.add_route(functools.partial(h, word="p"), "/p", name="p")
req(app, "/p")
app.add_route(functools.partial(h, word="q"), "/q")
'''

CASES["handler_kwargs_params"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/k/<a>/<b:int>")
async def h(request, **kw):
    return text(repr(sorted(kw.items())))
req(app, "/k/x/5")
'''

CASES["handler_missing_param"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/k/<a>")
async def h(request):
    return text("no param")
req(app, "/k/x")
'''

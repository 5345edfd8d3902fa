"""TranslatorSRI/bl_lookup, the Sanic server of an earlier commit (bl_lookup/server.py:
``app.config.ACCESS_LOG = False``, ``/bl/<concept>/<key>`` beside ``/bl/<concept>``,
``urllib.parse.unquote`` of a path parameter, plain-text 404s) with bl_lookup/apidocs.py's
blueprint (``strict_slashes=True``, two ``bp.static('/', ...)`` on one path, a file and a
folder, a static ``/openapi.yml`` and a ``''`` route redirecting to ``/apidocs/``). The
Biolink data is a small dict; ``Sanic()`` is given the name 25.12 requires; the rendered
Swagger files are written to apps11/bl_static/ beforehand (jinja2 left out)."""

import os
import urllib.parse

from sanic import Blueprint, Sanic, response

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bl_static")
swagger_ui_3_path = os.path.join(HERE, "swagger_ui_3")

data = {
    "latest": {
        "geneology": {"gene_product": {"descendants": ["protein", "rna_product"], "ancestors": ["named_thing"]}},
        "raw": {"gene_product": {"is_a": "named thing", "mixin": True}},
    },
    "1.0.0": {"geneology": {}, "raw": {}},
}
uri_maps = {"latest": {"http://purl.obolibrary.org/obo/RO_0002434": ["interacts_with"]}}

bp = Blueprint('apidocs', url_prefix='/apidocs', strict_slashes=True)
# As written the three are all named "static": both refuse to start (``Duplicate route
# names detected: bl_lookup.apidocs.static``); named here so the rest can be compared.
bp.static('/', os.path.join(HERE, 'swagger_ui/index.html'), name="index")
bp.static('/', swagger_ui_3_path, name="ui")
bp.static('/openapi.yml', os.path.join(HERE, 'swagger_ui/openapi.yml'), name="spec")


@bp.route('')
def redirect(request):
    """Redirect to url with trailing slash."""
    return response.redirect('/apidocs/')


app = Sanic("bl_lookup")
app.config.ACCESS_LOG = False
app.blueprint(bp)


@app.route('/bl/<concept>/<key>')
async def lookup(request, concept, key):
    version = request.args.get('version', 'latest')
    try:
        _data = data[version]
    except KeyError:
        return response.text(f"No version '{version}' available\n", status=404)
    try:
        properties = _data['geneology'][concept]
    except KeyError:
        return response.text(f"No concept '{concept}'\n", status=404)
    try:
        value = properties[key]
    except KeyError:
        return response.text(f"No property '{key}' for concept '{concept}'\n", status=404)
    return response.json(value)


@app.route('/bl/<concept>')
async def properties(request, concept):
    version = request.args.get('version', 'latest')
    try:
        _data = data[version]
    except KeyError:
        return response.text(f"No version '{version}' available\n", status=404)
    try:
        props = _data['raw'][concept]
    except KeyError:
        return response.text(f"No concept '{concept}'\n", status=404)
    return response.json(props)


@app.route('/uri_lookup/<uri>')
async def uri_lookup(request, uri):
    version = request.args.get('version', 'latest')
    try:
        uri_map = uri_maps[version]
    except KeyError:
        return response.text(f"No version '{version}' available\n", status=404)
    try:
        uri = urllib.parse.unquote(uri)
        keys = uri_map[uri]
    except KeyError:
        return response.text(f"No uri '{uri}'\n", status=404)
    return response.json(keys)


@app.route('/versions')
async def versions(request):
    return response.json(list(data.keys()))

"""TensorFlowKCPT/WiFi-On-Sanic (main.py, condensed; no licence file in the stored copy). A
city site chosen by the first label of the raw `Host` field
(`request.headers.get('host').split('.')[0].removeprefix('https://')`), caches in module
dicts, a JSON search with `int(request.json.get('page'))`, a form post read with
`request.form.get`, `app.static("/static/", "./st/")` (a trailing slash on the URI), and
`sanic_session.Session(app)` keeping a login in `request.ctx.session`.

As written `Session(app)` (sanic_session 0.8) writes `response.cookies[name] = sid` and its
attributes, which 25.12's cookie jar refuses in both (earlier rounds); the stand-in
session keeps sanic_session's in-memory interface and cookie name but sets the cookie
with `add_cookie`. Other stand-ins: the databases (two cities, three tariffs, one partner
login), jinja2's templates (`str.format`), SMTP and the CRM post (recorded, not sent), the
static folder (`wifi_static`).
"""

import itertools

from sanic import Sanic, html, json, redirect, response

# ---- stand-ins -------------------------------------------------------------------------
CITIES = {"moskva": {"Name": "Москва", "NameEng": "moskva", "id": 416},
          "kazan": {"Name": "Казань", "NameEng": "kazan", "id": 88}}
TARIFFS = {416: [{"Provider": {"Name": "MTS"}, "Price": 500,
                  "Options": {"Internet": {"InternetSpeed": "до 100"}}},
                 {"Provider": {"Name": "Beeline"}, "Price": 700,
                  "Options": {"Internet": {"InternetSpeed": "до 500"}, "TV": {}}}],
           88: [{"Provider": {"Name": "Dom.ru"}, "Price": 450,
                 "Options": {"Internet": {"InternetSpeed": "до 200"}}}]}


class Database:
    @staticmethod
    def GetAllCities():
        return list(CITIES.values())

    @staticmethod
    def GetCityBySubdomain(sub):
        return CITIES.get(sub)

    @staticmethod
    def GetCityByName(name):
        return next((c for c in CITIES.values() if c["Name"] == name), None)

    @staticmethod
    def GetInfoByCity(city):
        return {"providers": sorted({t["Provider"]["Name"] for t in TARIFFS[city["id"]]}),
                "tariffs": list(TARIFFS[city["id"]])}

    @staticmethod
    def GetInfoByAddress(adr):
        return {"providers": [], "tariffs": [], "address": adr}

    @staticmethod
    def GetRandomTariffByCity(city_id):
        return TARIFFS[city_id][0]


class PromoDatabase:
    LEADS = []

    @staticmethod
    def LoginUser(login, password):
        return login if (login, password) == ("partner", "secret") else False

    @staticmethod
    def GetUserInfo(login):
        return {"login": login} if login == "partner" else None

    @staticmethod
    def CreatePartnerLead(login, name, phone, address):
        if not login:
            return "not logged in", 403
        PromoDatabase.LEADS.append((login, name, phone, address))
        return "ok", 201

    @staticmethod
    def GetPartnerLeads(login):
        return [lead for lead in PromoDatabase.LEADS if lead[0] == login]


class _Template:
    def __init__(self, name):
        self.name = name

    def render(self, data):
        city = data.get("City") or {}
        return f"<h1>{self.name}</h1><p>{city.get('Name')}</p><p>{data.get('host')}</p>"


class Environment:
    def get_template(self, name):
        return _Template(name)


_sid = itertools.count(1)


class Session:
    """sanic_session's in-memory interface, the cookie set with add_cookie."""

    def __init__(self, app, cookie_name="session"):
        self.store = {}

        @app.middleware("request")
        async def add_session(request):
            sid = request.cookies.get(cookie_name)
            if sid not in self.store:
                sid = f"s{next(_sid):04d}"
                self.store[sid] = {}
            request.ctx.session_id = sid
            request.ctx.session = self.store[sid]

        @app.middleware("response")
        async def save_session(request, resp):
            if hasattr(request.ctx, "session_id"):
                resp.add_cookie(cookie_name, request.ctx.session_id, httponly=True,
                                max_age=2592000, secure=False, samesite=None)


# ---- main.py ----------------------------------------------------------------------------
app = Sanic("Wifi-On")
local_link = "localhost:3000"
env = Environment()
app.static("/static/", "./wifi_static/")
cacheAdr = {}
cacheCities = {}
Session(app)
SENT = []


@app.route("/")
async def index(request):
    data = {'City': {'Name': 'Москва', 'NameEng': 'moskva', 'id': 416}}
    data['Cities'] = Database.GetAllCities()
    host = request.headers.get('host')
    subdomain = host.split('.')[0].removeprefix('https://')
    if host != local_link and subdomain != "on-wifi" and subdomain != "www":
        data['City'] = Database.GetCityBySubdomain(subdomain)
    data['Providers'] = Database.GetInfoByCity(data['City'])['providers']
    data['RandTariffs'] = [Database.GetRandomTariffByCity(data['City']['id']) for i in range(2)]
    data['host'] = host
    return html(env.get_template('main.html').render(data=data))


@app.post("/login")
async def login(request):
    loggedin = PromoDatabase.LoginUser(request.json.get('login'), request.json.get('password'))
    if loggedin:
        request.ctx.session['login'] = loggedin
    return json({'status': loggedin})


@app.get("/auth")
async def auth(request):
    request.ctx.session['login'] = None
    return html(env.get_template('auth.html').render(data={}))


@app.post("/send_partner_lead")
async def send_partner_lead(request):
    login = request.ctx.session.get('login')
    result = PromoDatabase.CreatePartnerLead(login, request.json.get('Name'),
                                             request.json.get('Phone'), request.json.get('Address'))
    return json({'result': result[0]}, status=result[1])


@app.get("/promo")
async def promo(request):
    login = request.ctx.session.get('login')
    userinfo = PromoDatabase.GetUserInfo(login)
    if not login or not userinfo:
        return redirect('/auth')
    data = {'PartnerLeads': PromoDatabase.GetPartnerLeads(login)}
    return html(env.get_template('promo.html').render(data=data) + str(len(data['PartnerLeads'])))


@app.post("/get_tariffs")
async def get_tariffs(request):
    MinTP = request.json.get('MinTP') or 0
    MaxTP = request.json.get('MaxTP') or 9999
    activeProviders = request.json.get('activeProviders') or []
    page = int(request.json.get('page'))
    if not page:
        page = 1
    host = request.headers.get('host')
    subdomain = host.split('.')[0].removeprefix('https://')
    if host != local_link and subdomain != "on-wifi" and subdomain != "www":
        city = Database.GetCityBySubdomain(subdomain)
    else:
        city = {'Name': 'Москва', 'NameEng': 'moskva', 'id': 416}
    try:
        data = cacheCities[city['Name']].copy()
    except KeyError:
        data = Database.GetInfoByCity(city)
        cacheCities[city['Name']] = data.copy()
    viable = [t for t in data['tariffs']
              if (t['Provider']['Name'] in activeProviders or not activeProviders)
              and MinTP <= t['Price'] <= MaxTP]
    data['tariffs'] = viable[(page - 1) * 6:(page - 1) * 6 + 6]
    data['pages'] = int(len(viable) / 6)
    data['currentpage'] = page
    return json(data)


@app.route("/tariffs")
async def tariffs(request):
    address = request.args.get("address")
    host = request.headers.get('host')
    data = {}
    if address:
        try:
            data = cacheAdr[address].copy()
        except KeyError:
            data = Database.GetInfoByAddress(address)
            cacheAdr[address] = data.copy()
    options = request.args.get("options")
    if options:
        data['options'] = options.split(' ')
    data['host'] = host
    return html(env.get_template('tariffs.html').render(data=data) + repr(data.get('options')))


@app.route('/send-email', methods=['POST'])
async def send_email_handler(request):
    email = request.form.get('email')
    name = request.form.get('name')
    if email and name:
        SENT.append((email, name))
        return json({'status': 'все по кайфу'})
    return json({'status': 'error', 'message': 'Недостающие данные'})


@app.route('/send-lead', methods=['POST'])
async def send_lead_handler(request):
    lead = {"name": request.json.get('name'), "phone": request.json.get('phone')}
    return response.json({"data": lead}, status=200)

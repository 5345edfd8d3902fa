"""recilaser/xmpp-file, xmppfile (run.py, openapi.py, config/__init__.py, config.py,
dev_config.py; no licence file in the repository). Settings classes chosen by an
environment variable and loaded into `app.config` (tab-aligned settings, `REQUEST_MAX_SIZE`
given twice, websocket limits, `WORKERS`); an `openapi` blueprint without a prefix whose
`/login/` reads `request.form.get(...)` and names `User`, `binascii` and `os` it never
imports; a `/scokit` websocket sending and receiving in a loop inside `try: ... except
Exception as e: print(e)`; an `after_server_start` listener keeping the pool on the blueprint,
and a `before_server_stop` listener closing it.

As written `Sanic()` has no name and `config.from_object` is gone (both refused alike,
listed); here `Sanic("xmppfile")` and `app.config.update(...)` of the class's upper-case names,
inherited ones included, as `from_object` took them (`update_config(CONFIG)` takes only
the names `DevConfig` itself defines, in both, so `app.config['WORKERS']` is a `KeyError`
at the run). The listener's `bp.pool = ...` stops both alike once the
server is up (`Setting variables on Blueprint instances is not allowed. You should change
your Blueprint instance to use instance.ctx.pool instead.`, `Server Stopped`, exit 1;
Sanic's traceback also shows the `AttributeError` it came from): here `bp.ctx.pool`, as
the message advises. `from sanic.websocket
import WebSocketProtocol` (gone in both) is left out. Stand-ins: the database pool
(`setup_connection`/`close_connection` print what they do), the config package (the
classes in this file, `MODE` unset so `DevConfig`).
"""

import os

from sanic import Sanic
from sanic.response import json, text, html, redirect
from sanic.blueprints import Blueprint


# config/config.py
class Config():
    #Application config
    TIMEZONE = 'Asia/Beijing'
    BASE_DIR = os.path.dirname(os.path.dirname(__file__))
    REQUEST_MAX_SIZE =	100000000	#请求数据的最大值 (bytes)
    REQUEST_MAX_SIZE = 200000000
    REQUEST_BUFFER_QUEUE_SIZE =	100	# 流缓存队列的大小
    REQUEST_TIMEOUT	= 30	 # 请求超时时间 (sec)
    RESPONSE_TIMEOUT	= 30	# 响应超时时间 (sec)
    KEEP_ALIVE	 = True	 #是否保持长链接
    KEEP_ALIVE_TIMEOUT	= 5	 #保持TCP链接的时间 (sec)
    GRACEFUL_SHUTDOWN_TIMEOUT	= 15.0	#等待强制关闭非空闲链接的时间 (sec)
    ACCESS_LOG	= True	#是否启用访问日志
    WORKERS = 4   #接收的进程数

    # webSocket 相关设置
    WEBSOCKET_MAX_SIZE = 2 ** 20  # 请求数据的最大值 (bytes)
    WEBSOCKET_MAX_QUEUE = 32  # 请求队列
    WEBSOCKET_READ_LIMIT = 2 ** 16
    WEBSOCKET_WRITE_LIMIT = 2 ** 16


# config/dev_config.py
class DevConfig(Config):

    DEBUG = True
    #数据库连接
    DB_CONFIG = {
        'host': '127.0.0.1',
        'user': 'odoo',
        'password': 'odoo',
        'port': '5432',
        'database': 'xmpp'
    }


# config/__init__.py
def load_config():

    mode = os.environ.get('MODE','DEV')
    if mode =='PRO':
        return Config
    elif mode == 'DEV':
        return DevConfig
    else:
        return DevConfig

CONFIG = load_config()


# db.py (stand-in)
async def setup_connection(app, loop):
    print("pool opened for", app.config.DB_CONFIG["database"])
    return "pool"


async def close_connection(app, loop):
    print("pool closed")


# openapi.py
bp = Blueprint('openapi')


@bp.get('/')
async def index(request):
    # _token = request.headers.get('token')
    # user = request['session'].get(_token)
    #
    # return render('index.html', request, user=user)

    return json('hello 基本运行成功')


@bp.route('/login/', methods=['GET', 'POST'])
async def login(request):
    if request.method == 'POST':
        username = request.form.get('username', '')
        password = request.form.get('password', '')

        user_list = await User.filter(nickname=username, password=password)  # noqa: F821 (as written)
        if user_list:
            _token = binascii.hexlify(os.urandom(16)).decode("utf8")  # noqa: F821
            response = json(_token)

            if not request._cookies.get('session'):
                request['session']['session'] = _token
            return response
        else:
            return json({'msg': 'user not exist'})
    else:
        return render('login.html', request)  # noqa: F821


# run.py
app = Sanic("xmppfile")
app.config.update({k: getattr(CONFIG, k) for k in dir(CONFIG) if k.isupper()})  # as from_object did
app.blueprint(bp)


#普通请求http连接
@app.route("/json")
async  def rn(request):
    return json('hello word3332233')

#websocket连接
@app.websocket("/scokit")
async def feed(request, ws):
    try:
        while True:
            data = 'hello  wj!'
            print('Sending: ' + data)
            await ws.send(data)
            data = await ws.recv()
            print('Received: ' + data)
    except Exception as e:
        print(e)


#连接数据库
async def start_db(app, loop):
    _data_pool = await setup_connection(app, loop)
    bp.ctx.pool = _data_pool


#断开数据库
async def close_db(app,loop):
    await close_connection(app, loop)

 #before_server_start：在服务器启动之前执行
@app.listener('before_server_start')
async def before_server_start(app, loop):
    pass

@app.listener('after_server_start')
async def after_server_start(app, loop):

    await start_db(app,loop)


@app.listener('before_server_stop')
async def before_server_stop(app, loop):

    await close_db(app,loop)


@app.get("/_config")  # added: what the settings became
async def show_config(request):
    c = app.config
    return json({k: c.get(k) for k in ("REQUEST_MAX_SIZE", "WORKERS", "DEBUG", "KEEP_ALIVE_TIMEOUT",
                                       "WEBSOCKET_MAX_SIZE", "WEBSOCKET_READ_LIMIT", "TIMEZONE")})


if __name__ =="__main__":
    app.run(host='127.0.0.1', port=int(os.environ.get("APP_PORT", "8888")), debug=app.config['DEBUG'], workers=app.config['WORKERS'])

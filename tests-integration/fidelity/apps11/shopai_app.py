"""mirzafar/shop-ai: app.py (``Sanic(name='chat-bot')``, ``@app.before_server_start``
taking ``(_app, _loop)``, two ``HTTPMethodView``s added with trailing-slash paths),
webhooks/telegram.py and webhooks/catalog.py as written. Stand-ins: the redis queue
(``cache``) and mongo (``initialize`` only); catalog.json is opened relative to the
working directory as the author's code does."""

from sanic import Sanic, response
from sanic.views import HTTPMethodView


class _Cache:
    def __init__(self):
        self.queued = []

    async def initialize(self, loop):
        print("cache initialised", type(loop).__name__)

    async def queue(self, queue, **kwargs):
        self.queued.append((queue, kwargs))
        print("queued", queue, sorted(kwargs.items()))


class _Mongo:
    def initialize(self, loop):
        print("mongo initialised")


cache = _Cache()
mongo = _Mongo()


class TelegramWebhookView(HTTPMethodView):
    async def post(self, request):
        data = request.json or {}

        message = data.get('message')
        chat_member = data.get('my_chat_member')

        if message and message.get('chat', {}).get('type') == 'private':
            pass
        else:
            return response.json({})

        text, chat_id = None, None

        if message:
            chat_id = message.get('chat', {}).get('id')

        elif chat_member:
            chat_id = chat_member.get('chat', {}).get('id')

        if message and message.get('text') == '/start':
            pass

        if message and message.get('text'):
            text = message['text']

        elif message and message.get('caption'):
            text = message['caption']

        if text and chat_id:
            await cache.queue(
                queue='chatbot:messages',
                text=text,
                chat_id=chat_id
            )

        return response.json({
            'method': 'sendMessage',
            'chat_id': chat_id,
            'text': 'Введите текст'
        })


class CatalogView(HTTPMethodView):
    async def get(self, request):
        import json
        with open('catalog.json', 'r') as f:
            data = json.load(f)
        return response.json(data)


app = Sanic(name='chat-bot')


@app.before_server_start
async def before_server_start(_app, _loop):
    await cache.initialize(_loop)
    mongo.initialize(_loop)


app.add_route(TelegramWebhookView.as_view(), '/webhooks/telegram/')
app.add_route(CatalogView.as_view(), '/webhooks/catalog/')

"""deep-learning-with-pytorch/dlwpt-code p3ch15/request_batching_server.py, as adapted in a
course project (Japanese comments; ``torch.device('cpu')``): a ``stream=True`` PUT route
reading ``request.stream.read()`` into a buffer sized by ``Content-Length`` (``MAX_SIZE =
2*22``, 44 bytes, as written), a ``HandlingError`` answered in an ``except`` that reads
``e.handling_mgs`` (a typo: an ``AttributeError``), a model-runner task added at import
whose ``asyncio.Lock(loop=app.loop)`` fails on Python 3.10+, and a per-request
``asyncio.Event(loop=app.loop)``. Stand-ins: torch/torchvision/PIL (a "model" that
upper-cases bytes; an "image" is any body starting with ``IMG``); the model name comes
from the environment instead of ``sys.argv[1]``; ``app.run`` at module level left out."""

import asyncio
import functools
import io
import os
import types

import sanic
from sanic import Sanic
from sanic.log import logger

app = Sanic(__name__)


class _Tensor(bytes):
    def to(self, device):
        return self

    def dim(self):
        return 3

    def size(self, i):
        return 3

    def __getitem__(self, item):
        return self


torch = types.SimpleNamespace(device=lambda name: name, stack=lambda xs, dim=0: list(xs))


class _Image:
    @staticmethod
    def open(fp):
        data = fp.read()
        if not data.startswith(b"IMG"):
            raise OSError("cannot identify image file")
        return data.rstrip(b"\0")


PIL = types.SimpleNamespace(Image=_Image)
_tf = types.SimpleNamespace(resize=lambda im, size: im, to_tensor=lambda im: _Tensor(im),
                            to_pil_image=lambda t: types.SimpleNamespace(save=lambda f, format: f.write(bytes(t))))
torchvision = types.SimpleNamespace(transforms=types.SimpleNamespace(functional=_tf))


def get_pretrained_model(name, map_location):
    return lambda batch: [_Tensor(bytes(x).upper()) for x in batch]


device = torch.device('cpu')

MAX_QUEUE_SIZE = 3
MAX_BATCH_SIZE = 2
MAX_WAIT = 1


class HandlingError(Exception):
    def __init__(self, msg, code=500):
        super().__init__()
        self.handling_code = code
        self.handling_msg = msg


class ModelRunner:
    def __init__(self, model_name):
        self.model_name = model_name
        self.queue = []
        self.queue_lock = None
        self.model = get_pretrained_model(self.model_name, map_location=device)
        self.needs_processing = None
        self.needs_processing_timer = None

    def schedule_processing_if_needed(self):
        if len(self.queue) >= MAX_BATCH_SIZE:
            logger.debug("next batch ready when processing a batch")
            self.needs_processing.set()
        elif self.queue:
            logger.debug("queue noempty when processing a batch, setting next timer")
            self.needs_processing_timer = app.loop.call_at(
                self.queue[0]['time'] + MAX_WAIT,
                self.needs_processing.set,
            )

    async def process_input(self, input):
        our_task = {
            "done_event": asyncio.Event(loop=app.loop),
            "input": input,
            "time": app.loop.time(),
        }
        async with self.queue_lock:
            if len(self.queue) >= MAX_QUEUE_SIZE:
                raise HandlingError("I'm too busy", code=503)
            self.queue.append(our_task)
            logger.debug("enqueued task. new queue size {}".format(len(self.queue)))
            self.schedule_processing_if_needed()
        await our_task["done_event"].wait()
        return our_task["output"]

    def run_model(self, batch):
        return self.model(batch)

    async def model_runner(self):
        self.queue_lock = asyncio.Lock(loop=app.loop)
        self.needs_processing = asyncio.Event(loop=app.loop)
        logger.info("started model runner for {}".format(self.model_name))
        while True:
            await self.needs_processing.wait()
            self.needs_processing.clear()
            if self.needs_processing_timer is not None:
                self.needs_processing_timer.cancel()
                self.needs_processing_timer = None
            async with self.queue_lock:
                to_process = self.queue[:MAX_BATCH_SIZE]
                del self.queue[:len(to_process)]
                self.schedule_processing_if_needed()
            batch = torch.stack([t['input'] for t in to_process], dim=0)
            result = await app.loop.run_in_executor(None, functools.partial(self.run_model, batch))
            for t, r in zip(to_process, result):
                t['output'] = r
                t["done_event"].set()
            del to_process


style_transfer_runner = ModelRunner(os.environ.get("MODEL_NAME", "cyclegan"))


@app.route('/image', methods=['PUT'], stream=True)
async def image(request):
    try:
        print(sorted(k for k in request.headers))
        content_length = int(request.headers.get('content-length', '0'))
        MAX_SIZE = 2*22  # 10MB

        if content_length:
            if content_length > MAX_SIZE:
                raise HandlingError("Too large")
            data = bytearray(content_length)
        else:
            data = bytearray(MAX_SIZE)

        pos = 0

        while True:
            data_part = await request.stream.read()
            if data_part is None:
                break
            data[pos : len(data_part) + pos] = data_part
            pos += len(data_part)
            if pos > MAX_SIZE:
                raise HandlingError("Too large")

        im = PIL.Image.open(io.BytesIO(data))
        im = torchvision.transforms.functional.resize(im, (228, 228))
        im = torchvision.transforms.functional.to_tensor(im)
        im = im[:3]
        if im.dim() != 3 or im.size(0) < 3 or im.size(0) > 4:
            raise HandlingError("need rgb image")
        out_im = await style_transfer_runner.process_input(im)
        out_im = torchvision.transforms.functional.to_pil_image(out_im)
        imgByteArr = io.BytesIO()
        out_im.save(imgByteArr, format="JPEG")
        return sanic.response.raw(imgByteArr.getvalue(), status=200, content_type='image/jpeg')

    except HandlingError as e:
        return sanic.response.text(e.handling_mgs, status=e.handling_code)


app.add_task(style_transfer_runner.model_runner())

import json as j
import socket
import ssl
import sys

from hurtle_http import serve, text


async def handler(request):
    ci = request.conn_info
    return text(
        f"ok ssl={ci.ssl} server={ci.server} cert={sorted((ci.cert or {}).keys())} sname={ci.server_name!r}"
    )


mode, arg = sys.argv[1], sys.argv[2]
if mode == "sock":
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(arg)))
    s.listen(5)
    serve(handler, sock=s)
elif mode == "unix":
    serve(handler, unix=arg, unix_mode=0o600)
elif mode == "ssl-dict":
    d = j.loads(arg)
    port = d.pop("port")
    serve(handler, "127.0.0.1", port, ssl=d)
elif mode == "ssl-dir":
    serve(handler, "127.0.0.1", 8131, ssl=arg)
elif mode == "ssl-ctx":
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert, key = arg.split(",")
    ctx.load_cert_chain(cert, key)
    serve(handler, "127.0.0.1", 8132, ssl=ctx)
elif mode == "rp":
    serve(handler, "127.0.0.1", int(arg), reuse_port=True, backlog=7)

"""request.url_for / url / scheme / host with SERVER_NAME and proxy settings."""

from _probe import new_app, req

from sanic import response

for label, cfg in [
    ("plain", {}),
    ("server_name", {"SERVER_NAME": "api.example.com"}),
    ("server_name scheme", {"SERVER_NAME": "https://api.example.com:8443"}),
    ("proxies 1", {"PROXIES_COUNT": 1}),
    ("real ip", {"REAL_IP_HEADER": "x-real-ip"}),
    ("secret", {"FORWARDED_SECRET": "s3"}),
]:
    app = new_app("urls" + label.replace(" ", ""))
    app.config.update(cfg)

    @app.get("/u/<x>")
    async def u(request, x):
        return response.json(
            {
                "url_for": request.url_for("u", x="y", q="1"),
                "url_for anchor": request.url_for("u", x="y", _anchor="top"),
                "app url_for ext": request.app.url_for("u", x="z", _external=True)
                if request.app.config.get("SERVER_NAME")
                else None,
                "url": request.url,
                "scheme": request.scheme,
                "host": request.host,
                "server_name": request.server_name,
                "server_port": request.server_port,
                "ip": request.ip,
                "remote_addr": request.remote_addr,
                "client_ip": request.client_ip,
                "forwarded": dict(request.forwarded),
            }
        )

    for headers in [
        {},
        {
            "x-forwarded-proto": "https",
            "x-forwarded-host": "fwd.example.com",
            "x-forwarded-for": "9.9.9.9",
        },
        {
            "forwarded": 'for=8.8.8.8;proto=https;host="fw.example.org:444";by=s3',
            "x-real-ip": "7.7.7.7",
        },
        {"host": "other.example:81"},
    ]:
        req(app, f"{label} {headers}", "GET", "/u/a", headers=(), send_headers=headers)

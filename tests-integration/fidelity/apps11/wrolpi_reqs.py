"""``python wrolpi_app.py`` (two workers sharing ``shared_ctx.uploaded_files``): a file in
three chunks (0, 1, then 2 = totalChunks), a chunk out of order (416), a repeated upload
(restart), missing fields, a wrong chunk size, a destination that does not exist."""

MP = {"Content-Type": "multipart/form-data; boundary=BB"}


def form(fields, chunk=b"", filename="chunk.bin"):
    out = b""
    for k, v in fields.items():
        out += f'--BB\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
    if chunk is not None:
        out += (f'--BB\r\nContent-Disposition: form-data; name="chunk"; filename="{filename}"\r\n'
                f'Content-Type: application/octet-stream\r\n\r\n').encode() + chunk + b"\r\n"
    return out + b"--BB--\r\n"


def up(n, data, name="a/clip.txt", total=2, dest="videos", size=None):
    return ("POST", "/api/files/upload", MP, form({"destination": dest, "filename": name, "chunkNumber": n,
                                                     "totalChunks": total, "chunkSize": len(data) if size is None else size}, data))


REQS = [
    up(0, b"one,"),
    up(2, b"three"),
    up(1, b"two,"),
    up(2, b"three"),
    ("GET", "/api/files/peek/videos/a/clip.txt"),
    up(0, b"again"),
    up(0, b"again"),
    up(1, b"xx", size=5),
    up(0, b"x", dest="nope"),
    ("POST", "/api/files/upload", MP, form({"filename": "f"}, None)),
    ("POST", "/api/files/upload", MP, form({"destination": "videos", "filename": "g", "chunkNumber": "x"}, b"1")),
    ("POST", "/api/files/upload", MP, form({"destination": "videos", "filename": "a", "chunkNumber": 0, "totalChunks": 0}, b"1")),
]

from sanic.headers import parse_content_header as p

for v in ['form-data; name="a\\\\b"', 'form-data; name="a\\"b"', 'form-data; name="a\\b"', 'form-data; name="\\\\"', 'form-data; name="a\\\\\\"b"', 'text/plain; charset="ut\\\\f"']:
    print(repr(v), "->", repr(p(v)))

"""Writes headers3.http (the request list for app_headers3.py)."""
import pathlib

blocks = []
def add(name, head, extra=""):
    blocks.append(f"### {name}\n{head}\nHost: x\nConnection: close\n{extra}")

reqs = {
    "plain": "",
    "dups": "X-Dup: 1\nx-dup: 2\nX-DUP: 3\n",
    "interleaved": "X-Dup: 1\nX-Other: o\nx-dup: 2\n",
    "empty_val": "X-Dup:\nX-Empty: \n",
    "spaces": "X-Dup:   padded   \n",
    "commas": "X-Dup: a, b\nX-Dup: c\n",
    "latin1": "X-Dup: caf\xe9\n",
}
for k, v in reqs.items():
    add(f"req {k}", f"GET /req/{k} HTTP/1.1", v)
add("req mut", "GET /req/mut HTTP/1.1", "X-Gone: 1\nX-Dup: 1\n")
add("req mut missing del", "GET /req/mut HTTP/1.1", "X-Dup: 1\n")
for k in ["dict", "pairs", "tuplepairs", "header", "multidict", "intkey", "bytesval", "gen", "none", "str"]:
    add(f"ctor {k}", f"GET /ctor/{k} HTTP/1.1")
    add(f"ctortext {k}", f"GET /ctortext/{k} HTTP/1.1")
for k in ["add", "extend", "extend_dict", "update", "update_pairs", "setdefault", "popall", "del",
          "del_missing", "pop", "setcookie_raw", "setcookie_set", "setcookie_del", "ct_both",
          "ct_both2", "ct_lower", "replace_obj", "replace_dict", "clear"]:
    add(f"mut {k}", f"GET /mut/{k} HTTP/1.1")
for k in ["cl_small", "cl_large", "cl_nonnum", "cl_neg", "cl_int", "cl_right", "cl_dup",
          "te_chunked", "te_gzip", "date", "server", "connection_close", "keepalive", "ctor_cl", "ctor_te"]:
    add(f"frame {k}", f"GET /frame/{k} HTTP/1.1")
    add(f"frame HEAD {k}", f"HEAD /frame/{k} HTTP/1.1")
for k in ["crlf", "lf", "cr", "name_crlf", "name_space", "name_colon", "name_empty", "nul", "latin1",
          "utf8", "bytes_latin", "float", "none", "int", "ctor_crlf", "ct_crlf"]:
    add(f"inj {k}", f"GET /inj/{k} HTTP/1.1")
pathlib.Path(__file__).with_name("headers3.http").write_text("\n".join(blocks), encoding="latin-1")
print(len(blocks))

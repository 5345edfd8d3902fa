import os

import trustme
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import load_pem_private_key

ca = trustme.CA()
c = ca.issue_cert("localhost", "127.0.0.1")
os.makedirs("certs", exist_ok=True)
c.private_key_pem.write_to_path("certs/privkey.pem")
c.cert_chain_pems[0].write_to_path("certs/cert.pem")
with open("certs/fullchain.pem", "wb") as f:
    for p in c.cert_chain_pems:
        f.write(p.bytes())
ca.cert_pem.write_to_path("certs/ca.pem")

k = load_pem_private_key(c.private_key_pem.bytes(), None)
open("certs/enc.pem", "wb").write(
    k.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"pw"),
    )
)

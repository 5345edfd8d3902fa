"""Run a command under a pseudo-terminal; print what it wrote (repr per line). Bounded."""
import os
import pty
import select
import sys
import time

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
buf = b""
end = time.monotonic() + float(os.environ.get("PTY_TIMEOUT", "10"))
while time.monotonic() < end:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        buf += data
    else:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
for line in buf.decode(errors="replace").splitlines():
    print(repr(line))

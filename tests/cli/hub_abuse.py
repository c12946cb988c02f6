#!/usr/bin/env python3
"""Abusive HTTP clients for tests/cli/hub_limits.sh and hub_slow_clients.sh, on loopback and
bounded in time. Each prints what it saw on stdout.

  hub_abuse.py send PORT PATH FILE [TOKEN]     POST FILE (JSON) with its checksum; prints STATUS BODY
  hub_abuse.py nest FILE DEPTH                 prints the push body FILE with its first op's body
                                               holding arrays nested DEPTH deep
  hub_abuse.py bomb PORT PATH MIB [TOKEN]      POST a gzip body inflating to MIB MiB; prints STATUS
  hub_abuse.py chunked PORT PATH MIB [TOKEN]   POST MIB MiB chunked, no Content-Length; prints STATUS
                                               or "closed" if the hub hung up before answering
  hub_abuse.py drip PORT N SECONDS             N connections each sending one header line a second,
                                               for at most SECONDS; prints "open" once they are, then
                                               how many the hub closed and the longest any stayed open
  hub_abuse.py hold PORT N                     N silent connections; prints how many were answered 429
"""
import hashlib, select, socket, sys, time, zlib


def connect(port, timeout=20):
    s = socket.create_connection(("127.0.0.1", int(port)), timeout=timeout)
    s.settimeout(timeout)
    return s


def head(path, token, extra):
    lines = ["POST %s HTTP/1.1" % path, "Host: 127.0.0.1", "Content-Type: application/json"] + extra
    if token:
        lines.append("Authorization: Bearer " + token)
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def answer(s):
    """The status of the hub's answer, or 'closed'."""
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            more = s.recv(65536)
            if not more:
                break
            data += more
    except OSError:
        pass
    return data.split(b" ")[1].decode() if data.startswith(b"HTTP/1.1 ") else "closed"


def read_all(s):
    data = b""
    while True:
        more = s.recv(65536)
        if not more:
            return data
        data += more


def send(port, path, file, token=""):
    body = open(file, "rb").read()
    s = connect(port)
    extra = ["Content-Length: %d" % len(body), "X-Kinerja-Body-Sha256: " + hashlib.sha256(body).hexdigest(),
             "Connection: close"]
    s.sendall(head(path, token, extra) + body)
    data = read_all(s)
    status, _, rest = data.partition(b"\r\n")
    print(status.split(b" ")[1].decode(), rest.partition(b"\r\n\r\n")[2].decode())


def nest(file, depth):
    text = open(file).read()
    depth = int(depth)
    i = text.index('"body": {') + len('"body": {')
    print(text[:i] + '"deep": ' + "[" * depth + "]" * depth + ", " + text[i:])


def bomb(port, path, mib, token=""):
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    gz = b"".join(z.compress(chunk) for _ in range(int(mib))) + z.compress(b"{}") + z.flush()
    s = connect(port)
    extra = ["Content-Length: %d" % len(gz), "Content-Encoding: gzip", "X-Kinerja-Body-Sha256: 0"]
    try:
        s.sendall(head(path, token, extra) + gz)
    except OSError:
        pass
    print(answer(s))


def chunked(port, path, mib, token=""):
    s = connect(port)
    s.sendall(head(path, token, ["Transfer-Encoding: chunked", "X-Kinerja-Body-Sha256: 0"]))
    piece = b" " * 65536
    frame = b"%x\r\n" % len(piece) + piece + b"\r\n"
    try:
        for _ in range(int(mib) * 16):
            s.sendall(frame)
        s.sendall(b"0\r\n\r\n")
    except OSError:
        pass
    print(answer(s))


def drip(port, n, seconds):
    start = time.time()
    socks = [connect(port) for _ in range(int(n))]
    for s in socks:
        s.sendall(b"POST /v1/push HTTP/1.1\r\n")
        s.setblocking(False)
    print("open", flush=True)
    open_since, closed_after = set(range(len(socks))), {}
    while open_since and time.time() - start < float(seconds):
        time.sleep(1)
        for i in sorted(open_since):
            try:
                socks[i].sendall(b"X-Drip: %d\r\n" % int(time.time()))
                if socks[i].recv(65536) == b"":
                    raise ConnectionResetError
            except BlockingIOError:
                pass
            except OSError:
                open_since.discard(i)
                closed_after[i] = time.time() - start
    longest = max(closed_after.values(), default=time.time() - start) if not open_since else time.time() - start
    print("closed=%d longest=%.1f" % (len(closed_after), longest))


def hold(port, n):
    socks = [connect(port, timeout=3) for _ in range(int(n))]
    refused, end = 0, time.time() + 5
    while socks and time.time() < end:
        readable, _, _ = select.select(socks, [], [], max(0, end - time.time()))
        for s in readable:
            if s.recv(65536).startswith(b"HTTP/1.1 429 "):
                refused += 1
            socks.remove(s)
    print(refused)


if __name__ == "__main__":
    globals()[sys.argv[1]](*sys.argv[2:])

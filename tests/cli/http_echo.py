#!/usr/bin/env python3
"""Loopback HTTP peers for the flaky-proxy test (tests/cli/flaky_proxy.sh).

  http_echo.py serve COUNT_FILE   echo server on 127.0.0.1:0; prints its port; appends one line
                                  to COUNT_FILE per complete request it answered
  http_echo.py client PORT N SEED sends N POSTs of seeded random bodies through PORT, one at a
                                  time, and prints its outcomes as key=value
"""
import http.client, http.server, random, sys


class Echo(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n)
        if len(body) != n:  # the proxy cut the request: nothing was received
            self.close_connection = True
            return
        with open(self.server.count_file, "a") as f:
            f.write("%d\n" % n)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(count_file):
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    srv.count_file = count_file
    print(srv.server_address[1], flush=True)
    srv.serve_forever()


def client(port, n, seed):
    rng = random.Random(seed)
    out = {"sent": 0, "exact": 0, "prefix": 0, "garbled": 0, "status_500": 0, "status_503": 0, "conn_error": 0}
    conn = None
    for _ in range(n):
        body = rng.randbytes(rng.randrange(1, 20000))
        out["sent"] += 1
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("POST", "/echo", body=body)
            r = conn.getresponse()
            got = r.read()
            if r.status == 200 and r.getheader("Content-Length") is None:
                raise http.client.IncompleteRead(got)  # the head was cut: no framing
            if r.status == 200:
                key = "exact" if got == body else "prefix" if body.startswith(got) else "garbled"
                out[key] += 1
            else:
                out["status_%d" % r.status] = out.get("status_%d" % r.status, 0) + 1
            if r.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            out["conn_error"] += 1
            if conn is not None:
                conn.close()
            conn = None
    print(" ".join("%s=%d" % kv for kv in out.items()))


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2])
    else:
        client(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))

#!/usr/bin/env python3
"""proxy.py - what nginx's mail proxy in front of sharded backends costs
(README.md, "Past one machine"), on loopback, as root:

    python3 tools/bench/proxy.py             # 10 s per load run, 10 clients
    PROXY_SECONDS=30 PROXY_CLIENTS=20 python3 tools/bench/proxy.py
    PROXY_SESSIONS=200 PROXY_INTERVAL_MS=200 python3 tools/bench/proxy.py

The deployment of tests/lib/proxydeploy.py (conf/nginx-mail-proxy.conf,
imapd-auth-http, imapd-master backends a and b; alice lives on a, bob on
b) and one more imapd-master, "direct", serving both users without a
proxy in front.  Each user's INBOX holds 20 messages, the first of them
4 kB.  Measured:

  latency per command   NOOP round trips (one client, 2000 of them):
                        median and 99th percentile, direct and through
                        nginx (plain IMAP, and imaps);
  latency per login     connect, greeting, LOGIN's tagged OK (one client,
                        300 logins): direct, and through nginx plain,
                        STARTTLS and imaps;
  logins per second     tools/bench/loginload.c (connect, LOGIN, SELECT,
                        FETCH 1 (FLAGS), LOGOUT), half the clients as alice
                        and half as bob: through nginx to backends a and b,
                        against both users on the one direct backend;
  steady session load   tools/bench/sessionload.c: sessions logged in once
                        (half alice, half bob), going round NOOP,
                        FETCH 1:* (FLAGS), UID FETCH 1:1 (BODY.PEEK[]):
                        PROXY_CLIENTS sessions as fast as they are
                        answered (commands/s the path sustains), and
                        PROXY_SESSIONS sessions each sending one command
                        every PROXY_INTERVAL_MS (a fixed offered load:
                        the latencies of a path that is not saturated);
                        through nginx to a and b, and direct.

Everything shares the machine's cores (nginx runs worker_processes auto,
as shipped; the load generators' CPU is printed).  Reports; gates nothing.  Exit status 0, 1
when a run failed, 2 when a prerequisite is missing.
"""

import os
import shutil
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(TOP, "tests", "lib"))
sys.dont_write_bytecode = True
from imapdtest import make_message  # noqa: E402
from proxydeploy import AUTH_HTTP, MAIL_MODULE, NGINX, Backend, Deployment  # noqa: E402

SECONDS = float(os.environ.get("PROXY_SECONDS", "10"))
CLIENTS = int(os.environ.get("PROXY_CLIENTS", "10"))
NOOPS = int(os.environ.get("PROXY_NOOPS", "2000"))
LOGINS = int(os.environ.get("PROXY_LOGINS", "300"))
SESSIONS = int(os.environ.get("PROXY_SESSIONS", "100"))
INTERVAL_MS = float(os.environ.get("PROXY_INTERVAL_MS", "200"))
PASSWORDS = {"alice": "alice-pw", "bob": "bob-pw"}


def ctx():
    c = ssl.create_default_context()
    c.check_hostname = False
    c.verify_mode = ssl.CERT_NONE
    return c


class Raw:
    """Just enough IMAP over a socket to time round trips."""

    def __init__(self, port, tls=False, starttls=False):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.s = ctx().wrap_socket(s) if tls else s
        self.buf = b""
        self.line()
        if starttls:
            self.cmd(b"S STARTTLS")
            self.s = ctx().wrap_socket(self.s)

    def line(self):
        while b"\r\n" not in self.buf:
            got = self.s.recv(65536)
            if not got:
                raise RuntimeError("closed")
            self.buf += got
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def cmd(self, text):
        tag = text.split(b" ", 1)[0]
        self.s.sendall(text + b"\r\n")
        while True:
            line = self.line()
            if line.startswith(tag + b" "):
                if b" OK" not in line[:len(tag) + 4]:
                    raise RuntimeError(line.decode(errors="replace"))
                return line

    def close(self):
        self.s.close()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def noop_latency(port, how):
    c = Raw(port, tls=how == "tls", starttls=how == "starttls")
    c.cmd(b"L LOGIN alice alice-pw")
    times = []
    for i in range(NOOPS):
        t0 = time.perf_counter()
        c.cmd(b"N NOOP")
        times.append(time.perf_counter() - t0)
    c.close()
    return statistics.median(times) * 1e3, pct(times, 0.99) * 1e3


def login_latency(port, how):
    times = []
    for i in range(LOGINS):
        t0 = time.perf_counter()
        c = Raw(port, tls=how == "tls", starttls=how == "starttls")
        c.cmd(b"L LOGIN alice alice-pw")
        times.append(time.perf_counter() - t0)
        c.s.sendall(b"Z LOGOUT\r\n")
        c.close()
    return statistics.median(times) * 1e3, pct(times, 0.99) * 1e3


def build(work, name):
    exe = os.path.join(work, name)
    subprocess.run(["cc", "-O2", "-o", exe, os.path.join(HERE, name + ".c")], check=True)
    return exe


def fill(sb, user):
    """20 messages, the first of them 4 kB."""
    for i in range(1, 21):
        text = make_message(i)
        if i == 1:
            text += "A longer line of the body, to make the message 4 kB or so.\n" * 70
        sb.deliver(user, "INBOX", text)


def session_load(exe, port, sessions, interval_ms):
    """One sessionload run, the sessions alternating alice and bob."""
    argv = [exe, "-p", str(port), "-c", str(sessions), "-t", str(SECONDS),
            "-i", str(interval_ms)]
    for user, pw in PASSWORDS.items():
        argv += ["-u", user, "-w", pw]
    p = subprocess.run(argv, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("sessionload: %s" % p.stderr)
    if p.stderr:
        sys.stderr.write(p.stderr)
    kv = dict(w.split("=", 1) for w in p.stdout.split())
    return (float(kv["rate"]), float(kv["p50"]), float(kv["p99"]), int(kv["errors"]),
            float(kv["cpu"]))


def logins_per_second(exe, port):
    """Two loginload runs at once, alice and bob, CLIENTS/2 clients each."""
    outs = {}

    def one(user):
        p = subprocess.run([exe, "-p", str(port), "-c", str(max(1, CLIENTS // 2)),
                            "-t", str(SECONDS), "-u", user, "-w", PASSWORDS[user]],
                           capture_output=True, text=True)
        outs[user] = p
    threads = [threading.Thread(target=one, args=(u,)) for u in PASSWORDS]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rate = errors = cpu = 0.0
    for user, p in outs.items():
        if p.returncode != 0:
            raise RuntimeError("loginload %s: %s" % (user, p.stderr))
        kv = dict(w.split("=", 1) for w in p.stdout.split())
        rate += float(kv["rate"])
        errors += float(kv["errors"])
        cpu += float(kv["cpu"])
    return rate, int(errors), cpu


def main():
    sys.stdout.reconfigure(line_buffering=True)
    if os.geteuid() != 0:
        print("proxy.py: run it as root (imapd-master, nginx)", file=sys.stderr)
        return 2
    for path in (NGINX, MAIL_MODULE, AUTH_HTTP):
        if not os.path.exists(path):
            print("proxy.py: %s missing (make; apt-get install nginx-light "
                  "libnginx-mod-mail)" % path, file=sys.stderr)
            return 2
    work = tempfile.mkdtemp(prefix="imapd-proxybench-")
    try:
        exe = build(work, "loginload")
        sexe = build(work, "sessionload")
        direct_conf = {"proxy_protocol": "no", "proxy_trusted_networks": "",
                       "allowplaintext": "yes", "login_max_ip_connections": "0",
                       "mail_max_userip_connections": "0"}
        backend_conf = {"login_max_ip_connections": "0", "mail_max_userip_connections": "0"}
        with Deployment(PASSWORDS, {"a": ["alice"], "b": ["bob"]},
                        backend_conf=backend_conf) as d:
            direct = Backend("direct", PASSWORDS, conf=direct_conf)
            try:
                for be, user in ((d.backends["a"], "alice"), (d.backends["b"], "bob"),
                                 (direct, "alice"), (direct, "bob")):
                    fill(be.sb, user)
                print("# load average at the start: %.1f %.1f %.1f (2 cores here are shared)"
                      % os.getloadavg())
                # (label, port, how): the paths a client can take
                paths = (("direct, plain", direct.port, "plain"),
                         ("direct, STARTTLS", direct.port, "starttls"),
                         ("nginx, plain", d.plain_port, "plain"),
                         ("nginx, STARTTLS", d.imap_port, "starttls"),
                         ("nginx, imaps", d.imaps_port, "tls"))
                print("# per command (%d NOOPs in one session) and per login (%d logins one "
                      "after another), one client, loopback" % (NOOPS, LOGINS))
                print("| %-18s | %-26s | %-34s |" % (
                    "path", "NOOP, median / p99 (ms)", "connect..LOGIN OK, median / p99 (ms)"))
                print("|%s|" % "|".join("-" * w for w in (20, 28, 36)))
                for label, port, how in paths:
                    n = noop_latency(port, how)
                    lg = login_latency(port, how)
                    print("| %-18s | %9.3f / %-14.3f | %11.2f / %-20.2f |" % (
                        label, n[0], n[1], lg[0], lg[1]))
                r_direct = logins_per_second(exe, direct.port)
                r_proxy = logins_per_second(exe, d.plain_port)
                print()
                print("# logins/s, %d clients (half alice, half bob), %.0f s each; loginload rounds: "
                      "connect, LOGIN, SELECT, FETCH 1 (FLAGS), LOGOUT" % (CLIENTS, SECONDS))
                print("| %-44s | %9s | %6s | %22s |" % ("", "logins/s", "errors", "load generator CPU"))
                print("| %-44s | %9.1f | %6d | %22.2f |" % ("one backend, direct", *r_direct))
                print("| %-44s | %9.1f | %6d | %22.2f |" % ("nginx + imapd-auth-http, 2 backends",
                                                            *r_proxy))
                s_direct = session_load(sexe, direct.port, CLIENTS, 0)
                s_proxy = session_load(sexe, d.plain_port, CLIENTS, 0)
                p_direct = session_load(sexe, direct.port, SESSIONS, INTERVAL_MS)
                p_proxy = session_load(sexe, d.plain_port, SESSIONS, INTERVAL_MS)
                print()
                print("# steady sessions (half alice, half bob), %.0f s each; each session goes round "
                      "NOOP, FETCH 1:* (FLAGS), UID FETCH 1:1 (BODY.PEEK[])" % SECONDS)
                print("| %-58s | %10s | %16s | %6s | %8s |" % (
                    "", "commands/s", "p50 / p99 (ms)", "errors", "gen. CPU"))
                for label, r in (
                        ("%d sessions, no pause: one backend, direct" % CLIENTS, s_direct),
                        ("%d sessions, no pause: nginx, 2 backends" % CLIENTS, s_proxy),
                        ("%d sessions, 1 command / %g ms each: direct" % (SESSIONS, INTERVAL_MS),
                         p_direct),
                        ("%d sessions, 1 command / %g ms each: nginx, 2 backends"
                         % (SESSIONS, INTERVAL_MS), p_proxy)):
                    print("| %-58s | %10.1f | %7.2f / %6.2f | %6d | %8.2f |" % (
                        label, r[0], r[1], r[2], r[3], r[4]))
                print("# load average at the end: %.1f %.1f %.1f" % os.getloadavg())
                ok = (r_direct[1] == 0 and r_proxy[1] == 0
                      and all(r[3] == 0 for r in (s_direct, s_proxy, p_direct, p_proxy)))
            finally:
                direct.sb.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

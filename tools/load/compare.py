#!/usr/bin/env python3
"""compare.py - the same imapload workloads against imapd-master and
Dovecot, side by side (as root: Dovecot serves mail as nobody).

    python3 tools/load/compare.py [--seconds 30] [--idle 1000] [--imapload PATH] [--bin DIR]

Both servers get the same users (load0..load49, password = user name),
each INBOX five 20 kB messages, and run as daemons on 127.0.0.1: ours as
imapd-master (plain and TLS services, sasldb, room for every client),
Dovecot as a private instance with Dovecot's defaults apart from the mail
location, a passwd-file, and process limits high enough for the idle
connections.  Three runs each, every answer checked by imapload:

  logins/s    login:10 for --seconds (connect, LOGIN, SELECT, FETCH, LOGOUT)
  commands/s  mixed:10 with no pause (SELECT/FETCH/STORE/SEARCH/APPEND/
              EXPUNGE in a mailbox per session), p50/p99 per command
  memory      idle:--idle logged-in sessions (LOGIN + SELECT), the server's
              processes summed (Private_Dirty and RSS) once all are in

Prints one table.  Exit status 0 when both servers answered every command
correctly, 1 otherwise, 2 when Dovecot or a binary is missing.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(TOP, "tests", "lib"))
import imapdtest  # noqa: E402
from imapdtest import (Sandbox, descendants_of, free_port, make_cert, wait_for,  # noqa: E402
                       wait_port)

DOVECOT = os.environ.get("DOVECOT", "/usr/sbin/dovecot")
USERS = 50


def message(i):
    line = "A line of the comparison's messages, number %d.\r\n" % i
    return ("From: load@example.com\r\nSubject: m %d\r\n\r\n" % i + line * 400).encode()


def tree_memory(pid):
    """(Private_Dirty kB, RSS kB, processes) of pid and its descendants."""
    dirty = rss = n = 0
    for p in [pid] + descendants_of(pid):
        try:
            with open("/proc/%d/smaps_rollup" % p) as f:
                for line in f:
                    if line.startswith("Private_Dirty:"):
                        dirty += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
            n += 1
        except OSError:
            pass
    return dirty, rss, n


def imapload(args, port, tls_port, seconds, groups, think=0, ramp=2, sampler=None):
    argv = [args.imapload, "-p", str(port), "-P", str(tls_port), "-t", str(seconds),
            "-r", str(ramp), "-z", str(think), "-U", str(USERS), "-u", "load%d",
            "-w", "load%d", "-T", "60", "-S"] + groups
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    result = {}
    if sampler:
        th = threading.Thread(target=lambda: result.update(sampler()), daemon=True)
        th.start()
    out, err = p.communicate()
    total = re.search(r"^total (.*)$", out, re.M)
    if total:
        result.update({k: float(v) for k, v in (kv.split("=") for kv in total.group(1).split())})
    result["latency"] = {m.group(1): (float(m.group(2)), float(m.group(3))) for m in re.finditer(
        r"^latency cmd=(\S+) count=\d+ p50_ms=([\d.]+) p99_ms=([\d.]+)", out, re.M)}
    result["exit"] = p.returncode
    result["stderr"] = err
    return result


class Ours:
    name = "imapd"

    def __init__(self, clients):
        self.sb = Sandbox(user="load0", password="load0", prefix="compare-imapd-")
        for u in range(1, USERS):
            self.sb.add_user("load%d" % u, "load%d" % u)
        for u in range(USERS):
            for i in range(5):
                self.sb.deliver("load%d" % u, "INBOX", message(i))
        self.port, self.tls_port = free_port(), free_port()
        services = ("imap  listen=127.0.0.1:%d prefork=10 maxchild=%d\n"
                    "imaps listen=127.0.0.1:%d prefork=2 maxchild=%d args=\"-s\"\n"
                    % (self.port, clients + 50, self.tls_port, clients + 50))
        self.m = self.sb.master(services)
        if not self.m.ready() or not wait_port(self.port):
            raise RuntimeError("imapd-master did not start")
        self.pid = self.m.p.pid

    def close(self):
        self.m.stop()
        self.sb.close()


class Dovecot:
    name = "dovecot"

    def __init__(self, clients):
        self.d = tempfile.mkdtemp(prefix="compare-dovecot-")
        os.chmod(self.d, 0o755)
        os.makedirs(os.path.join(self.d, "run"))
        mail = os.path.join(self.d, "mail")
        with open(os.path.join(self.d, "passwd"), "w") as f:
            for u in range(USERS):
                f.write("load%d:{PLAIN}load%d::::::\n" % (u, u))
                for i in range(5):
                    imapdtest.deliver(os.path.join(mail, "load%d" % u), message(i))
        subprocess.run(["chown", "-R", "nobody:nogroup", mail], check=True)
        cert, key = make_cert(self.d, key_mode=0o644)
        self.port, self.tls_port = free_port(), free_port()
        conf = os.path.join(self.d, "dovecot.conf")
        limit = clients + 100
        with open(conf, "w") as f:
            f.write("""base_dir = {d}/run
state_dir = {d}/run
instance_name = compare-dovecot
protocols = imap
listen = 127.0.0.1
log_path = {d}/dovecot.log
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{d}/mail/%u
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {d}/passwd
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={d}/mail/%u
}}
service imap-login {{
  process_limit = {limit}
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tlsport}
    ssl = yes
  }}
}}
service imap {{
  process_limit = {limit}
}}
service pop3-login {{
  inet_listener pop3 {{
    port = 0
  }}
  inet_listener pop3s {{
    port = 0
  }}
}}
namespace inbox {{
  inbox = yes
  separator = .
}}
""".format(d=self.d, cert=cert, key=key, port=self.port, tlsport=self.tls_port, limit=limit))
        self.p = subprocess.Popen([DOVECOT, "-F", "-c", conf], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
        if not wait_port(self.port, timeout=10):
            raise RuntimeError("dovecot did not start: %s" % self.p.stderr.read1(2000))
        self.pid = self.p.pid

    def close(self):
        self.p.terminate()
        try:
            self.p.wait(20)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
        wait_for(lambda: not subprocess.run(["pgrep", "-f", self.d],
                                            capture_output=True).stdout, 5)
        shutil.rmtree(self.d, ignore_errors=True)


def measure(server_cls, args):
    srv = server_cls(args.idle)
    try:
        r = {}
        r["login"] = imapload(args, srv.port, srv.tls_port, args.seconds, ["login:10"])
        r["mixed"] = imapload(args, srv.port, srv.tls_port, args.seconds, ["mixed:10"])

        def sample():
            time.sleep(args.idle / 100 + 8)   # the ramp, then a settle
            dirty, rss, n = tree_memory(srv.pid)
            return {"dirty_kb": dirty, "rss_kb": rss, "processes": n}
        r["idle"] = imapload(args, srv.port, srv.tls_port, args.idle / 100 + 15,
                             ["idle:%d" % args.idle], ramp=args.idle / 100, sampler=sample)
        base = tree_memory(srv.pid)
        r["idle"]["after_kb"] = base[0]
        return r
    finally:
        srv.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--idle", type=int, default=1000)
    ap.add_argument("--imapload", default=os.environ.get("IMAPLOAD", os.path.join(
        TOP, "build", "default", "tools", "imapload")))
    ap.add_argument("--bin", default=os.environ.get("BIN", "bin"))
    args = ap.parse_args()
    imapdtest.BIN = os.path.abspath(os.path.join(TOP, args.bin))
    imapdtest.IMAPD = os.path.join(imapdtest.BIN, "imapd")
    imapdtest.MASTER = os.path.join(imapdtest.BIN, "imapd-master")
    for path in (args.imapload, DOVECOT, imapdtest.MASTER):
        if not os.access(path, os.X_OK):
            print("compare: %s is missing (make load; apt-get install dovecot-imapd)" % path)
            sys.exit(2)
    res = {}
    for cls in (Ours, Dovecot):
        print("compare: %s ..." % cls.name, flush=True)
        res[cls.name] = measure(cls, args)
    a, b = res["imapd"], res["dovecot"]
    rows = [("logins/s (login:10, %g s)" % args.seconds, a["login"].get("logins_per_s", 0),
             b["login"].get("logins_per_s", 0), "%.1f"),
            ("commands/s (mixed:10, no pause)", a["mixed"].get("commands_per_s", 0),
             b["mixed"].get("commands_per_s", 0), "%.0f")]
    for cmd in ("LOGIN", "SELECT", "FETCH", "FETCH-BODY", "STORE", "SEARCH", "APPEND",
                "EXPUNGE", "NOOP"):
        for i, q in ((0, "p50"), (1, "p99")):
            la = a["mixed"]["latency"].get(cmd) or a["login"]["latency"].get(cmd)
            lb = b["mixed"]["latency"].get(cmd) or b["login"]["latency"].get(cmd)
            if la and lb:
                rows.append(("  %s %s ms" % (cmd, q), la[i], lb[i], "%.2f"))
    rows.append(("%d idle sessions: private dirty MB" % args.idle,
                 a["idle"].get("dirty_kb", 0) / 1024, b["idle"].get("dirty_kb", 0) / 1024, "%.1f"))
    rows.append(("  RSS MB (shared pages counted in each)", a["idle"].get("rss_kb", 0) / 1024,
                 b["idle"].get("rss_kb", 0) / 1024, "%.1f"))
    rows.append(("  processes", a["idle"].get("processes", 0), b["idle"].get("processes", 0), "%d"))
    print("\n%-42s %12s %12s %8s" % ("", "imapd", "dovecot", "ratio"))
    for name, x, y, fmt in rows:
        ratio = ("%.2f" % (x / y)) if y else "-"
        print("%-42s %12s %12s %8s" % (name, fmt % x, fmt % y, ratio))
    bad = []
    for srv in ("imapd", "dovecot"):
        for part in ("login", "mixed", "idle"):
            r = res[srv][part]
            if r.get("exit") != 0:
                bad.append("%s %s: imapload exit %s, errors %s refused %s timeouts %s %s" % (
                    srv, part, r.get("exit"), r.get("errors"), r.get("refused"),
                    r.get("timeouts"), r.get("stderr", "")[:300]))
    for line in bad:
        print("compare: %s" % line)
    print("compare: every answer of both servers checked: %s" % ("yes, all right" if not bad
                                                                 else "NO"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

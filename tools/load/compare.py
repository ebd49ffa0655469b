#!/usr/bin/env python3
"""compare.py - the same imapload workloads against imapd-master and
Dovecot, side by side, with issue 12's targets (as root: Dovecot serves
mail as nobody).  `make bench` runs it last; `make bench-load` alone.

    python3 tools/load/compare.py [--seconds 30] [--idle 1000] [--parts login,mixed,kinds,idle]
                                  [--imapload PATH] [--bin DIR]

Both servers get the same users (load0..load49, password = user name),
each INBOX five 20 kB messages, and run as daemons on 127.0.0.1: ours as
imapd-master (plain and TLS services, sasldb, room for every client),
Dovecot as a private instance with Dovecot's defaults apart from the mail
location, a passwd-file, and process limits high enough for the idle
connections.  One run of each, every answer checked by imapload:

  logins/s    login:10 for --seconds (connect, LOGIN, SELECT, FETCH, LOGOUT)
  commands/s  one kind per run, 10 sessions with no pause, each in a
              mailbox of its own delivered beforehand (20 messages; the
              expunge ones enough for the run): select, fetch, store,
              append, expunge (STORE \Deleted + EXPUNGE pairs)
  mixed       mixed:10 with no pause (SELECT/FETCH/STORE/SEARCH/APPEND/
              EXPUNGE in a mailbox per session), p50/p99 per command
  memory      idle:--idle logged-in sessions (LOGIN + SELECT), the server's
              processes summed (Private_Dirty and RSS) once all are in

Prints one table with the ratio, the target and whether it is met.  Exit
status 0 when both servers answered every command correctly (met or
not), 1 otherwise, 2 when Dovecot or a binary is missing.
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
from imapdtest import (Sandbox, free_port, make_cert, wait_for,  # noqa: E402
                       wait_port)

DOVECOT = os.environ.get("DOVECOT", "/usr/sbin/dovecot")
USERS = 50


def message(i):
    line = "A line of the comparison's messages, number %d.\r\n" % i
    return ("From: load@example.com\r\nSubject: m %d\r\n\r\n" % i + line * 400).encode()


KINDS = ("select", "fetch", "store", "append", "expunge")
CLIENTS = 10


def small_message(i):
    """A message of 1-3 kB for the one-kind mailboxes."""
    line = "A line of a one-kind mailbox's message %d, as plain as mail gets.\r\n" % i
    return ("From: load@example.com\r\nTo: load@example.com\r\nSubject: k %d\r\n"
            "Message-ID: <%d@compare>\r\n\r\n" % (i, i) + line * (15 + i % 30)).encode()


def kind_folders(seconds):
    """{(slot, mailbox): messages} delivered before the run: the session of
    slot logs in as load<slot> and works in imapload<kind><slot>."""
    fill = {"select": 20, "fetch": 20, "store": 20, "append": 0,
            # enough that the run does not empty it (an empty one gets an APPEND
            # before each pair; the table says so if that happened)
            "expunge": int(150 * seconds) + 500}
    return {(slot, "imapload%s%d" % (k, slot)): fill[k]
            for k in KINDS for slot in range(CLIENTS) if fill[k]}


def descendants(pid):
    """pid's descendants, from one pass over /proc (children_of per process
    is quadratic: minutes for 2,000 processes)."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        k = kids.get(todo.pop(), [])
        out += k
        todo += k
    return out


def tree_memory(pid):
    """(Private_Dirty kB, RSS kB, processes) of pid and its descendants."""
    dirty = rss = n = 0
    for p in [pid] + descendants(pid):
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
    if sampler:
        th.join()
    total = re.search(r"^total (.*)$", out, re.M)
    if total:
        result.update({k: float(v) for k, v in (kv.split("=") for kv in total.group(1).split())})
    result["latency"] = {m.group(1): (float(m.group(3)), float(m.group(4))) for m in re.finditer(
        r"^latency cmd=(\S+) count=(\d+) p50_ms=([\d.]+) p99_ms=([\d.]+)", out, re.M)}
    result["count"] = {m.group(1): int(m.group(2)) for m in re.finditer(
        r"^latency cmd=(\S+) count=(\d+)", out, re.M)}
    result["exit"] = p.returncode
    result["stderr"] = err
    return result


class Ours:
    name = "imapd"

    conf = {}   # imapd.conf keys over the test defaults (--imapd-conf)

    def __init__(self, clients, folders):
        self.sb = Sandbox(conf=dict(self.conf), user="load0", password="load0",
                          prefix="compare-imapd-")
        for u in range(1, USERS):
            self.sb.add_user("load%d" % u, "load%d" % u)
        for u in range(USERS):
            for i in range(5):
                self.sb.deliver("load%d" % u, "INBOX", message(i))
        for (slot, box), n in folders.items():
            for i in range(n):
                self.sb.deliver("load%d" % slot, box, small_message(i))
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

    def __init__(self, clients, folders):
        self.d = tempfile.mkdtemp(prefix="compare-dovecot-")
        os.chmod(self.d, 0o755)
        os.makedirs(os.path.join(self.d, "run"))
        mail = os.path.join(self.d, "mail")
        with open(os.path.join(self.d, "passwd"), "w") as f:
            for u in range(USERS):
                f.write("load%d:{PLAIN}load%d::::::\n" % (u, u))
                for i in range(5):
                    imapdtest.deliver(os.path.join(mail, "load%d" % u), message(i))
        for (slot, box), n in folders.items():
            for i in range(n):
                imapdtest.deliver(imapdtest.folder_path(os.path.join(mail, "load%d" % slot), box),
                                  small_message(i))
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


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def measure(server_cls, args):
    srv = server_cls(max(args.idle, 100),
                     kind_folders(args.seconds) if "kinds" in args.parts else {})
    try:
        r = {}

        def run(part, groups, **kw):
            print("compare: %s %s (load average %s) ..." % (server_cls.name, " ".join(groups),
                                                          loadavg()), flush=True)
            r[part] = imapload(args, srv.port, srv.tls_port, args.seconds, groups, **kw)
            r[part]["load"] = loadavg()
        if "login" in args.parts:
            run("login", ["login:%d" % CLIENTS])
        if "mixed" in args.parts:
            run("mixed", ["mixed:%d" % CLIENTS])
        if "kinds" in args.parts:
            for k in KINDS:
                run(k, ["%s:%d" % (k, CLIENTS)], ramp=0.5)
        if "idle" in args.parts:
            ramp = args.idle / 100

            def sample():
                # After the ramp, until every session has a process of its
                # own (both servers run one per logged-in connection) and
                # the count holds still: a loaded machine logs the last
                # ones in late.
                time.sleep(ramp + 3)
                last, deadline = None, time.time() + 40
                while True:
                    dirty, rss, n = tree_memory(srv.pid)
                    if (n >= args.idle and n == last) or time.time() > deadline:
                        return {"dirty_kb": dirty, "rss_kb": rss, "processes": n}
                    last = n
                    time.sleep(2)
            print("compare: %s idle:%d (load average %s) ..." % (server_cls.name, args.idle,
                                                                 loadavg()), flush=True)
            r["idle"] = imapload(args, srv.port, srv.tls_port, 50, ["idle:%d" % args.idle],
                                 ramp=ramp, sampler=sample)
            r["idle"]["load"] = loadavg()
            r["idle"]["after_kb"] = tree_memory(srv.pid)[0]
        return r
    finally:
        srv.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_LOAD_SECONDS",
                                                                          30)))
    ap.add_argument("--idle", type=int, default=int(os.environ.get("BENCH_LOAD_IDLE", 1000)))
    ap.add_argument("--parts", default=os.environ.get("BENCH_LOAD_PARTS",
                                                      "login,mixed,kinds,idle"),
                    help="comma-separated: login, mixed, kinds, idle")
    ap.add_argument("--imapload", default=os.environ.get("IMAPLOAD", os.path.join(
        TOP, "build", "default", "tools", "imapload")))
    ap.add_argument("--bin", default=os.environ.get("BIN", "bin"))
    ap.add_argument("--imapd-conf", default=os.environ.get("BENCH_LOAD_IMAPD_CONF", ""),
                    help='imapd.conf lines for ours, e.g. "mail_fsync: optimized"')
    args = ap.parse_args()
    for line in args.imapd_conf.replace(";", "\n").splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            Ours.conf[k.strip()] = v.strip()
    args.parts = set(args.parts.split(","))
    if not args.parts <= {"login", "mixed", "kinds", "idle"}:
        print("compare: --parts takes login, mixed, kinds, idle")
        sys.exit(2)
    imapdtest.BIN = os.path.abspath(os.path.join(TOP, args.bin))
    imapdtest.IMAPD = os.path.join(imapdtest.BIN, "imapd")
    imapdtest.MASTER = os.path.join(imapdtest.BIN, "imapd-master")
    for path in (args.imapload, DOVECOT, imapdtest.MASTER):
        if not os.access(path, os.X_OK):
            print("compare: %s is missing (make load; apt-get install dovecot-imapd)" % path)
            sys.exit(2)
    if os.geteuid() != 0:
        print("compare: must run as root (Dovecot serves mail as nobody)")
        sys.exit(2)
    t0 = time.time()
    print("compare: %s, %g s per row, %d CPUs, load average %s%s" % (
        time.strftime("%Y-%m-%d %H:%M"), args.seconds, os.cpu_count(), loadavg(),
        "".join(", imapd.conf %s: %s" % kv for kv in sorted(Ours.conf.items()))), flush=True)
    res = {}
    for cls in (Ours, Dovecot):
        res[cls.name] = measure(cls, args)
    a, b = res["imapd"], res["dovecot"]
    # (label, imapd, dovecot, format, target: ("ge", x) ratio >= x, ("lt", 1) below, None)
    rows = []
    if "login" in args.parts:
        rows.append(("logins/s (login:%d, %g s)" % (CLIENTS, args.seconds),
                     a["login"].get("logins_per_s", 0), b["login"].get("logins_per_s", 0),
                     "%.1f", ("ge", 2)))
    if "kinds" in args.parts:
        for k in KINDS:
            cmd = k.upper()
            ra = a[k]["count"].get(cmd, 0) / a[k].get("seconds", 1)
            rb = b[k]["count"].get(cmd, 0) / b[k].get("seconds", 1)
            rows.append(("%s/s (%s:%d, no pause)" % (cmd, k, CLIENTS), ra, rb, "%.0f",
                         ("ge", 1.5)))
            for i, q in ((0, "p50"), (1, "p99")):
                la, lb = a[k]["latency"].get(cmd), b[k]["latency"].get(cmd)
                if la and lb:
                    rows.append(("  %s %s ms" % (cmd, q), la[i], lb[i], "%.2f", None))
    if "mixed" in args.parts:
        rows.append(("commands/s (mixed:%d, no pause)" % CLIENTS, a["mixed"].get(
            "commands_per_s", 0), b["mixed"].get("commands_per_s", 0), "%.0f", None))
        for cmd in ("LOGIN", "SELECT", "FETCH", "FETCH-BODY", "STORE", "SEARCH", "APPEND",
                    "EXPUNGE", "NOOP", "STATUS"):
            for i, q in ((0, "p50"), (1, "p99")):
                la, lb = a["mixed"]["latency"].get(cmd), b["mixed"]["latency"].get(cmd)
                if la and lb:
                    rows.append(("  mixed %s %s ms" % (cmd, q), la[i], lb[i], "%.2f", None))
    if "idle" in args.parts:
        rows.append(("%d idle sessions: private dirty MB" % args.idle,
                     a["idle"].get("dirty_kb", 0) / 1024, b["idle"].get("dirty_kb", 0) / 1024,
                     "%.1f", ("lt", 1)))
        rows.append(("  RSS MB (shared pages counted in each)", a["idle"].get("rss_kb", 0) / 1024,
                     b["idle"].get("rss_kb", 0) / 1024, "%.1f", None))
        rows.append(("  processes", a["idle"].get("processes", 0),
                     b["idle"].get("processes", 0), "%d", None))
    hdr = "%-40s %10s %10s %7s %7s  %s" % ("load (imapload, every answer checked)", "imapd",
                                            "Dovecot", "ratio", "target", "")
    print("\n" + hdr)
    print("-" * len(hdr))
    met = []
    for name, x, y, fmt, target in rows:
        ratio = x / y if y else float("inf")
        verdict, tgt = "", "-"
        if target:
            ok = ratio >= target[1] if target[0] == "ge" else ratio < target[1]
            met.append(ok)
            verdict = "met" if ok else "NOT MET"
            tgt = (">= %g" % target[1]) if target[0] == "ge" else "< 1"
        print("%-40s %10s %10s %7s %7s  %s" % (name, fmt % x, fmt % y,
                                               ("%.2f" % ratio) if y else "-", tgt, verdict))
    print("\nload average during the runs (1 min), imapd | Dovecot:")
    for part in sorted(a):
        print("  %-8s %s | %s" % (part, a[part].get("load", "?"), b[part].get("load", "?")))
    bad = []
    for srv in ("imapd", "dovecot"):
        for part, r in sorted(res[srv].items()):
            if r.get("exit") != 0:
                bad.append("%s %s: imapload exit %s, errors %s refused %s timeouts %s %s" % (
                    srv, part, r.get("exit"), r.get("errors"), r.get("refused"),
                    r.get("timeouts"), r.get("stderr", "")[:300]))
        if "expunge" in res[srv] and res[srv]["expunge"]["count"].get("APPEND"):
            print("compare: %s's expunge sessions emptied their mailboxes: %d APPENDs among "
                  "the pairs" % (srv, res[srv]["expunge"]["count"]["APPEND"]))
        if "idle" in res[srv] and "dirty_kb" not in res[srv]["idle"]:
            bad.append("%s idle: no memory sample" % srv)
    for line in bad:
        print("compare: %s" % line)
    print("targets met: %d of %d; total time %.0f s" % (sum(met), len(met), time.time() - t0))
    print("compare: every answer of both servers checked: %s" % ("yes, all right" if not bad
                                                                 else "NO"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

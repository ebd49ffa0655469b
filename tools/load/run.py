#!/usr/bin/env python3
"""run.py - imapd-master under imapload: many checked sessions, hostile
clients beside them, and the memory of the master and its children.

    python3 tools/load/run.py [--seconds 600] [--sessions 500] [--logins 10]
                              [--hostile 20] [--idle 0] [--think 200] [--users 50]
                              [--imapload PATH] [--bin DIR] [--json FILE]

A scratch set-up (tests/lib/imapdtest.py's Sandbox: imapd.conf, a sasldb
with --users users load0..loadN-1, a certificate) and imapd-master with
two services, IMAP (plain) and IMAPS, both able to hold every client.
Each user's INBOX gets a few 200 kB messages (what the slow readers
fetch).  Then imapload runs, at once:

  mixed:SESSIONS      persistent sessions, each in a mailbox of its own,
                      every answer checked (work_mixed.c)
  login:LOGINS        login churn: the good clients whose connect and LOGIN
                      times show whether the hostile ones lock them out
                      (and login:TLS_LOGINS:tls over IMAPS)
  idle:IDLE           logged-in idle sessions (memory per connection)
  slowread, trickle, tlsidle, rawidle: HOSTILE each

Memory: VmRSS and Private_Dirty of the master and of every child, sampled
once the ramp is over ("start") and again shortly before the end ("end").
Prints imapload's report, then one "load:" line per figure; exit status 0
when imapload found no error, no refused connection and no timeout, the
server logged no error, and the master's memory did not grow by more than
1 MB / 10%.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(TOP, "tests", "lib"))
from imapdtest import Sandbox, children_of, free_port, wait_port  # noqa: E402


def mem(pid):
    """(VmRSS kB, Private_Dirty kB) of a process, or None when it is gone."""
    try:
        rss = 0
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
        dirty = 0
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Private_Dirty:"):
                    dirty = int(line.split()[1])
        return rss, dirty
    except OSError:
        return None


def sample(master_pid):
    m = mem(master_pid)
    kids = [mem(p) for p in children_of(master_pid)]
    kids = [k for k in kids if k]
    return {
        "master_rss_kb": m[0] if m else None,
        "master_dirty_kb": m[1] if m else None,
        "children": len(kids),
        "children_rss_kb": sum(k[0] for k in kids),
        "children_dirty_kb": sum(k[1] for k in kids),
        "child_rss_mean_kb": sum(k[0] for k in kids) / len(kids) if kids else 0,
        "child_dirty_mean_kb": sum(k[1] for k in kids) / len(kids) if kids else 0,
    }


def message(i, size):
    line = "Line of a large message for the slow readers, number %d.\r\n" % i
    body = line * (size // len(line) + 1)
    return ("From: load@example.com\r\nSubject: big %d\r\n\r\n" % i + body).encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--sessions", type=int, default=500)
    ap.add_argument("--logins", type=int, default=10)
    ap.add_argument("--tls-logins", type=int, default=0, help="login churn over IMAPS")
    ap.add_argument("--hostile", type=int, default=20, help="clients of each hostile kind")
    ap.add_argument("--idle", type=int, default=0)
    ap.add_argument("--think", type=float, default=200, help="mean ms between a session's commands")
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--ramp", type=float, default=20)
    ap.add_argument("--imapload", default=os.environ.get("IMAPLOAD", os.path.join(
        TOP, "build", "default", "tools", "imapload")))
    ap.add_argument("--bin", default=os.environ.get("BIN", "bin"))
    ap.add_argument("--json", help="write the figures here too")
    ap.add_argument("--server-log", help="copy the server's log here")
    args = ap.parse_args()
    os.environ["BIN"] = args.bin
    import imapdtest
    imapdtest.BIN = os.path.abspath(os.path.join(TOP, args.bin))
    imapdtest.IMAPD = os.path.join(imapdtest.BIN, "imapd")
    imapdtest.MASTER = os.path.join(imapdtest.BIN, "imapd-master")
    if not os.access(args.imapload, os.X_OK):
        sys.exit("run.py: %s is not built (make load)" % args.imapload)
    total = args.sessions + args.logins + args.tls_logins + args.idle + 4 * args.hostile
    with Sandbox(user="load0", password="load0", prefix="imapload-") as sb:
        t = time.monotonic()
        for u in range(1, args.users):
            sb.add_user("load%d" % u, "load%d" % u)
        for u in range(args.users):
            for i in range(5):
                sb.deliver("load%d" % u, "INBOX", message(i, 200000))
        setup_s = time.monotonic() - t
        port, tls_port = free_port(), free_port()
        maxchild = total + 50
        services = ("imap  listen=127.0.0.1:%d prefork=10 maxchild=%d\n"
                    "imaps listen=127.0.0.1:%d prefork=4 maxchild=%d args=\"-s\"\n"
                    % (port, maxchild, tls_port, maxchild))
        m = sb.master(services)
        if not m.ready() or not wait_port(port):
            sys.exit("run.py: imapd-master did not start:\n" + sb.logtext()[-2000:])
        argv = [args.imapload, "-p", str(port), "-P", str(tls_port), "-t", str(args.seconds),
                "-r", str(args.ramp), "-z", str(args.think), "-U", str(args.users),
                "-u", "load%d", "-w", "load%d", "-T", "60", "-S"]
        groups = []
        if args.sessions:
            groups.append("mixed:%d" % args.sessions)
        if args.logins:
            groups.append("login:%d" % args.logins)
        if args.tls_logins:
            groups.append("login:%d:tls" % args.tls_logins)
        if args.idle:
            groups.append("idle:%d" % args.idle)
        if args.hostile:
            groups += ["slowread:%d" % args.hostile, "trickle:%d" % args.hostile,
                       "tlsidle:%d" % args.hostile, "rawidle:%d" % args.hostile]
        load = subprocess.Popen(argv + groups, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                universal_newlines=True)
        samples = {}

        def sampler():
            time.sleep(args.ramp + min(10, args.seconds / 4))
            samples["start"] = sample(m.p.pid)
            time.sleep(max(0, args.seconds - min(10, args.seconds / 4) - 5))
            if load.poll() is None:
                samples["end"] = sample(m.p.pid)
        th = threading.Thread(target=sampler, daemon=True)
        th.start()
        out, err = load.communicate()
        th.join(5)
        rc = load.returncode
        m.stop()
        if args.server_log:
            with open(args.server_log, "w") as f:
                f.write(sb.logtext())
        logerrs = [line for line in sb.logtext().splitlines()
                   if ": error: " in line or "crit" in line]
    print(out, end="")
    if err:
        print(err, end="", file=sys.stderr)
    figures = {"imapload_exit": rc, "clients": total, "setup_seconds": round(setup_s, 1),
               "server_log_errors": len(logerrs)}
    for line in out.splitlines():
        if line.startswith("total "):
            for kv in line.split()[1:]:
                k, v = kv.split("=")
                figures[k] = float(v)
    for name in ("start", "end"):
        for k, v in samples.get(name, {}).items():
            figures["%s_%s" % (name, k)] = v
    ok = rc == 0 and not logerrs
    s, e = samples.get("start"), samples.get("end")
    if s and e and s["master_rss_kb"] and e["master_rss_kb"]:
        grew = e["master_rss_kb"] - s["master_rss_kb"]
        figures["master_rss_growth_kb"] = grew
        if grew > max(1024, s["master_rss_kb"] * 0.1):
            ok = False
    if s and e:
        figures["child_rss_growth_kb"] = round(e["child_rss_mean_kb"] - s["child_rss_mean_kb"], 1)
    for k, v in figures.items():
        print("load: %s=%s" % (k, v))
    for line in logerrs[:10]:
        print("load: server log: %s" % line)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=1)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

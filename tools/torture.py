#!/usr/bin/env python3
"""torture.py - `make torture`: the long fault and load run, and its table.

    python3 tools/torture.py [--kills 1000] [--load-seconds 600] [--load-sessions 500]
                             [--load-hostile 25] [--only kill,disk,load]

One after the other (each log in build/torture/):

  rename    tests/clients/rename_crash.py: RENAME of a hierarchy and of INBOX
            killed before each of its calls, and failed at each rename
  kill      tests/clients/store_kill.py --kills N: imapd killed (SIGKILL) at
            random points of APPEND, COPY, MOVE (when advertised), EXPUNGE,
            STORE, RENAME, CREATE/DELETE and an external delivery, N times on
            the machine's file system and N times on a second-granular one
  disk      tests/clients/store_diskfull.py --all: ENOSPC and EIO at every
            file system call of each store command, a full 1 MB tmpfs, a
            tmpfs without inodes
  load      tools/load/run.py: SESSIONS checked mixed sessions, login churn
            (plain and TLS), and HOSTILE clients of each hostile kind, for
            SECONDS; master and children memory at the start and the end

then prints one table of the figures (the README's "Fault and load
testing" shows the last one).  Exit status 0 when every part met its goal.
Environment: BIN, BUILD (for faultinject.so), IMAPLOAD.
"""

import argparse
import os
import re
import subprocess
import sys
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def run(name, argv, logdir):
    """Run one part; (exit status, its output, seconds)."""
    t = time.monotonic()
    print("torture: %s: %s" % (name, " ".join(os.path.relpath(a, TOP) if a.startswith(TOP)
                                              else a for a in argv)), flush=True)
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, cwd=TOP)
    with open(os.path.join(logdir, name + ".log"), "w") as f:
        f.write(p.stdout)
    secs = time.monotonic() - t
    bad = [l for l in p.stdout.splitlines() if l.startswith("not ok")]
    print("torture: %s: exit %d in %.0f s%s" % (name, p.returncode, secs,
                                              "; " + bad[0] if bad else ""), flush=True)
    return p.returncode, p.stdout, secs


def tap_summary(out):
    ok = sum(1 for l in out.splitlines() if l.startswith("ok "))
    bad = sum(1 for l in out.splitlines() if l.startswith("not ok "))
    return ok, bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=1000)
    ap.add_argument("--load-seconds", type=float, default=600)
    ap.add_argument("--load-sessions", type=int, default=500)
    ap.add_argument("--load-hostile", type=int, default=25)
    ap.add_argument("--only", default="rename,kill,disk,load")
    args = ap.parse_args()
    parts = set(args.only.split(","))
    logdir = os.path.join(TOP, "build", "torture")
    os.makedirs(logdir, exist_ok=True)
    py = sys.executable
    rows = []     # (part, figure, value, goal, met)
    failed = []

    if "rename" in parts:
        rc, out, secs = run("rename", [py, "tests/clients/rename_crash.py"], logdir)
        ok, bad = tap_summary(out)
        rows.append(("rename", "checks passed", "%d of %d" % (ok, ok + bad), "all", rc == 0))
        if rc:
            failed.append("rename")

    if "kill" in parts:
        rc, out, secs = run("kill", [py, "tests/clients/store_kill.py", "--kills", str(args.kills),
                                     "--max-seconds", "3600"], logdir)
        for m in re.finditer(r"^# store kill( \[[^\]]+\])?: figure: kills=(\d+) rounds=(\d+) "
                             r"seconds=(\d+) problems=(\d+) move=(\w+) condstore=(\w+)",
                             out, re.M):
            fs = (m.group(1) or " [machine's file system]").strip(" []")
            rows.append(("kill", "kills on %s (rounds, s)" % fs, "%s (%s rounds, %s s)" %
                         (m.group(2), m.group(3), m.group(4)), ">= %d" % args.kills,
                         int(m.group(2)) >= args.kills))
            rows.append(("kill", "  problems found by the checker", m.group(5), "0",
                         m.group(5) == "0"))
            rows.append(("kill", "  MOVE / CONDSTORE checked", "%s / %s" % (m.group(6),
                                                                       m.group(7)), "if advertised",
                         True))
        for m in re.finditer(r"^# store kill( \[[^\]]+\])?: figure: per-op killed/rounds (.*)$",
                             out, re.M):
            rows.append(("kill", "  killed/rounds per command", m.group(2), "", True))
        if rc:
            failed.append("kill")

    if "disk" in parts:
        rc, out, secs = run("disk", [py, "tests/clients/store_diskfull.py", "--all"], logdir)
        points = 0
        for m in re.finditer(r"^(not )?ok \d+ - disk full: (.*?): (\d+) calls, a fault at (\d+) "
                             r"points: ([^;]*);", out, re.M):
            points += int(m.group(4))
            rows.append(("disk", "%s (%s calls)" % (m.group(2), m.group(3)),
                         "%s points: %s" % (m.group(4), m.group(5)), "clean OK/NO",
                         m.group(1) is None))
        for m in re.finditer(r"^(not )?ok \d+ - disk full: (a (?:1 MB )?tmpfs[^:]*): ([^;]*)",
                             out, re.M):
            rows.append(("disk", m.group(2), m.group(3)[:60], "clean NO", m.group(1) is None))
        rows.append(("disk", "ENOSPC/EIO points in all", str(points), "", True))
        if rc:
            failed.append("disk")

    if "load" in parts:
        imapload = os.environ.get("IMAPLOAD", os.path.join(TOP, "build", "default", "tools",
                                                           "imapload"))
        rc, out, secs = run("load", [py, "tools/load/run.py", "--seconds", str(args.load_seconds),
                                     "--sessions", str(args.load_sessions), "--logins", "8",
                                     "--tls-logins", "4", "--hostile", str(args.load_hostile),
                                     "--users", "50", "--think", "200", "--ramp", "30",
                                     "--imapload", imapload], logdir)
        f = {}
        for line in out.splitlines():
            if line.startswith("load: ") and "=" in line:
                k, _, v = line[6:].partition("=")
                f[k] = v
        groups = {}
        for m in re.finditer(r"^group name=(\S+) clients=(\d+) tls=(\d) (.*)$", out, re.M):
            kv = dict(x.split("=") for x in m.group(4).split())
            key = m.group(1) + (" (TLS)" if m.group(3) == "1" else "")
            groups[key] = (int(m.group(2)), kv)
        lat = {m.group(1): (m.group(2), m.group(3), m.group(4)) for m in re.finditer(
            r"^latency cmd=(\S+) count=\d+ p50_ms=([\d.]+) p99_ms=([\d.]+) max_ms=([\d.]+)",
            out, re.M)}

        def num(k, d=0.0):
            try:
                return float(f.get(k, d))
            except ValueError:
                return d
        rows.append(("load", "sessions / seconds", "%d mixed + %d login churn + %d hostile, "
                     "%.0f s" % (args.load_sessions, 12, 4 * args.load_hostile,
                                 num("seconds")), "", True))
        rows.append(("load", "commands (per second)", "%d (%.0f/s)" % (num("commands"),
                                                                  num("commands_per_s")), "", True))
        rows.append(("load", "wrong answers (protocol errors)", "%d" % num("errors", -1), "0",
                     num("errors", -1) == 0))
        rows.append(("load", "connections refused / timeouts", "%d / %d" % (
            num("refused", -1), num("timeouts", -1)), "0 / 0",
            num("refused", -1) == 0 and num("timeouts", -1) == 0))
        rows.append(("load", "logins during the run (per second)", "%d (%.1f/s)" % (
            num("logins"), num("logins_per_s")), "> 0", num("logins") > 0))
        for cmd in ("greeting", "LOGIN", "FETCH", "STORE", "APPEND", "EXPUNGE", "login-round"):
            if cmd in lat:
                rows.append(("load", "  %s p50 / p99 / max ms" % cmd, "%s / %s / %s" % lat[cmd],
                             "", True))
        rows.append(("load", "master RSS start / end kB", "%s / %s" % (
            f.get("start_master_rss_kb"), f.get("end_master_rss_kb")), "flat",
            num("master_rss_growth_kb", 1e9) <= 1024))
        rows.append(("load", "children: count, mean RSS kB start / end", "%s, %.0f / %s, %.0f" % (
            f.get("start_children"), num("start_child_rss_mean_kb"), f.get("end_children"),
            num("end_child_rss_mean_kb")), "flat",
            num("child_rss_growth_kb", 1e9) <= max(512, 0.1 * num("start_child_rss_mean_kb"))))
        rows.append(("load", "children private dirty kB start / end", "%s / %s" % (
            f.get("start_children_dirty_kb"), f.get("end_children_dirty_kb")), "", True))
        for name, (n, kv) in sorted(groups.items()):
            if name.split()[0] in ("slowread", "trickle", "tlsidle", "rawidle"):
                rows.append(("load", "  hostile %s: clients, connects, closed by server" % name,
                             "%d, %s, %s" % (n, kv.get("connects"), kv.get("closed")), "", True))
        rows.append(("load", "generator CPU (share of one core)", f.get("cpu", "?"), "", True))
        rows.append(("load", "server log errors", f.get("server_log_errors", "?"), "0",
                     f.get("server_log_errors") == "0"))
        if rc or any(not r[4] for r in rows if r[0] == "load"):
            failed.append("load")

    width = max(len(r[1]) for r in rows) if rows else 10
    print("\n%-7s %-*s  %-44s %-14s %s" % ("part", width, "figure", "value", "goal", "met"))
    for part, fig, val, goal, met in rows:
        print("%-7s %-*s  %-44s %-14s %s" % (part, width, fig, val, goal, "yes" if met else "NO"))
    print("\ntorture: %s (logs in %s)" % ("every goal met" if not failed else
                                          "FAILED: " + ", ".join(failed),
                                          os.path.relpath(logdir, TOP)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

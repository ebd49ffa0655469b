#!/usr/bin/env python3
"""load_short.py - a short run of the load generator against imapd-master
(tools/load/run.py): 30 checked mixed sessions, login churn over plain
and TLS, idle sessions, and 3 clients of every hostile kind (slow
readers, tricklers, idle TLS, silent TCP) at the same time, for 8
seconds.

Checks, as TAP: imapload found no wrong answer, no refused connection,
no timeout; every session logged out cleanly; the master's memory did not
grow; the server logged no error.  `make torture` runs the same with 500
sessions for 10 minutes.  Needs $IMAPLOAD (make check builds it).
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, MASTER, TOP, Tap  # noqa: E402

TAP = Tap("load short")


def main():
    TAP.need(IMAPD, MASTER, "saslpasswd2", "openssl")
    imapload = os.environ.get("IMAPLOAD") or os.path.join(
        TOP, os.environ.get("BUILD", "build/default"), "tools", "imapload")
    if not os.access(imapload, os.X_OK):
        TAP.bail("%s is not built (make load)" % imapload)
    argv = [sys.executable, os.path.join(TOP, "tools", "load", "run.py"), "--seconds", "8",
            "--ramp", "2", "--sessions", "30", "--logins", "4", "--tls-logins", "2",
            "--idle", "10", "--hostile", "3", "--users", "4", "--think", "20",
            "--imapload", imapload, "--bin", os.environ.get("BIN", "bin")]
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, timeout=180)
    figures = {}
    for line in p.stdout.splitlines():
        if line.startswith("load: ") and "=" in line:
            k, _, v = line[6:].partition("=")
            figures[k] = v
    for key in ("commands", "commands_per_s", "logins", "start_master_rss_kb",
                "end_master_rss_kb", "start_child_rss_mean_kb", "end_child_rss_mean_kb"):
        if key in figures:
            TAP.note("%s %s" % (key, figures[key]))
    TAP.ok(p.returncode == 0 and float(figures.get("commands", 0)) > 100,
           "30 mixed sessions, login churn (plain and TLS), idle sessions and 12 hostile "
           "clients: every answer right, nothing refused or timed out, memory flat, no "
           "server error (exit %d)" % p.returncode, p.stdout[-4000:])
    TAP.ok(float(figures.get("logins", 0)) > 5, "login churn went on beside the hostile "
           "clients (%s logins)" % figures.get("logins"), p.stdout[-1500:])


if __name__ == "__main__":
    TAP.main(main)

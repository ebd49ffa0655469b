#!/usr/bin/env python3
"""qresync.py - the reconnect row of `make bench` (issue 11): a client that
holds a large mailbox reconnects after 10 flag changes, 3 expunges and 5
new messages, and learns what changed

  QRESYNC:  ENABLE QRESYNC, SELECT INBOX (QRESYNC (uidvalidity modseq
            1:<last known UID>)), UID FETCH <last known UID + 1>:* (FLAGS)
  full:     SELECT INBOX, UID FETCH 1:* (FLAGS)

on our imapd and on Dovecot, in the same run, on the same generated maildir
(tools/bench/maildir_gen.py, through bench.py's servers and copies).  Time
is client-side over a pipe from the first command's write to the last
tagged line (best of BENCH_REPS); octets are what the server sent for those
commands.  Each answer is checked: QRESYNC must name exactly the 3 expunged
UIDs in VANISHED (EARLIER), FETCH exactly the 10 changed messages with
their new flags, and return the 5 new ones; the full resync must give every
message's flags as the changes left them.

Environment as bench.py (BENCH_N, BENCH_REPS, BENCH_BIN, DOVECOT_IMAP,
BENCH_KEEP).  Run as root (`make bench` runs it after bench.py).
Exit status: 0 when both servers answered right, 1 otherwise, 2 when a
prerequisite is missing.
"""

import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
import bench  # noqa: E402
import maildir_gen  # noqa: E402

CHANGED = 10
EXPUNGED = 3
NEW = 5
WORK = os.path.join(bench.TOP, "build", "bench", "work-qresync")


def log(msg):
    print(msg, flush=True)


def octets(resps, tagged):
    return sum(len(r) + 2 for r in resps) + len(tagged) + 2


def uid_flags(resps):
    """{uid: flags without \\Recent} of FETCH responses (octets)."""
    out = {}
    for r in resps:
        m = re.match(rb"\* \d+ FETCH \((.*)\)$", r, re.S)
        if not m:
            continue
        u = re.search(rb"UID (\d+)", m.group(1))
        f = re.search(rb"FLAGS \(([^)]*)\)", m.group(1))
        if u and f:
            out[int(u.group(1))] = frozenset(x for x in f.group(1).decode().split()
                                             if x != "\\Recent")
    return out


def expand(text):
    out = set()
    for part in text.split(","):
        lo, _, hi = part.partition(":")
        out.update(range(int(lo), int(hi or lo) + 1))
    return out


def one_rep(server, master, rep):
    """Prepare a copy (client state, then the changes), time both reconnects;
    returns {"qresync": (secs, octets), "full": (secs, octets)} and a list of
    problems with the answers."""
    d = os.path.join(WORK, "%s-r%d" % (server.name, rep))
    bench.fresh_copy(master, d)
    bench.warm(d)
    problems = []
    # The client's state: a full sync it made earlier (not timed).
    s = server.session(d)
    s.cmd("SELECT INBOX")
    s.close()
    time.sleep(bench.PAUSE)
    s = server.session(d)
    s.cmd("ENABLE QRESYNC")
    resps, _, _ = s.cmd("SELECT INBOX")
    text = b"\n".join(resps).decode(errors="replace")
    uidvalidity = int(re.search(r"\[UIDVALIDITY (\d+)\]", text).group(1))
    modseq = int(re.search(r"\[HIGHESTMODSEQ (\d+)\]", text).group(1))
    resps, _, _ = s.cmd("UID FETCH 1:* (FLAGS)")
    known = uid_flags(resps)
    s.close()
    uids = sorted(known)
    last = uids[-1]
    # The changes, by another client: spread over the mailbox.
    step = max(1, len(uids) // (CHANGED + EXPUNGED + 1))
    picks = uids[step // 2::step][:CHANGED + EXPUNGED]
    changed, gone = picks[:CHANGED], picks[CHANGED:]
    s = server.session(d)
    s.cmd("SELECT INBOX")
    want = dict(known)
    for u in changed:
        flag = "\\Flagged" if "\\Flagged" not in known[u] else "\\Answered"
        if flag in known[u]:
            flag = "$Bench"
        s.cmd("UID STORE %d +FLAGS.SILENT (%s)" % (u, flag))
        want[u] = known[u] | {flag}
    s.cmd("UID STORE %s +FLAGS.SILENT (\\Deleted)" % ",".join(map(str, gone)))
    s.cmd("UID EXPUNGE %s" % ",".join(map(str, gone)))
    for u in gone:
        del want[u]
    for i in range(NEW):
        msg = ("From: a@example.com\r\nTo: b@example.com\r\nSubject: new %d\r\n"
               "Message-ID: <new%d.%d@bench>\r\n\r\nbody %d\r\n" % (i, rep, i, i)).encode()
        s.conn.send(b"n%d APPEND INBOX {%d+}\r\n" % (i, len(msg)) + msg + b"\r\n")
        while True:
            line = s.conn.read_line()
            if line.startswith("n%d " % i):
                break
    s.close()
    # One untimed session takes in the changes (index, rescan), so that
    # neither timed reconnect pays for it alone.
    time.sleep(bench.PAUSE)
    s = server.session(d)
    s.cmd("SELECT INBOX")
    s.close()

    res = {}
    # QRESYNC reconnect.
    s = server.session(d)
    total_t, total_o, seen = 0.0, 0, []
    for cmd in ("ENABLE QRESYNC",
                "SELECT INBOX (QRESYNC (%d %d 1:%d))" % (uidvalidity, modseq, last),
                "UID FETCH %d:* (FLAGS)" % (last + 1)):
        r, tagged, t = s.cmd(cmd)
        total_t += t
        total_o += octets(r, tagged)
        seen.extend(r)
    s.close()
    res["qresync"] = (total_t, total_o)
    van = set()
    for r in seen:
        m = re.match(rb"\* VANISHED \(EARLIER\) ([\d:,]+)$", r)
        if m:
            van |= expand(m.group(1).decode())
    if van != set(gone):
        problems.append("%s: QRESYNC VANISHED %s, expected %s" % (server.name, sorted(van)[:10],
                                                                 gone))
    got = uid_flags(seen)
    old = {u: f for u, f in got.items() if u <= last}
    new = {u: f for u, f in got.items() if u > last}
    if set(old) != set(changed) or any(old[u] != want[u] for u in changed):
        problems.append("%s: QRESYNC FETCH of %d known messages, expected the %d changed"
                        % (server.name, len(old), len(changed)))
    if len(new) != NEW:
        problems.append("%s: %d new messages, expected %d" % (server.name, len(new), NEW))
    # Full reconnect.
    s = server.session(d)
    total_t, total_o, seen = 0.0, 0, []
    for cmd in ("SELECT INBOX", "UID FETCH 1:* (FLAGS)"):
        r, tagged, t = s.cmd(cmd)
        total_t += t
        total_o += octets(r, tagged)
        seen.extend(r)
    s.close()
    res["full"] = (total_t, total_o)
    got = uid_flags(seen)
    if {u: f for u, f in got.items() if u <= last} != want or len(got) != len(want) + NEW:
        problems.append("%s: full resync does not match the changes" % server.name)
    if not bench.KEEP:
        shutil.rmtree(d, ignore_errors=True)
    return res, problems


def main():
    if os.geteuid() != 0:
        log("qresync bench: run as root")
        return 2
    for prog in (os.path.join(bench.BIN, "rimapd"), bench.DOVECOT_IMAP):
        if not os.access(prog, os.X_OK):
            log("qresync bench: %s is missing" % prog)
            return 2
    if os.path.exists(WORK):
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    os.chmod(WORK, 0o755)
    try:
        master = os.path.join(WORK, "master")
        maildir_gen.make_maildir(master, bench.N)
        os.system("chown -R %d:%d %s" % (bench.NOBODY, bench.NOBODY, master))
        servers = [bench.Imapd(WORK), bench.Dovecot(WORK)]
        best = {}
        problems = []
        for rep in range(bench.REPS):
            for srv in (servers if rep % 2 == 0 else servers[::-1]):
                res, p = one_rep(srv, master, rep)
                problems += p
                for k, v in res.items():
                    cur = best.get((srv.name, k))
                    if cur is None or v[0] < cur[0]:
                        best[(srv.name, k)] = v
        problems += bench.problems
        log("")
        log("Reconnect to a %d-message mailbox after %d flag changes, %d expunges, %d new "
            "messages (best of %d)" % (bench.N, CHANGED, EXPUNGED, NEW, bench.REPS))
        log("| %-44s | %12s | %12s | %12s | %12s |"
            % ("resync", "imapd time", "imapd octets", "Dovecot time", "Dovecot oct."))
        log("|%s|%s|%s|%s|%s|" % ("-" * 46, "-" * 14, "-" * 14, "-" * 14, "-" * 14))
        for k, label in (("qresync", "QRESYNC: SELECT (QRESYNC ...) + new UIDs"),
                         ("full", "full: SELECT + UID FETCH 1:* (FLAGS)")):
            i, d = best[("imapd", k)], best[("dovecot", k)]
            log("| %-44s | %10.1f ms | %12d | %10.1f ms | %12d |"
                % (label, i[0] * 1000, i[1], d[0] * 1000, d[1]))
        for p in problems:
            log("problem: %s" % p)
        return 1 if problems else 0
    finally:
        if not bench.KEEP:
            shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

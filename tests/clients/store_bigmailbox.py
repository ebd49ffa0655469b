#!/usr/bin/env python3
"""store_bigmailbox.py - a large maildir: once the index exists, SELECT and
UID FETCH 1:* (FLAGS) never open a message file or read cur/ again.

A maildir of N messages is made in cur/ as Dovecot or mutt would leave it
(half the names carry ,S= and ,W=, half do not, so the first SELECT has to
read those to learn their CRLF size).  Then:

  1. a first session SELECTs (building the index) and is timed;
  2. a second session runs SELECT and UID FETCH 1:* (FLAGS) under
     `strace -f -y -e trace=openat,open`; no open() may name cur/ or a file in
     it (not a message, not the directory for readdir), by an absolute path
     or one relative to a directory descriptor (-y names its directory);
  3. a third session, untraced, times SELECT and UID FETCH 1:* (FLAGS) and
     checks every line; it changes one flag;
  4. a fourth traced session again opens nothing under cur/ (our own change
     did not force a rescan), and sees the changed flag.

N is 100,000 (the size issue 4 and the speed targets name; about ten
seconds here, mostly creating the files); IMAPD_BIG_N=<n> sets another
size.  Timings are printed as TAP comments.
Env BIN is the directory holding imapd.
"""

import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, IMAPError, Sandbox, Tap, me  # noqa: E402

N = int(os.environ.get("IMAPD_BIG_N", "100000"))

TAP = Tap("big mailbox")


def check(cond, name, detail=""):
    TAP.ok(bool(cond), name, str(detail)[:600])
    return cond


class Session:
    """rimapd on a pipe (pre-authenticated), optionally under strace."""

    def __init__(self, sb, trace=None):
        wrapper = (["strace", "-f", "-qq", "-y", "-e", "trace=openat,open", "-o", trace]
                   if trace else [])
        self.p, self.c = sb.imapd_pipe(rimapd=True, wrapper=wrapper, timeout=60)
        line = self.c.greeting()
        if line is None or not line.startswith("* PREAUTH"):
            raise RuntimeError("greeting %r" % line)

    def cmd(self, text):
        """Send a command; return (untagged responses as octets, tagged
        line, seconds); the time is the server's (Connection.timed_cmd)."""
        return self.c.timed_cmd(text)

    def close(self):
        try:
            self.cmd("LOGOUT")
        except IMAPError:
            pass
        self.c.close()
        self.p.wait(timeout=60)


def make_maildir(root, n):
    cur = os.path.join(root, "cur")
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    base_t = 1600000000
    for i in range(n):
        body = ("From: sender%d@example.com\nTo: rcpt@example.com\nSubject: message %d\n"
                "\nHello %d.\n" % (i, i, i)).encode()
        flags = "S" if i % 3 == 0 else ("FS" if i % 7 == 0 else "")
        name = "%d.M%dP1.bighost" % (base_t + i, i)
        if i % 2 == 0:
            name += ",S=%d,W=%d" % (len(body), len(body) + body.count(b"\n"))
        name += ":2," + flags
        fd = os.open(os.path.join(cur, name), os.O_WRONLY | os.O_CREAT, 0o600)
        os.write(fd, body)
        os.close(fd)
    # Old enough for the index to trust cur/'s mtime at once.
    past = time.time() - 10
    os.utime(cur, (past, past))


def cur_opens(trace, cur, cwd):
    """Paths under cur/ opened in the trace.  strace -y names the directory
    of an openat() descriptor, so a name relative to the mail root or to
    cur/ itself counts as well as an absolute one."""
    opens = []
    with open(trace, errors="replace") as f:
        for line in f:
            m = re.search(r'open(?:at)?\((?:AT_FDCWD|\d+)(?:<([^>]*)>)?, "([^"]*)"', line)
            if not m:
                continue
            path = m.group(2)
            if not path.startswith("/"):
                path = os.path.join(m.group(1) or cwd, path)
            path = os.path.normpath(path)
            if path == cur or path.startswith(cur + "/"):
                opens.append(path)
    return opens


def main():
    TAP.need(IMAPD, "strace")
    # rimapd serves the Unix user running the test: no SASL, no TLS.
    sb = Sandbox(sasl=False, tls=False, prefix="store-big-")
    work = sb.dir
    try:
        root = sb.folder(me(), "INBOX")
        t0 = time.perf_counter()
        make_maildir(root, N)
        TAP.note("made %d message files in %.1f s" % (N, time.perf_counter() - t0))
        cur = os.path.join(root, "cur")

        # 1. The first SELECT builds the index.
        s = Session(sb)
        u, t, secs = s.cmd("SELECT INBOX")
        check(t.endswith("OK [READ-WRITE] SELECT completed") and (b"* %d EXISTS" % N) in u,
              "first SELECT of %d messages" % N, (t, u[:3]))
        TAP.note("first SELECT (no index yet, reads the files without ,W=): %.0f ms" % (secs * 1000))
        s.close()

        # 2. With the index: no open under cur/.
        trace = os.path.join(work, "trace1")
        s = Session(sb, trace=trace)
        u, t, _ = s.cmd("SELECT INBOX")
        u2, t2, _ = s.cmd("UID FETCH 1:* (FLAGS)")
        # RFC8438 STATUS (SIZE) sums the index's RFC822.SIZE.
        u3, t3, _ = s.cmd("STATUS INBOX (MESSAGES SIZE)")
        s.close()
        check(t.endswith("SELECT completed") and t2.endswith("UID FETCH completed") and len(u2) == N,
              "traced SELECT + UID FETCH 1:* (FLAGS) answered", (t, t2, len(u2)))
        check(t3.endswith("STATUS completed") and len(u3) == 1
              and re.match(rb"\* STATUS INBOX \(MESSAGES %d SIZE [1-9][0-9]*\)(\r\n)?$" % N, u3[0]),
              "traced STATUS INBOX (MESSAGES SIZE) answered", (t3, u3))
        opens = cur_opens(trace, cur, sb.dir)
        check(not opens, "SELECT, UID FETCH 1:* (FLAGS) and STATUS (SIZE) open nothing under cur/ once indexed",
              "%d opens, e.g. %s" % (len(opens), opens[:3]))
        with open(trace) as f:
            total = sum(1 for l in f if "open" in l)
        TAP.note("traced session: %d open calls in all, %d under cur/" % (total, len(opens)))

        # 3. Timings, untraced, best of three; every line checked.
        best_sel = best_fetch = None
        for _ in range(3):
            s = Session(sb)
            u, t, sel = s.cmd("SELECT INBOX")
            u2, t2, fetch = s.cmd("UID FETCH 1:* (FLAGS)")
            best_sel = sel if best_sel is None else min(best_sel, sel)
            best_fetch = fetch if best_fetch is None else min(best_fetch, fetch)
            if _ < 2:
                s.close()
        good = len(u2) == N
        for seq, line in enumerate(u2, 1):
            i = seq - 1
            want = "\\Seen" if i % 3 == 0 else ("\\Flagged \\Seen" if i % 7 == 0 else "")
            if line != b"* %d FETCH (UID %d FLAGS (%s))" % (seq, seq, want.encode()):
                good = False
                TAP.note("bad line %d: %r" % (seq, line))
                break
        check(good, "UID FETCH 1:* (FLAGS) gives every message its UID and flags")
        TAP.note("SELECT with the index: %.1f ms" % (best_sel * 1000))
        TAP.note("UID FETCH 1:* (FLAGS): %.1f ms (%d lines)" % (best_fetch * 1000, len(u2)))
        u, t, secs = s.cmd("STORE 2 +FLAGS (\\Answered)")
        check(t.endswith("OK STORE completed"), "STORE on the big mailbox", t)
        TAP.note("STORE of one flag: %.1f ms" % (secs * 1000))
        u, t, secs = s.cmd("SEARCH UNSEEN")
        TAP.note("SEARCH UNSEEN: %.1f ms" % (secs * 1000))
        s.close()

        # 4. Our own change does not make the next session read cur/.
        trace = os.path.join(work, "trace2")
        s = Session(sb, trace=trace)
        u, t, _ = s.cmd("SELECT INBOX")
        u2, t2, _ = s.cmd("UID FETCH 2 (FLAGS)")
        s.close()
        check(u2 and b"\\Answered" in u2[0], "the stored flag is seen by the next session", u2[:1])
        opens = cur_opens(trace, cur, sb.dir)
        check(not opens, "after a STORE the next SELECT still opens nothing under cur/",
              "%d opens, e.g. %s" % (len(opens), opens[:3]))
    finally:
        sb.close()


if __name__ == "__main__":
    TAP.main(main)

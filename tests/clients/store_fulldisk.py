#!/usr/bin/env python3
"""store_fulldisk.py - a full disk does not lock users out (issue 13,
finding 6): the store goes read-only where it must, instead of failing.

The mail root is a small tmpfs (as root; skipped otherwise, or where
mounting is not allowed), filled up with one large file until nothing is
left.  Then, with 0 octets free:

  - a new session can SELECT, EXAMINE and STATUS its INBOX (whose index
    exists), FETCH flags, ENVELOPE and bodies, and SEARCH;
  - STORE works (the flags are in the file names; the index log that
    cannot be written is only behind, and other sessions find the change
    by reading the folder);
  - APPEND answers NO [OVERQUOTA], never [SERVERBUG] or a bare NO;
  - messages delivered just before the disk filled up are shown only if
    their UIDs could be made durable: LATE of them, whose index records
    need more than the log file's last page has left, are not shown, and
    no UID given is ever given again;
  - EXPUNGE removes the messages, which frees space;
  - once there is room again, the next session shows the delivered
    messages with the next UIDs, the expunged ones gone, the stored flag
    set.
Env BIN is the directory holding imapd.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, IMAPError, Sandbox, Tap, deliver, make_message, me  # noqa: E402

TAP = Tap("full disk")
LATE = 40  # their ADD records (over 100 octets each) need a new page


def check(cond, name, detail=""):
    TAP.ok(bool(cond), name, str(detail)[:600])
    return cond


class Session:
    """rimapd on a pipe (pre-authenticated as the user running the test)."""

    def __init__(self, sb):
        self.p, self.c = sb.imapd_pipe(rimapd=True, timeout=60)
        line = self.c.greeting()
        if line is None or not line.startswith("* PREAUTH"):
            raise RuntimeError("greeting %r" % line)

    def cmd(self, *parts):
        u, t = self.c.cmd(*parts)
        return u, t or ""

    def close(self):
        try:
            self.cmd("LOGOUT")
        except (IMAPError, OSError):
            pass
        self.c.close()
        self.p.wait(timeout=30)


def status_of(t):
    """"OK", "NO" or "BAD" of a tagged line."""
    parts = t.split()
    return parts[1] if len(parts) > 1 else ""


def exists(u):
    for line in u:
        m = re.match(r"\* (\d+) EXISTS", line)
        if m:
            return int(m.group(1))
    return None


def fill(root):
    """Write one file until the file system has no room left."""
    path = os.path.join(root, "filler")
    with open(path, "wb", buffering=0) as f:
        block = b"\0" * 65536
        try:
            while True:
                f.write(block)
        except OSError:
            pass
        try:
            while True:
                f.write(b"\0")
        except OSError:
            pass
    st = os.statvfs(root)
    return path, st.f_bavail * st.f_frsize


def uids(u):
    return [int(m.group(1)) for m in (re.search(r"UID (\d+)", l) for l in u) if m]


def main():
    TAP.need(IMAPD)
    if os.geteuid() != 0:
        TAP.skip("full-disk checks", "not root: cannot mount a small file system")
        TAP.done()
        return
    sb = Sandbox(sasl=False, tls=False, prefix="store-full-")
    root = sb.folder(me(), "INBOX")
    os.makedirs(root, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,nr_inodes=4096,mode=0700",
                              "imapd-fulldisk", root], capture_output=True)
    if mounted.returncode != 0:
        sb.close()
        TAP.skip("full-disk checks", "cannot mount a tmpfs here: %s"
                 % mounted.stderr.decode(errors="replace").strip())
        TAP.done()
        return
    try:
        for d in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(root, d), exist_ok=True)
        for i in range(20):
            deliver(root, make_message(i), suffix="early")
        # Index it, \Seen on the first five, as a client would.
        s = Session(sb)
        u, t = s.cmd("SELECT INBOX")
        check(status_of(t) == "OK" and exists(u) == 20, "SELECT before the disk is full", (t, u[:4]))
        s.cmd("STORE 1:5 +FLAGS (\\Seen)")
        s.cmd("FETCH 1:20 (ENVELOPE)")  # fills the message cache too
        s.close()
        for i in range(LATE):
            deliver(root, make_message(100 + i), suffix="late")
        path, free = fill(root)
        TAP.note("filled the file system: %d octets free" % free)

        s = Session(sb)
        u, t = s.cmd("SELECT INBOX")
        n = exists(u)
        check(status_of(t) == "OK" and n == 20,
              "SELECT with the disk full (the late deliveries wait: their UIDs cannot be kept)",
              (t, u))
        uidnext = [l for l in u if "UIDNEXT" in l]
        u, t = s.cmd("UID FETCH 1:* (FLAGS)")
        full_uids = uids(u)
        check(status_of(t) == "OK" and len(u) == n and "\\Seen" in u[0], "FETCH FLAGS", (t, u[:2]))
        u, t = s.cmd("FETCH 3 (ENVELOPE BODY[])")
        check(status_of(t) == "OK" and "message number 2." in "".join(u),
              "FETCH ENVELOPE and BODY[]", (t, u[:1]))
        u, t = s.cmd('SEARCH SUBJECT "message 7" UNSEEN')
        check(status_of(t) == "OK" and "* SEARCH 8" in u, "SEARCH", (t, u))
        u, t = s.cmd("STORE 6 +FLAGS (\\Flagged)")
        check(status_of(t) == "OK" and "\\Flagged" in "".join(u), "STORE with the disk full", (t, u))
        u, t = s.cmd("APPEND INBOX", b"Subject: new\r\n\r\nhi\r\n")
        check(status_of(t) == "NO" and "[OVERQUOTA]" in t, "APPEND says NO [OVERQUOTA]", t)
        u, t = s.cmd("STATUS INBOX (MESSAGES UNSEEN UIDNEXT)")
        text = "".join(u)
        check(status_of(t) == "OK" and "MESSAGES %d" % n in text and "UNSEEN %d" % (n - 5) in text,
              "STATUS with the disk full", (t, u))
        s2 = Session(sb)
        u2, t2 = s2.cmd("EXAMINE INBOX")
        check(status_of(t2) == "OK" and exists(u2) == n, "EXAMINE with the disk full", (t2, u2))
        s2.close()
        u, t = s.cmd("STORE 19:20 +FLAGS (\\Deleted)")
        u, t = s.cmd("EXPUNGE")
        check(status_of(t) == "OK" and u.count("* 19 EXPUNGE") == 2,
              "EXPUNGE with the disk full", (t, u))
        after = os.statvfs(root)
        check(after.f_bavail > 0, "the expunge freed room", after.f_bavail * after.f_frsize)
        s.close()
        log = sb.logtext()
        check("SERVERBUG" not in log, "nothing logged as a server bug")

        # Room again: everything catches up.
        os.unlink(path)
        s = Session(sb)
        u, t = s.cmd("SELECT INBOX")
        check(status_of(t) == "OK" and exists(u) == 18 + LATE,
              "after the disk has room: 18 early ones and the late ones", (t, u))
        u, t = s.cmd("UID FETCH 1:* (UID FLAGS)")
        check("\\Flagged" in u[5], "the STORE made on the full disk stayed", u[5:6])
        now = uids(u)
        # The late ones last; UIDs 19 and 20 went with the expunge.
        check(full_uids == list(range(1, 21)) and
              now == list(range(1, 19)) + list(range(21, 21 + LATE)),
              "the late deliveries have the next UIDs, none given twice",
              (now[-3:], uidnext))
        u, t = s.cmd("FETCH 19 (BODY[TEXT])")
        check("message number 100." in "".join(u), "and they are the late ones", u[:1])
        s.close()
    finally:
        subprocess.run(["umount", "-l", root], capture_output=True)
        sb.close()
    TAP.done()


if __name__ == "__main__":
    main()

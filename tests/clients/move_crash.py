#!/usr/bin/env python3
"""move_crash.py - MOVE (RFC6851) survives the server being killed.

The server is killed with SIGKILL in the middle of a MOVE, at chosen steps
(IMAPD_FAULT, src/util/fault.h) and at random moments from outside; a new
server must then show every message exactly once, in the source or the
target, with its contents whole (RFC6851 §3.3: no message lost, none left
in both).  The same across file systems (as root: a tmpfs mounted as the
target folder): the server copies instead of renaming, and a kill there
leaves a journal that the next login finishes.
"""

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, PASSWORD, USER, Sandbox, Tap, make_folder  # noqa: E402

T = Tap("move-crash")
N = 120


def fill(root, n):
    """n messages straight into INBOX's new/, as an MTA delivers."""
    make_folder(root)
    for k in range(n):
        with open(os.path.join(root, "new", "%d.M%dP1.test" % (1700000000 + k, k)), "w") as f:
            f.write("Message-ID: <%d@crash>\nSubject: m%d\n\nbody of %d\n%s\n" % (k, k, k, "x" * (k % 50)))


def login(sb, env=None):
    """A session on a pipe, logged in; env: variables added to the
    server's environment (IMAPD_FAULT)."""
    p, c = sb.imapd_pipe(env=dict(sb.env, **env) if env else None)
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert t and " OK" in t, t
    return p, c


# A FETCH response carrying one literal, folded into its line by
# Connection.read_line: the count, then the octets and the rest.
FETCH_LITERAL = re.compile(r"\* \d+ FETCH .*?\{(\d+)\}\r\n", re.S)


def message_ids(c, box):
    """Message-ID numbers in box, with a check that each body is whole
    (the messages are small: each literal is read folded into its line)."""
    u, t = c.cmd("EXAMINE %s" % box)
    assert t and " OK" in t, (box, t)
    ids = []
    c.send("f UID FETCH 1:* (BODY.PEEK[])\r\n")
    while True:
        line = c.read_line()
        assert line is not None, "server closed"
        if line.startswith("f "):
            assert " OK" in line, line
            break
        m = FETCH_LITERAL.match(line)
        if not m:
            continue
        size = int(m.group(1))
        octets = line[m.end():].encode("utf-8", "surrogateescape")
        # The literal, then the ")" closing the FETCH, nothing else.
        assert len(octets) == size + 1 and octets.endswith(b")"), \
            "FETCH literal of %d octets, then %r" % (size, octets[size:][:80])
        text = octets[:size].decode()
        k = int(re.search(r"Message-ID: <(\d+)@crash>", text).group(1))
        want = "Message-ID: <%d@crash>\r\nSubject: m%d\r\n\r\nbody of %d\r\n%s\r\n" % (k, k, k, "x" * (k % 50))
        assert text == want, "message %d damaged: %r" % (k, text)
        ids.append(k)
    return ids


def check_once(sb, src, dst, n, what):
    p, c = login(sb)
    a = message_ids(c, src)
    b = message_ids(c, dst)
    c.cmd("LOGOUT")
    c.close()
    p.wait(timeout=10)
    both = sorted(a + b)
    ok = both == list(range(n))
    T.ok(ok, "%s: each message once (%d in %s, %d in %s)" % (what, len(a), src, len(b), dst),
         "missing %s, twice %s" % (sorted(set(range(n)) - set(both)),
                                  sorted(k for k in set(both) if both.count(k) > 1)))
    journals = os.path.join(sb.folder(USER, "INBOX"), "imapd-moves")
    left = [f for f in os.listdir(journals)] if os.path.isdir(journals) else []
    T.ok(not left, "%s: no move journal left" % what, repr(left))
    return len(a), len(b)


def move_killed(sb, src, dst, fault=None, after=None):
    """MOVE everything from src to dst in a server killed by `fault` or
    `after` seconds into the command; True if it died before answering."""
    p, c = login(sb, {"IMAPD_FAULT": fault} if fault else None)
    _, t = c.cmd("SELECT %s" % src)
    assert t and " OK" in t, t
    c.send("m MOVE 1:* %s\r\n" % dst)
    if after is not None:
        time.sleep(after)
        p.send_signal(signal.SIGKILL)
    answered = False
    while True:
        line = c.read_line()
        if line is None:
            break
        if line.startswith("m "):
            answered = line.startswith("m OK")
            break
    c.close()
    p.wait(timeout=10)
    return not answered


def reset(sb, n=N):
    """A fresh account: n messages in INBOX, an empty Target."""
    home = sb.folder(USER, "INBOX")
    shutil.rmtree(home, ignore_errors=True)
    fill(home, n)
    tgt = make_folder(sb.folder(USER, "Target"))
    open(os.path.join(tgt, "maildirfolder"), "w").close()


def across(sb, mnt):
    def fresh():
        """A fresh account with a new tmpfs as Target: None, or why the
        tmpfs could not be mounted."""
        subprocess.run(["umount", "-l", mnt], capture_output=True)
        reset(sb)
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", mnt],
                           capture_output=True)
        if r.returncode != 0:
            return r.stderr.decode(errors="replace").strip() or "mount exit status %d" % r.returncode
        make_folder(mnt)
        open(os.path.join(mnt, "maildirfolder"), "w").close()
        return None
    why = fresh()
    if why:
        T.skip("MOVE across file systems", "cannot mount a tmpfs here: %s" % why)
        return
    died = move_killed(sb, "INBOX", "Target")
    T.ok(not died, "across file systems: MOVE answered OK")
    n_src, n_dst = check_once(sb, "INBOX", "Target", N, "across file systems")
    T.ok(n_dst == N, "across file systems: all %d moved" % N, "%d moved" % n_dst)
    for fault in ("move.journal-written=kill", "move.copied@30=kill", "move.delivered@1=kill",
                  "move.delivered@77=kill", "move.dst-committed=kill", "move.unlinked@50=kill",
                  "move.src-committed=kill"):
        fresh()
        died = move_killed(sb, "INBOX", "Target", fault=fault)
        T.ok(died, "across file systems, %s: the server died in the MOVE" % fault)
        check_once(sb, "INBOX", "Target", N, "across file systems, " + fault)
    T.ok("finished an interrupted move" in sb.logtext(),
         "the next login finished the interrupted moves (log)")
    # And back again, from the other file system.
    fresh()
    move_killed(sb, "INBOX", "Target")
    move_killed(sb, "Target", "INBOX")
    n_src, n_dst = check_once(sb, "INBOX", "Target", N, "back across file systems")
    T.ok(n_src == N, "back across file systems: all %d in INBOX" % N, "%d" % n_src)


def main():
    # As root it mounts a tmpfs (the move across file systems).
    T.need(IMAPD, "saslpasswd2", *(("mount", "umount") if os.geteuid() == 0 else ()))
    # An exception (a session that broke, a damaged message) is a failed
    # check with its traceback.
    T.main(run)


def run():
    with Sandbox(tls=False) as sb:
        # Killed at chosen steps of a rename move.
        for fault in ("move.locked=kill", "move.renamed@1=kill", "move.renamed@60=kill",
                      "move.renamed@%d=kill" % N, "move.dst-committed=kill",
                      "move.src-committed=kill"):
            reset(sb)
            died = move_killed(sb, "INBOX", "Target", fault=fault)
            T.ok(died, "%s: the server died in the MOVE" % fault)
            check_once(sb, "INBOX", "Target", N, fault)
        # Killed from outside at random moments of a longer MOVE (a
        # thousand messages), spread over the time one takes.
        big = 1000
        reset(sb, big)
        p, c = login(sb)
        c.cmd("SELECT INBOX")
        t0 = time.time()
        c.cmd("MOVE 1:* Target")
        span = time.time() - t0
        c.cmd("LOGOUT")
        c.close()
        p.wait(timeout=10)
        T.note("MOVE of %d messages took %.1f ms" % (big, span * 1000))
        rnd = random.Random(6851)
        partial = 0
        for i in range(8):
            reset(sb, big)
            delay = rnd.uniform(0.0, span * 1.2)
            move_killed(sb, "INBOX", "Target", after=delay)
            a, b = check_once(sb, "INBOX", "Target", big, "kill -9 after %.1f ms" % (delay * 1000))
            partial += 0 < a < big
        T.note("%d of 8 random kills left the move half done" % partial)
        # Two sessions moving in opposite directions at once: the two
        # folder locks are taken in one order, so neither waits forever.
        reset(sb)
        p1, c1 = login(sb)
        p2, c2 = login(sb)
        c1.cmd("SELECT INBOX")
        c2.cmd("SELECT Target")
        t0 = time.time()
        for i in range(15):
            c1.send("a%d MOVE 1:* Target\r\n" % i)
            c2.send("b%d MOVE 1:* INBOX\r\n" % i)
            for c, tag in ((c1, "a%d" % i), (c2, "b%d" % i)):
                while True:
                    line = c.read_line()
                    if line is None or line.startswith(tag + " "):
                        break
        T.ok(time.time() - t0 < 30, "opposite MOVEs in two sessions never wait on each other "
             "(%.1f s for 15 rounds)" % (time.time() - t0))
        for p, c in ((p1, c1), (p2, c2)):
            c.cmd("LOGOUT")
            c.close()
            p.wait(timeout=10)
        check_once(sb, "INBOX", "Target", N, "after opposite MOVEs")
        # Across file systems: the Target is a tmpfs mounted in the mail
        # root (a symlink out of it would leave the session's Landlock
        # confinement), so rename(2) says EXDEV and the server copies.
        if os.geteuid() != 0:
            T.skip("MOVE across file systems", "mounting a tmpfs needs root")
        else:
            mnt = sb.folder(USER, "Target")
            try:
                across(sb, mnt)
            finally:
                subprocess.run(["umount", "-l", mnt], capture_output=True)


if __name__ == "__main__":
    main()

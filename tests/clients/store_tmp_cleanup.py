#!/usr/bin/env python3
"""store_tmp_cleanup.py - what killed sessions leave in tmp/ goes away.

An imapd killed (SIGKILL) while a large APPEND is being spooled leaves its
spool file in the root's tmp/; the next login removes it.  A file of a
writer that is still alive (here, a spool named for a live process) stays,
and so does one named for the killed process on another host.
"""

import os
import signal
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import USER, PASSWORD, Sandbox, Tap  # noqa: E402

tap = Tap("tmp-cleanup")


def tmp_files(sb):
    d = os.path.join(sb.mail, USER, "tmp")
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


def killed_appends_cleaned(sb):
    left = []
    for i in range(3):
        p, c = sb.imapd_pipe()
        c.greeting()
        _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
        assert " OK " in t, t
        c.send("a APPEND INBOX {1000000}\r\n")
        assert c.read_line().startswith("+")
        c.send(b"x" * 400000)
        # Wait until the spool file has taken what was sent, then kill.
        deadline = time.time() + 10
        while time.time() < deadline and not tmp_files(sb):
            time.sleep(0.02)
        time.sleep(0.2)
        os.kill(p.pid, signal.SIGKILL)
        p.wait(5)
        left = [n for n in tmp_files(sb) if n.endswith(".spool")]
        assert left, "no spool file"
    # A live writer's spool (this test's own pid) and another host's.
    names = [n for n in left]
    base = names[0]
    host = base.split(".", 2)[2]  # "<sec>.M<usec>P<pid>Q<n>.<host>.spool"
    live = "%d.M1P%dQ1.%s" % (int(time.time()), os.getpid(), host)
    pid = base.split("P", 1)[1].split("Q", 1)[0]
    other = "%d.M1P%sQ1.elsewhere.example,S=5,W=5" % (int(time.time()), pid)
    for n in (live, other):
        with open(os.path.join(sb.mail, USER, "tmp", n), "w") as f:
            f.write("Subject: x\r\n")
    p, c = sb.imapd_pipe()
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    c.cmd("LOGOUT")
    p.wait(5)
    assert tmp_files(sb) == sorted([live, other]), tmp_files(sb)
    assert "removed 1 file left in" in sb.logtext(), sb.logtext()
    return True


def main():
    tests = [
        ("spools of killed sessions are removed at the next login, live ones stay",
         killed_appends_cleaned),
    ]
    for name, fn in tests:
        with Sandbox() as sb:
            tap.check(name, lambda: fn(sb))
    tap.done()


if __name__ == "__main__":
    main()

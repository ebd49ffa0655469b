#!/usr/bin/env python3
"""rename_crash.py - a RENAME of a mailbox with inferiors (RFC2060 §6.3.5)
that dies or fails half way leaves the hierarchy whole, and a retry works.

imapd runs under the fault injector (tests/lib/faultinject.c), which
kills it (SIGKILL) before its n-th file system call under the mail root
during RENAME, for every n the RENAME makes; or makes its n-th rename(2)
fail with EIO.  After each, a fresh session (the next open) must see:

  - every mailbox of the hierarchy under the old name or every one under
    the new name, never some of each;
  - each folder with its UIDVALIDITY, its messages and their UIDs;
  - nothing left behind (journal, work directories);
  - a failed RENAME answered NO, and the retry of the RENAME answered OK.

The same for RENAME INBOX, which moves INBOX's messages into a new
mailbox: each message in exactly one of the two, never lost, never twice.

Before the journal (store/folderlog.c), a kill after the first rename(2)
left "Q" beside "P.x" and "P.y", and the retry answered "Mailbox Q
already exists".
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, Sandbox, Tap, me  # noqa: E402
from faultlib import Session, injector, message, orphans, snapshot  # noqa: E402

TAP = Tap("rename crash")
TREE = ["P", "P.x", "P.y", "P.x.z"]


def renamed(names, old, new):
    return [new + n[len(old):] for n in names]


def setup(sb):
    s = Session(sb, inject=False)
    for i, name in enumerate(TREE):
        assert " OK" in s.cmd("CREATE", name)[1]
        assert " OK" in s.cmd("APPEND", name, message("%s-1" % name))[1]
        assert " OK" in s.cmd("APPEND", name, message("%s-2" % name))[1]
    for i in range(3):
        assert " OK" in s.cmd("APPEND INBOX", message("inbox-%d" % i))[1]
    s.close()


def shape(boxes, names):
    """{name: (uidvalidity, {uid: id})} of names present in boxes."""
    return {n: (boxes[n].uidvalidity, {u: m[0] for u, m in boxes[n].msgs.items()})
            for n in names if n in boxes}


def hierarchy_case(sb, at, action, problems):
    """One RENAME P Q under a fault at call `at`; returns (killed, answer)."""
    _, before = snapshot(sb, problems)
    old = shape(before, TREE)
    s = Session(sb, at=at, action=action, calls=None if action == "kill" else "rename")
    _, t, calls = s.armed("RENAME P Q")
    killed = t is None
    if killed and not s.killed():
        problems.append("call %d: the session ended without being killed" % at)
    s.close()
    _, after = snapshot(sb, problems)
    left = orphans(os.path.join(sb.mail, me()))
    if left:
        problems.append("call %d: left behind after the next open: %s" % (at, left))
    now_old, now_new = shape(after, TREE), shape(after, renamed(TREE, "P", "Q"))
    if now_old == old and not now_new:
        state = "old"
    elif not now_old and now_new == dict(zip(renamed(TREE, "P", "Q"), old.values())):
        state = "new"
    else:
        problems.append("call %d (%s): the hierarchy is neither whole under P nor under Q: "
                        "P: %r Q: %r" % (at, action, sorted(now_old), sorted(now_new)))
        return killed, t, None
    if t is not None and " OK" in t and state != "new":
        problems.append("call %d: RENAME answered %r but the mailboxes are still under P" % (at, t))
    if t is not None and " NO" in t and state != "old":
        problems.append("call %d: RENAME answered %r but the mailboxes moved" % (at, t))
    r = Session(sb, inject=False)
    if state == "old":
        _, t2 = r.cmd("RENAME P Q")
        if t2 is None or " OK" not in t2:
            problems.append("call %d: the retry of RENAME P Q answered %r" % (at, t2))
    _, t3 = r.cmd("RENAME Q P")
    if t3 is None or " OK" not in t3:
        problems.append("call %d: RENAME Q P (putting it back) answered %r" % (at, t3))
    r.close()
    return killed, t, state


def inbox_case(sb, at, problems):
    """RENAME INBOX R killed at call `at`; every INBOX message stays in
    exactly one of INBOX and R."""
    _, before = snapshot(sb, problems)
    ids = sorted(m[0] for m in before["INBOX"].msgs.values())
    s = Session(sb, at=at, action="kill")
    _, t, calls = s.armed("RENAME INBOX R")
    s.close()   # and reaped: a zombie's pid still counts as alive
    _, after = snapshot(sb, problems)
    left = orphans(os.path.join(sb.mail, me()))
    if left:
        problems.append("INBOX call %d: left behind: %s" % (at, left))
    got = sorted(m[0] for b in ("INBOX", "R") if b in after for m in after[b].msgs.values())
    if got != ids:
        problems.append("INBOX call %d: messages %r, expected %r" % (at, got, ids))
    r = Session(sb, inject=False)
    if "R" not in after:
        _, t2 = r.cmd("RENAME INBOX R")
        if t2 is None or " OK" not in t2:
            problems.append("INBOX call %d: the retry answered %r" % (at, t2))
    elif after["INBOX"].msgs and t is None:
        problems.append("INBOX call %d: killed with messages in both INBOX and R" % at)
    # Put the messages back for the next round.
    r.cmd("SELECT R")
    r.cmd("COPY 1:* INBOX")
    r.cmd("CLOSE")
    _, t4 = r.cmd("DELETE R")
    if t4 is None or " OK" not in t4:
        problems.append("INBOX call %d: DELETE R answered %r" % (at, t4))
    r.close()
    return t


def main():
    TAP.need(IMAPD)
    if injector() is None:
        TAP.bail("the fault injector is not built (make check builds it)")
    with Sandbox(sasl=False, tls=False, prefix="rename-crash-") as sb:
        setup(sb)
        # How many counted calls a RENAME of the hierarchy makes.
        s = Session(sb)
        _, t, calls = s.armed("RENAME P Q")
        s.close()
        TAP.ok(t is not None and " OK" in t and len(calls) >= len(TREE),
               "RENAME P Q of %d mailboxes makes %d file system calls" % (len(TREE), len(calls)),
               "%r %r" % (t, calls))
        r = Session(sb, inject=False)
        r.cmd("RENAME Q P")
        r.close()
        n = len(calls)
        problems, states = [], {}
        for at in range(1, n + 1):
            killed, t, state = hierarchy_case(sb, at, "kill", problems)
            states[state] = states.get(state, 0) + 1
        TAP.ok(not problems, "killed before each of the %d calls: the hierarchy is whole under one "
               "name, with its UIDs; a retry works; nothing left (%s)" %
               (n, ", ".join("%s %d" % (k, v) for k, v in sorted(states.items(), key=str))),
               "\n".join(problems[:12]))
        renames = [c for c in calls if c[1].startswith("rename")]
        problems = []
        answers = []
        for at in range(1, len(renames) + 1):
            killed, t, state = hierarchy_case(sb, at, "EIO", problems)
            answers.append(t.split(" ", 2)[1] if t else None)
        TAP.ok(not problems and "NO" in answers,
               "an EIO from each of its %d rename calls: NO, the hierarchy back under P, the "
               "retry OK (answers %s)" % (len(renames), " ".join(map(str, answers))),
               "\n".join(problems[:12]))
        s = Session(sb)
        _, t, calls = s.armed("RENAME INBOX R")
        s.close()
        r = Session(sb, inject=False)
        r.cmd("SELECT R")
        r.cmd("COPY 1:* INBOX")
        r.cmd("CLOSE")
        r.cmd("DELETE R")
        r.close()
        problems = []
        for at in range(1, len(calls) + 1):
            inbox_case(sb, at, problems)
        TAP.ok(not problems, "RENAME INBOX killed before each of its %d calls: each message in "
               "exactly one of INBOX and the new mailbox; a retry works" % len(calls),
               "\n".join(problems[:12]))


if __name__ == "__main__":
    TAP.main(main)

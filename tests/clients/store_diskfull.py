#!/usr/bin/env python3
"""store_diskfull.py - a full disk (ENOSPC) and a failing disk (EIO) under
every store write: clean NO answers and nothing half-written.

    store_diskfull.py [--all] [--seed S] [--no-tmpfs]

Part 1, the fault injector (tests/lib/faultinject.c): for APPEND (small,
and large enough to be spooled), COPY, MOVE, STORE (flags and a new keyword),
EXPUNGE, CREATE, DELETE, RENAME of a hierarchy and the SELECT that takes
in an MTA's delivery, imapd's n-th file system call under the mail root
fails, for each n the command makes: with ENOSPC, and every later call
that needs room too (the disk stays full); or with EIO, that call only.
Each time:

  - the command gets its tagged answer, OK or NO (no BAD, no BYE, no
    crash, no hang), and the session goes on (NOOP answers OK);
  - right after the answer no temporary file of the command is left
    (tmp/, "<file>.tmp<pid>"), and after the next open nothing at all;
  - a NO changed nothing that the client can see: APPEND and COPY added
    nothing (RFC3501 §6.4.7: the destination as before), MOVE moved
    nothing (RFC6851 §3.3, and never a message in both mailboxes or in
    neither), CREATE made no
    mailbox, DELETE removed none, RENAME moved none; STORE and EXPUNGE,
    which go message by message, left each message old or new;
  - an OK did all of it; no message shows a size other than its own
    (no truncated file was indexed); UIDs, UIDNEXT, UIDVALIDITY as in
    store_kill.py.

`make check` tries every ENOSPC point and a random half of the EIO points;
--all (make torture) every point of both.

Part 2, as root: the mail on a small tmpfs (1 MB, then few inodes) in a
private mount namespace; APPEND of 60 kB messages until the disk is
full, CREATE until the inodes run out: NO, every message answered OK
there exactly once and whole, nothing left in tmp/; after an EXPUNGE
frees room, APPEND works again.
"""

import argparse
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, Sandbox, Tap, me  # noqa: E402
from faultlib import (Session, compare_box, in_private_namespace, injector,  # noqa: E402
                      list_names, message, mount_fs, orphans, relay_tap, snapshot)

TAP = Tap("disk full")
TREE = ["P", "P.x", "P.y"]


class Scene:
    """One sandbox, its mailboxes, and the size of every message made."""

    def __init__(self, sb):
        self.sb = sb
        self.root = os.path.join(sb.mail, me())
        self.sizes = {}
        self.n = 0
        self.boxes = {}

    def msg(self, size=0):
        self.n += 1
        tid = "d%d" % self.n
        data = message(tid, size)
        self.sizes[tid] = len(data)
        return tid, data

    def plain(self):
        return Session(self.sb, inject=False)

    def setup(self):
        s = self.plain()
        for name in ["A", "B"] + TREE:
            s.cmd("CREATE", name)
        for box in ["INBOX", "A", "B", "P", "P.x"]:
            for _ in range(3):
                s.cmd("APPEND", box, self.msg()[1])
        s.close()

    def refresh(self, problems):
        _, self.boxes = snapshot(self.sb, problems)
        return self.boxes

    def leftovers_now(self):
        """Temporary files under the root right now (the session is alive:
        what is there is its own)."""
        found = []
        for d in [self.root] + [os.path.join(self.root, e) for e in os.listdir(self.root)
                                if e.startswith(".") and e not in (".", "..")]:
            tmp = os.path.join(d, "tmp")
            if os.path.isdir(tmp):
                found += [os.path.join(tmp, f) for f in os.listdir(tmp) if not f.endswith(".mta")]
            if os.path.isdir(d):
                found += [os.path.join(d, f) for f in os.listdir(d) if re.search(r"\.tmp\d+$", f)]
        return found


# ---- the cases: (name, set-up, command, expectation) ----------------------------------
#
# prepare(scene, session) runs unarmed and returns (command parts, expect),
# expect(answer) -> {mailbox: compare_box() arguments} plus the special keys
# "__names__" (the set of mailbox names there must be) and "__undo__" (a
# function that puts the scene back for the next case).

def case_append(size):
    def prepare(sc, s):
        tid, data = sc.msg(size)

        def expect(ans):
            one = {tid: 1}
            return {"INBOX": dict(add_exact=one if ans == "OK" else {}, add_flags={tid: frozenset(["\\Seen"])})}
        return ("APPEND INBOX (\\Seen)", data), expect
    return prepare


def prep_copy(sc, s):
    s.cmd("SELECT A")
    uids = sorted(sc.boxes["A"].msgs)[:3]
    ids = {}
    for u in uids:
        ids[sc.boxes["A"].msgs[u][0]] = ids.get(sc.boxes["A"].msgs[u][0], 0) + 1

    def expect(ans):
        return {"B": dict(add_exact=ids if ans == "OK" else {})}
    return ("COPY 1:3 B",), expect


def prep_move(sc, s):
    """MOVE of three messages out of a mailbox of its own into B: an OK
    moved each, a NO left each where it was (RFC6851 §3.3), never in both
    or in neither."""
    sc.n += 1
    box = "M%d" % sc.n
    p = sc.plain()
    p.cmd("CREATE", box)
    for _ in range(3):
        p.cmd("APPEND", box, sc.msg()[1])
    p.close()
    sc.refresh([])
    s.cmd("SELECT", box)
    uids = set(sc.boxes[box].msgs)
    ids = {}
    for u in uids:
        ids[sc.boxes[box].msgs[u][0]] = ids.get(sc.boxes[box].msgs[u][0], 0) + 1

    def undo(plain):
        plain.cmd("DELETE", box)

    def expect(ans):
        moved = ans == "OK"
        return {box: dict(must_go=uids if moved else ()), "B": dict(add_exact=ids if moved else {}),
                "__undo__": undo}
    return ("MOVE 1:3 B",), expect


def prep_store(sc, s):
    """STORE of a flag and a keyword new to a mailbox of its own (so that
    every run writes dovecot-keywords too)."""
    sc.n += 1
    box = "S%d" % sc.n
    p = sc.plain()
    p.cmd("CREATE", box)
    for _ in range(3):
        p.cmd("APPEND", box, sc.msg()[1])
    p.close()
    sc.refresh([])
    s.cmd("SELECT", box)
    add = frozenset(["\\Flagged", "$Full"])

    def undo(plain):
        plain.cmd("DELETE", box)

    def expect(ans):
        def rule(uid, old):
            return [old | add] if ans == "OK" else [old, old | add]
        return {box: dict(flag_rule=rule), "__undo__": undo}
    return ("STORE 1:3 +FLAGS (%s)" % " ".join(sorted(add)),), expect


def prep_expunge(sc, s):
    s.cmd("SELECT INBOX")
    s.cmd("STORE 1:2 +FLAGS.SILENT (\\Deleted)")
    _, now = snapshot(sc.sb)
    sc.boxes = now
    doomed = {u for u, m in now["INBOX"].msgs.items() if "\\Deleted" in m[1]}

    def expect(ans):
        return {"INBOX": dict(must_go=doomed if ans == "OK" else (), may_go=doomed)}
    return ("EXPUNGE",), expect


def prep_create(sc, s):
    def undo(plain):
        plain.cmd("DELETE T")

    def expect(ans):
        return {"__names__": ("T",) if ans == "OK" else (), "__undo__": undo, "__only__": "T"}
    return ("CREATE T",), expect


def prep_delete(sc, s):
    p = sc.plain()
    p.cmd("CREATE T")
    p.close()
    sc.refresh([])

    def undo(plain):
        plain.cmd("DELETE T")

    def expect(ans):
        return {"__names__": () if ans == "OK" else ("T",), "__undo__": undo, "__only__": "T"}
    return ("DELETE T",), expect


def prep_rename(sc, s):
    def undo(plain):
        plain.cmd("RENAME Q P")

    def expect(ans):
        return {"__rename__": ("P", "Q"), "__undo__": undo}
    return ("RENAME P Q",), expect


def prep_delivery(sc, s):
    tids = []
    for _ in range(2):
        tid, data = sc.msg(1500)
        sc.sb.deliver(me(), "INBOX", data.decode())
        tids.append(tid)

    def expect(ans):
        # The MTA's messages are there whatever SELECT answered.
        return {"INBOX": dict(add_exact={t: 1 for t in tids})}
    return ("SELECT INBOX",), expect


CASES = [
    ("APPEND", case_append(0)),
    ("APPEND 300 kB", case_append(300000)),
    ("COPY", prep_copy),
    ("MOVE", prep_move),
    ("STORE", prep_store),
    ("EXPUNGE", prep_expunge),
    ("CREATE", prep_create),
    ("DELETE", prep_delete),
    ("RENAME", prep_rename),
    ("SELECT after a delivery", prep_delivery),
]


def run_case(sc, name, prepare, at, action, problems, stats):
    where = "%s, %s at call %d" % (name, action, at)
    old = sc.refresh(problems)
    s = Session(sc.sb, at=at, action=action, sticky=action == "ENOSPC")
    parts, expect = prepare(sc, s)
    old = sc.boxes
    u, t, calls = s.armed(*parts)
    answer = t.split(" ", 2)[1] if t else None
    stats[answer] = stats.get(answer, 0) + 1
    fired = any(c[3] for c in calls)
    if t is None:
        problems.append("%s: no tagged answer (imapd %s)" % (where, "died" if s.p.poll() is not None
                                                              else "closed"))
    elif answer not in ("OK", "NO"):
        problems.append("%s: answered %r" % (where, t))
    elif answer == "NO" and not t.split(" ", 2)[2:]:
        problems.append("%s: a NO without text" % where)
    elif answer == "NO" and not fired:
        problems.append("%s: NO though no call failed: %r" % (where, t))
    for line in u:
        if line.startswith("* BYE"):
            problems.append("%s: %s" % (where, line))
    left = sc.leftovers_now() if t is not None else []
    # A file whose own unlink was the call that failed stays until the
    # next open (orphans() below); anything else is left behind.
    left = [f for f in left if not any(c[3] and c[1].startswith("unlink") and c[2] == f
                                       for c in calls)]
    if left:
        problems.append("%s: left behind right after the answer: %s" % (where, left[:3]))
    if t is not None:
        _, t2 = s.cmd("NOOP")
        if t2 is None or " OK" not in t2:
            problems.append("%s: the session did not go on: NOOP answered %r" % (where, t2))
    s.close()
    new = sc.refresh(problems)
    gone = orphans(sc.root)
    if gone:
        problems.append("%s: left behind after the next open: %s" % (where, gone[:3]))
    exp = expect(answer)
    undo = exp.pop("__undo__", None)
    names_must = exp.pop("__names__", None)
    only = exp.pop("__only__", None)
    rename = exp.pop("__rename__", None)
    if names_must is not None and set(n for n in new if n == only) != set(names_must):
        problems.append("%s (%s): mailbox %s %s" % (where, answer, only,
                                                   "missing" if names_must else "still there"))
    if rename:
        a, b = rename
        olds = [a + n[len(a):] for n in TREE]
        news = [b + n[len(a):] for n in TREE]
        have_old = [n for n in olds if n in new]
        have_new = [n for n in news if n in new]
        want_new = answer == "OK"
        if (have_new, have_old) != ((news, []) if want_new else ([], olds)):
            problems.append("%s (%s): after RENAME %s %s: %s" % (where, answer, a, b,
                                                               sorted(have_old + have_new)))
        for n in olds:
            if n in old and (b + n[len(a):]) in new:
                new[n] = new.pop(b + n[len(a):])
    for box in old:
        if box == only or box not in new:
            if box not in new and box != only:
                problems.append("%s (%s): mailbox %s is gone" % (where, answer, box))
            continue
        compare_box(problems, "%s (%s): %s" % (where, answer, box), old[box], new[box],
                    **exp.get(box, {}))
    for box in new.values():
        for uid, (tid, _, _) in box.msgs.items():
            want = sc.sizes.get(tid)
            if want is None or box.sizes.get(uid) != want:
                problems.append("%s (%s): %s UID %d (%s) has RFC822.SIZE %s, its message %s" %
                                (where, answer, box.name, uid, tid, box.sizes.get(uid), want))
    if undo:
        p = sc.plain()
        undo(p)
        p.close()
    return calls


def part_injector(tap, every_eio, rng):
    with Sandbox(sasl=False, tls=False, prefix="diskfull-") as sb:
        sc = Scene(sb)
        sc.setup()
        sc.refresh([])
        for name, prepare in CASES:
            problems, stats = [], {}
            calls = run_case(sc, name, prepare, 0, "ENOSPC", problems, {})
            n = len(calls)
            points = 0
            for action in ("ENOSPC", "EIO"):
                ats = list(range(1, n + 1))
                if action == "EIO" and not every_eio:
                    ats = sorted(rng.sample(ats, (n + 1) // 2))
                for at in ats:
                    run_case(sc, name, prepare, at, action, problems, stats)
                    points += 1
                    if len(problems) > 30:
                        break
            tap.ok(n > 0 and not problems, "%s: %d calls, a fault at %d points: %s; clean, "
                   "nothing half-written" % (name, n, points, ", ".join(
                       "%d %s" % (v, k or "no answer") for k, v in sorted(stats.items(), key=str))),
                   "\n".join(problems[:15]))
            # Trim INBOX now and then.
            if len(sc.boxes.get("INBOX").msgs) > 30:
                p = sc.plain()
                p.cmd("SELECT INBOX")
                p.cmd("STORE 1:20 +FLAGS.SILENT (\\Deleted)")
                p.cmd("EXPUNGE")
                p.close()


def part_tmpfs(tap):
    """A real full disk: a 1 MB tmpfs, then one with few inodes."""
    with Sandbox(sasl=False, tls=False, prefix="diskfull-tmpfs-") as sb:
        try:
            undo = mount_fs("tmpfs", sb.mail, size_mb=1)
        except (OSError, subprocess.CalledProcessError) as e:
            tap.skip("a small tmpfs", "cannot mount one: %s" % e)
            return
        try:
            sc = Scene(sb)
            s = sc.plain()
            ok_ids, answers = [], []
            for i in range(40):
                tid, data = sc.msg(60000)
                _, t = s.cmd("APPEND INBOX", data)
                answers.append(t.split(" ", 2)[1] if t else None)
                if t and " OK" in t:
                    ok_ids.append(tid)
                if t is None or " NO" in t:
                    break
            problems = []
            if answers[-1] != "NO":
                problems.append("APPEND until full: answers %s" % answers)
            left = sc.leftovers_now()
            if left:
                problems.append("left in tmp/ after the NO: %s" % left)
            _, t = s.cmd("NOOP")
            if t is None or " OK" not in t:
                problems.append("NOOP after the NO: %r" % t)
            s.close()
            _, boxes = snapshot(sb, problems)
            got = sorted(m[0] for m in boxes["INBOX"].msgs.values())
            if got != sorted(ok_ids):
                problems.append("INBOX holds %s, the OK'd APPENDs were %s" % (got, sorted(ok_ids)))
            bad = [u for u, m in boxes["INBOX"].msgs.items()
                   if boxes["INBOX"].sizes.get(u) != sc.sizes.get(m[0])]
            if bad:
                problems.append("messages with the wrong size: %s" % bad)
            # Room again: expunge two, append one.
            s = sc.plain()
            s.cmd("SELECT INBOX")
            s.cmd("STORE 1:2 +FLAGS.SILENT (\\Deleted)")
            _, te = s.cmd("EXPUNGE")
            tid, data = sc.msg(60000)
            _, ta = s.cmd("APPEND INBOX", data)
            s.close()
            if te is None or " OK" not in te or ta is None or " OK" not in ta:
                problems.append("after the disk was full: EXPUNGE %r, APPEND %r" % (te, ta))
            gone = orphans(sc.root)
            if gone:
                problems.append("left behind: %s" % gone)
            tap.ok(not problems and len(ok_ids) > 3,
                   "a 1 MB tmpfs: %d APPENDs of 60 kB OK, then NO; every OK'd message there "
                   "once and whole, none of the rest, nothing in tmp/; after an EXPUNGE, APPEND "
                   "works again" % len(ok_ids), "\n".join(problems))
        finally:
            sb.reap()
            undo()
    with Sandbox(sasl=False, tls=False, prefix="diskfull-inodes-") as sb:
        undo = mount_fs("tmpfs", sb.mail, size_mb=16, inodes=60)
        try:
            sc = Scene(sb)
            s = sc.plain()
            answers = []
            made = []
            for i in range(40):
                _, t = s.cmd("CREATE F%d" % i)
                answers.append(t.split(" ", 2)[1] if t else None)
                if t and " OK" in t:
                    made.append("F%d" % i)
                if t is None or " NO" in t:
                    break
            problems = []
            if answers[-1] != "NO":
                problems.append("CREATE until no inode is left: answers %s" % answers)
            _, t = s.cmd("NOOP")
            if t is None or " OK" not in t:
                problems.append("NOOP after the NO: %r" % t)
            # Reading a mailbox makes its index files: with no inode
            # left, EXAMINE of one never opened has to answer NO.
            _, t = s.cmd("EXAMINE", made[-1] if made else "INBOX")
            if t is None or t.split(" ", 2)[1] not in ("OK", "NO"):
                problems.append("EXAMINE with no inode left: %r" % t)
            u, t = s.cmd('LIST "" "F*"')
            s.close()
            have = sorted(list_names(u))
            if have != sorted(made):
                problems.append("mailboxes %s, the OK'd CREATEs were %s" % (have, sorted(made)))
            gone = orphans(sc.root)
            if gone:
                problems.append("left behind: %s" % gone)
            tap.ok(not problems and made,
                   "a tmpfs of 60 inodes: %d CREATEs OK, then NO; exactly those mailboxes, "
                   "nothing half made" % len(made), "\n".join(problems))
        finally:
            sb.reap()
            undo()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true", help="every EIO point too")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--no-tmpfs", action="store_true")
    ap.add_argument("--tmpfs-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    TAP.need(IMAPD)
    if args.tmpfs_only:
        part_tmpfs(TAP)
        return
    if injector() is None:
        TAP.bail("the fault injector is not built (make check builds it)")
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    TAP.note("seed %d" % seed)
    part_injector(TAP, args.all, random.Random(seed))
    if args.no_tmpfs:
        return
    why = []
    rc = in_private_namespace([os.path.abspath(__file__), "--tmpfs-only"], why, capture=True)
    if rc is None:
        TAP.skip("a small tmpfs", why[0] if why else "?")
        return
    status, out = rc
    relay_tap(TAP, out)
    if status != 0 and "not ok" not in out:
        TAP.ok(False, "the tmpfs part exited with %d" % status, out[-1500:])


if __name__ == "__main__":
    TAP.main(main)

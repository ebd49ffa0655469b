#!/usr/bin/env python3
"""store_kill.py - kill -9 imapd at random points of APPEND, COPY, MOVE,
EXPUNGE, STORE, RENAME, CREATE/DELETE and while it takes in an external
delivery, and check what the store keeps.

    store_kill.py [--kills N] [--seed S] [--max-seconds T]

Each round starts imapd (rimapd on a pipe) under the fault injector
(tests/lib/faultinject.c), sets the scene unarmed (SELECT, a STORE of
\\Deleted before EXPUNGE), then runs one command armed: the injector
sends SIGKILL to imapd before its n-th file system call under the mail
root, n drawn at random up to the number of calls that command made the
last time (so every step of a store write gets hit: the message file,
its fsync, the rename into cur/, the index log record, its fdatasync, a
snapshot, the UIDVALIDITY file, the RENAME journal...).  "External
delivery" is an MTA (a forked child writing tmp/ then renaming into new/)
killed after a random delay, then imapd killed while it indexes what
arrived.  After every round a fresh session (the next open) reads every
mailbox, and the checker compares it with the state before:

  - nothing answered OK is lost or duplicated: an APPENDed, COPYed or
    MOVEd message is there exactly once, an EXPUNGEd one is gone, a STOREd
    flag is set; a message an MTA renamed into new/ appears exactly once;
  - what was cut short is all or nothing per message: a message appended
    0 or 1 times, copied at most once, moved exactly once (in the source
    or the target, never both, never neither), each flag change old or new;
    a RENAME whole under the old name or the new one;
  - no message changes UID or content, UIDNEXT never goes down, a new
    message's UID is at least the UIDNEXT before, UIDVALIDITY stays;
  - with CONDSTORE, HIGHESTMODSEQ and each message's MODSEQ never go down
    (skipped, with a note, when the server does not advertise CONDSTORE);
  - MOVE only when CAPABILITY has MOVE (skipped with a note otherwise);
  - nothing a crashed writer left survives the next open (faultlib.orphans).

`make check` runs a short round (--kills 60); `make torture` 1,000.  The
last lines are "# figure:" lines that tools/torture.sh collects.
"""

import argparse
import collections
import os
import random
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, Sandbox, Tap, me  # noqa: E402
from faultlib import (FS_KINDS, Session, in_private_namespace, injector, message,  # noqa: E402
                      compare_box, mount_fs, orphans, relay_tap, snapshot, torture_id)

TAP = Tap("store kill")
Counter = collections.Counter
BOXES = ["INBOX", "A", "B"]
TREE = ["x", "y", "x.z"]      # inferiors of P (or Q, after a RENAME)
FLAGS = ["\\Seen", "\\Flagged", "\\Answered", "\\Draft", "$Torture", "$Junk"]


class Round:
    """What one round did: the op, its answer, whether imapd was killed."""

    def __init__(self, op):
        self.op = op
        self.answer = None      # "OK", "NO", "BAD" or None (no tagged answer)
        self.killed = False
        self.calls = 0
        self.detail = ""
        self.kind = op          # what pick_at() keeps call counts by


class Torture:
    def __init__(self, sb, rng, problems):
        self.sb = sb
        self.rng = rng
        self.problems = problems
        self.root = os.path.join(sb.mail, me())
        self.next_id = 0
        self.caps = set()
        self.boxes = {}
        self.ops_seen = Counter()
        self.killed = Counter()
        self.answers = Counter()
        self.maxcalls = {}
        self.top = "P"           # where the hierarchy is now
        self.t_exists = False    # the CREATE/DELETE mailbox
        self.only = None         # --ops

    # -- helpers --
    def new_id(self):
        self.next_id += 1
        return "m%d" % self.next_id

    def refresh(self):
        caps, boxes = snapshot(self.sb, self.problems)
        self.caps = caps
        self.boxes = boxes
        return boxes

    def setup(self):
        s = Session(self.sb, inject=False)
        for name in ["A", "B", "P"] + ["P." + t for t in TREE]:
            s.cmd("CREATE", name)
        for box in BOXES + ["P", "P.x"]:
            for _ in range(3):
                s.cmd("APPEND", box, message(self.new_id()))
        s.close()
        self.refresh()

    def pick_at(self, r):
        """The call to kill at: random up to what the command made the
        last times (its kind: an APPEND of 300 kB makes many more calls
        than one of 100 octets)."""
        n = self.maxcalls.get(r.kind)
        if n is None:
            return 0  # the first round of an op counts its calls
        return self.rng.randint(1, max(1, int(n * 1.1) + 1))

    def run_armed(self, r, s, *cmd):
        u, t, calls = s.armed(*cmd)
        r.calls = len(calls)
        if t is None:
            r.killed = s.killed()
            if calls:
                r.detail += "; killed before %s %s" % (calls[-1][1], os.path.relpath(
                    calls[-1][2], self.root))
            if not r.killed:
                self.problems.append("%s: imapd ended without an answer and was not killed "
                                     "(exit %r)" % (r.op, s.p.poll()))
        else:
            r.answer = t.split(" ", 2)[1]
            self.maxcalls[r.kind] = max(self.maxcalls.get(r.kind, 0), len(calls))
        return u, t

    def seqs(self, box, k):
        """Up to k random sequence numbers of box (by current order)."""
        n = len(self.boxes[box].msgs)
        if n == 0:
            return []
        return sorted(self.rng.sample(range(1, n + 1), min(k, n)))

    def uids_by_seq(self, box):
        return sorted(self.boxes[box].msgs)

    # -- checking --
    def compare(self, r, name, old, new, **kw):
        where = "%s (%s, %s): %s" % (r.op, r.answer or "killed", r.detail, name)
        return compare_box(self.problems, where, old, new, **kw)

    def check_round(self, r, old, new, changed):
        """Compare every mailbox; changed[name] = compare() arguments for
        the ones the op may have changed."""
        expect = set(old)
        renamed = changed.pop("__rename__", None)
        t_alt = changed.pop("__t__", None)
        names = set(new)
        if renamed:
            a, b = renamed
            olds = {a} | {a + "." + t for t in TREE}
            news = {b} | {b + "." + t for t in TREE}
            if olds <= names and not (news & names):
                pass
            elif news <= names and not (olds & names):
                if r.answer == "OK" or r.answer is None:
                    for n in olds:
                        new[n] = new.pop(n.replace(a, b, 1))
                    names = set(new)
                    self.top = b
            else:
                self.problems.append("RENAME %s %s (%s): the hierarchy is split: %s" %
                                     (a, b, r.answer or "killed", sorted(names)))
                return
            if r.answer == "OK" and self.top != b:
                self.problems.append("RENAME %s %s answered OK; the mailboxes did not move" % (a, b))
        if t_alt is not None:
            expect.discard("T")
            names.discard("T")
            if r.answer == "OK" and ("T" in new) != t_alt:
                self.problems.append("%s T answered OK but T %s" % (r.op, "is missing" if t_alt
                                                                    else "still exists"))
            if "T" in new and new["T"].msgs:
                self.problems.append("%s T: T has messages %r" % (r.op, new["T"]))
            self.t_exists = "T" in new
            new.pop("T", None)
            old.pop("T", None)
        if names != expect and not renamed:
            self.problems.append("%s: mailboxes %s became %s" % (r.op, sorted(expect), sorted(names)))
        added = {}
        for name in old:
            if name not in new:
                if not renamed:
                    self.problems.append("%s: mailbox %s is gone" % (r.op, name))
                continue
            added[name] = self.compare(r, name, old[name], new[name], **changed.get(name, {}))
        return added

    # -- the operations --
    def op_append(self, r):
        box = self.rng.choice(BOXES)
        tid = self.new_id()
        flags = frozenset(self.rng.sample(FLAGS[:4], self.rng.randint(0, 2)))
        size = self.rng.choice([0, 0, 3000, 300000])
        r.detail = "%s into %s, %d octets" % (tid, box, size)
        r.kind = "APPEND %d" % size
        s = Session(self.sb, at=self.pick_at(r))
        self.run_armed(r, s, "APPEND %s (%s)" % (box, " ".join(sorted(flags))),
                       message(tid, size))
        return s, {box: dict(add_exact=Counter({tid: 1}) if r.answer == "OK" else None,
                             add_max=Counter({tid: 1}), add_flags={tid: flags})}

    def op_copy(self, r, move=False):
        src = self.rng.choice(["INBOX", "A"])
        dst = "B"
        seqs = self.seqs(src, 4)
        if not seqs:
            return None, {}
        uids = self.uids_by_seq(src)
        moved = [uids[i - 1] for i in seqs]
        ids = Counter(self.boxes[src].msgs[u][0] for u in moved)
        flags = {self.boxes[src].msgs[u][0]: self.boxes[src].msgs[u][1] for u in moved}
        r.detail = "%s %s -> %s" % (",".join(map(str, seqs)), src, dst)
        r.kind = "%s %d" % (r.op, len(seqs))
        s = Session(self.sb, at=self.pick_at(r))
        s.cmd("SELECT", src)
        self.run_armed(r, s, "%s %s %s" % ("MOVE" if move else "COPY",
                                          ",".join(map(str, seqs)), dst))
        ok = r.answer == "OK"
        changed = {dst: dict(add_exact=ids if ok else None, add_max=ids, add_flags=flags)}
        if move:
            changed[src] = dict(must_go=set(moved) if ok else (), may_go=set(moved))
            changed["__move__"] = (src, dst, moved, ids)
        return s, changed

    def op_expunge(self, r):
        box = self.rng.choice(BOXES)
        seqs = self.seqs(box, 3)
        if not seqs:
            return None, {}
        s = Session(self.sb, at=self.pick_at(r))
        s.cmd("SELECT", box)
        s.cmd("STORE %s +FLAGS.SILENT (\\Deleted)" % ",".join(map(str, seqs)))
        # Everything marked \Deleted goes, also marks earlier rounds left.
        _, now = snapshot(self.sb, self.problems)
        self.boxes = now
        doomed = {u for u, m in now[box].msgs.items() if "\\Deleted" in m[1]}
        r.detail = "%d messages of %s" % (len(doomed), box)
        self.run_armed(r, s, "EXPUNGE")
        ok = r.answer == "OK"
        return s, {box: dict(must_go=doomed if ok else (), may_go=doomed)}

    def op_store(self, r):
        box = self.rng.choice(BOXES)
        seqs = self.seqs(box, 4)
        if not seqs:
            return None, {}
        uids = self.uids_by_seq(box)
        targets = {uids[i - 1] for i in seqs}
        mode = self.rng.choice(["+FLAGS", "-FLAGS", "FLAGS"])
        flags = frozenset(self.rng.sample(FLAGS, self.rng.randint(1, 3)))
        r.detail = "%s %s (%s)" % (",".join(map(str, seqs)), mode, " ".join(sorted(flags)))
        r.kind = "STORE %d" % len(seqs)
        s = Session(self.sb, at=self.pick_at(r))
        s.cmd("SELECT", box)
        self.run_armed(r, s, "STORE %s %s (%s)" % (",".join(map(str, seqs)), mode,
                                                  " ".join(sorted(flags))))
        ok = r.answer == "OK"

        def after(old):
            if mode == "+FLAGS":
                return old | flags
            if mode == "-FLAGS":
                return old - flags
            return flags

        def rule(uid, old):
            if uid not in targets:
                return [old]
            return [after(old)] if ok else [old, after(old)]
        return s, {box: dict(flag_rule=rule)}

    def op_rename(self, r):
        a = self.top
        b = "Q" if a == "P" else "P"
        r.detail = "%s -> %s" % (a, b)
        s = Session(self.sb, at=self.pick_at(r))
        self.run_armed(r, s, "RENAME %s %s" % (a, b))
        return s, {"__rename__": (a, b)}

    def op_create_delete(self, r):
        cmd = "DELETE" if self.t_exists else "CREATE"
        r.op = r.kind = cmd
        r.detail = "T"
        s = Session(self.sb, at=self.pick_at(r))
        self.run_armed(r, s, "%s T" % cmd)
        return s, {"__t__": cmd == "CREATE"}

    def op_delivery(self, r):
        """An MTA killed at a random moment, then imapd killed while it
        takes in what arrived (SELECT INBOX: new/ to cur/, the index)."""
        inbox = self.root
        tids = [self.new_id() for _ in range(3)]
        pid = os.fork()
        if pid == 0:  # the MTA
            try:
                for i, tid in enumerate(tids):
                    name = "%d.V%dI%d.mta" % (time.time(), os.getpid(), i)
                    tmp = os.path.join(inbox, "tmp", name)
                    data = message(tid, 2000)
                    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                    os.write(fd, data[:700])
                    os.write(fd, data[700:])
                    os.fsync(fd)
                    os.close(fd)
                    os.rename(tmp, os.path.join(inbox, "new", name))
            finally:
                os._exit(0)
        time.sleep(self.rng.uniform(0, 0.004))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        delivered = Counter()
        for f in os.listdir(os.path.join(inbox, "new")):
            if f.endswith(".mta"):
                with open(os.path.join(inbox, "new", f), "rb") as fh:
                    tid = torture_id(fh.read().decode(errors="replace"))
                if tid in tids:  # not one an earlier round left in new/
                    delivered[tid] += 1
        # What the MTA left in tmp/ is its own (the maildir's 36-hour rule).
        for f in os.listdir(os.path.join(inbox, "tmp")):
            if f.endswith(".mta"):
                os.unlink(os.path.join(inbox, "tmp", f))
        r.detail = "%d of 3 delivered" % sum(delivered.values())
        s = Session(self.sb, at=self.pick_at(r))
        self.run_armed(r, s, "SELECT INBOX")
        # The MTA's word is its OK: every message in new/ is there once.
        return s, {"INBOX": dict(add_exact=delivered)}

    def round(self):
        ops = ["APPEND", "COPY", "EXPUNGE", "STORE", "RENAME", "DELIVERY", "CREATE/DELETE"]
        if "MOVE" in self.caps:
            ops.append("MOVE")
        if self.only:
            ops = [o for o in ops if o in self.only]
        op = self.rng.choice(ops)
        r = Round(op)
        old = self.boxes
        fn = {"APPEND": self.op_append, "COPY": self.op_copy, "EXPUNGE": self.op_expunge,
              "STORE": self.op_store, "RENAME": self.op_rename, "DELIVERY": self.op_delivery,
              "CREATE/DELETE": self.op_create_delete,
              "MOVE": lambda rr: self.op_copy(rr, move=True)}[op]
        s, changed = fn(r)
        if s is None:
            self.fill()   # nothing to copy, move, store or expunge: some messages first
            return None
        old = self.boxes   # op_expunge refreshes it after its set-up
        rc = s.close()
        if not r.killed and rc != 0:
            self.problems.append("%s: imapd exited with %r" % (op, rc))
        move = changed.pop("__move__", None)
        new = self.refresh()
        left = orphans(self.root)
        if left:
            self.problems.append("%s (%s): left behind after the next open: %s" %
                                 (r.op, r.answer or "killed", left[:4]))
            for path in left:  # reported once: the next rounds start clean
                shutil.rmtree(path) if os.path.isdir(path) else os.unlink(path)
        if r.answer not in (None, "OK"):
            self.problems.append("%s (%s): answered %s" % (r.op, r.detail, r.answer))
        added = self.check_round(r, dict(old), dict(new), changed)
        if move and added is not None:
            src, dst, moved, ids = move
            kept = Counter(old[src].msgs[u][0] for u in moved if u in new.get(src, old[src]).msgs)
            arrived = Counter(m[0] for m in added.get(dst, {}).values())
            if kept + arrived != ids:
                self.problems.append("MOVE (%s): moved %s, still in %s %s, arrived in %s %s" %
                                     (r.answer or "killed", dict(ids), src, dict(kept), dst,
                                      dict(arrived)))
        self.ops_seen[r.op] += 1
        self.killed[r.op] += r.killed
        self.answers[r.answer or "killed"] += 1
        return r

    def fill(self):
        """At least three messages in each mailbox (MOVE empties them)."""
        s = Session(self.sb, inject=False)
        for box in BOXES:
            for _ in range(3 - len(self.boxes[box].msgs) if box in self.boxes else 0):
                s.cmd("APPEND", box, message(self.new_id()))
        s.close()
        self.refresh()

    def trim(self):
        """Keep the mailboxes small: expunge all but a few messages."""
        s = Session(self.sb, inject=False)
        for box in BOXES:
            n = len(self.boxes.get(box).msgs) if box in self.boxes else 0
            if n > 12:
                s.cmd("SELECT", box)
                s.cmd("STORE 1:%d +FLAGS.SILENT (\\Deleted)" % (n - 4))
                s.cmd("EXPUNGE")
                s.cmd("CLOSE")
        s.close()
        self.refresh()


def hidden_in_cur(sb):
    """On a second-granular file system: imapd killed after it moved a new
    message from new/ to cur/ and before the index says so, within the
    second in which another session recorded cur/'s mtime: the next open
    still finds the message.  Returns a problem or None."""
    root = os.path.join(sb.mail, me())
    s = Session(sb, inject=False)
    s.cmd("APPEND INBOX", message("hide-0"))
    s.close()
    for attempt in range(5):
        time.sleep(1.05 - time.time() % 1)   # early in a second
        second = int(time.time())
        s = Session(sb, inject=False)
        s.cmd("SELECT INBOX")
        s.cmd("APPEND INBOX", message("hide-a%d" % attempt))   # cur/ changes, stamp recorded
        s.close()
        tid = "hide-d%d" % attempt
        sb.deliver(me(), "INBOX", message(tid).decode())
        s = Session(sb, at=1, action="kill", calls="fsync")    # after the renames into cur/
        _, t, _ = s.armed("SELECT INBOX")
        s.close()
        if t is not None:
            return "SELECT INBOX was not killed"
        same = int(os.stat(os.path.join(root, "cur")).st_mtime) == second == int(time.time())
        _, boxes = snapshot(sb)
        seen = any(m[0] == tid for m in boxes["INBOX"].msgs.values())
        if not seen:
            return "a message moved to cur/ by a killed imapd is not listed by the next open"
        if same:
            return None
    return "could not stay within one second (machine too busy)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=60)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--max-seconds", type=float, default=600)
    ap.add_argument("--ops", help="comma-separated subset, e.g. APPEND,DELIVERY")
    ap.add_argument("--fs", choices=sorted(FS_KINDS),
                    help="only a run with the mail on a file system of its own (root: a "
                    "private mount namespace); without it, a run on the sandbox's file system "
                    "and one on ext4-128")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    if args.fs:
        TAP.name = "store kill [%s]" % args.fs
        why = []
        rc = in_private_namespace([os.path.abspath(__file__)] + sys.argv[1:], why)
        if rc is not None:
            sys.exit(rc)
        if why:
            TAP.skip("the mail on %s" % FS_KINDS[args.fs], why[0])
            return
    one_run(args, seed)
    if not args.fs:
        argv = [sys.executable, os.path.abspath(__file__), "--fs", "ext4-128", "--kills",
                str(args.kills), "--seed", str(seed), "--max-seconds", str(args.max_seconds)]
        if args.ops:
            argv += ["--ops", args.ops]
        sub = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             universal_newlines=True)
        relay_tap(TAP, sub.stdout)
        if sub.returncode != 0 and "not ok" not in sub.stdout:
            TAP.ok(False, "the run on ext4-128 exited with %d" % sub.returncode, sub.stdout[-2000:])


def one_run(args, seed):
    TAP.need(IMAPD)
    if injector() is None:
        TAP.bail("the fault injector is not built (make check builds it)")
    TAP.note("seed %d (--seed %d repeats this run)" % (seed, seed))
    rng = random.Random(seed)
    problems = []
    started = time.monotonic()
    with Sandbox(sasl=False, tls=False, prefix="store-kill-") as sb:
        undo = None
        if args.fs:
            try:
                undo = mount_fs(args.fs, sb.mail)
            except (OSError, subprocess.CalledProcessError) as e:
                TAP.skip("the mail on %s" % FS_KINDS[args.fs], "cannot mount it: %s" % e)
                return
            TAP.note("the mail is on %s" % FS_KINDS[args.fs])
        try:
            if args.fs == "ext4-128":
                why = hidden_in_cur(sb)
                TAP.ok(why is None, "imapd killed between moving a message from new/ to cur/ "
                       "and its index record, in the second of the last recorded mtime: the "
                       "next open lists the message", why)
            run(sb, args, rng, problems, started)
        finally:
            sb.reap()
            if undo:
                undo()


def run(sb, args, rng, problems, started):
    t = Torture(sb, rng, problems)
    t.only = set(args.ops.split(",")) if args.ops else None
    t.setup()
    TAP.ok(not problems, "set-up: the mailboxes are there", "\n".join(problems))
    if "MOVE" not in t.caps:
        TAP.note("MOVE is not advertised: no MOVE rounds")
    if "CONDSTORE" not in t.caps:
        TAP.note("CONDSTORE is not advertised: MODSEQs not checked")
    rounds = 0
    kills = 0
    idle = 0
    timed_out = False
    while kills < args.kills:
        if time.monotonic() - started > args.max_seconds:
            timed_out = True
            break
        before = len(problems)
        r = t.round()
        if r is None:
            idle += 1
            if idle > 20:
                problems.append("no round could run 20 times in a row")
                break
            continue
        idle = 0
        rounds += 1
        kills += r.killed
        if len(problems) > before:
            TAP.note("round %d (%s, %s, %s): %s" % (rounds, r.op, r.answer or "killed",
                                                     r.detail, problems[before]))
            if len(problems) > 40:
                break
            # Go on from what is there now.
            t.refresh()
        if rounds % 10 == 0:
            t.trim()
    elapsed = time.monotonic() - started
    per_op = ", ".join("%s %d/%d" % (op, t.killed[op], t.ops_seen[op])
                       for op in sorted(t.ops_seen))
    TAP.ok(not timed_out, "%d kills within %d s (%d rounds in %.0f s)" %
           (kills, args.max_seconds, rounds, elapsed))
    TAP.ok(not problems, "%d rounds, %d killed mid-command (killed/rounds: %s): nothing OK'd "
           "lost or duplicated, cut-short commands all or nothing per message, UIDs and "
           "UIDNEXT only grow, UIDVALIDITY stays%s, no orphans after the next open" %
           (rounds, kills, per_op, ", MODSEQs only grow" if "CONDSTORE" in t.caps else ""),
           "\n".join(problems[:20]))
    TAP.note("figure: kills=%d rounds=%d seconds=%.0f problems=%d move=%s condstore=%s" %
             (kills, rounds, elapsed, len(problems), "MOVE" in t.caps, "CONDSTORE" in t.caps))
    TAP.note("figure: per-op killed/rounds %s" % per_op)


if __name__ == "__main__":
    TAP.main(main)

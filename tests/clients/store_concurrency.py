#!/usr/bin/env python3
"""store_concurrency.py - several imapd processes on one maildir plus a
delivery agent writing into new/ (RFC2060 §2.3.2, §5.2, §7.4.1).

Checks, as TAP:
  - a delivery into new/ reaches every selected session as EXISTS;
  - each delivered message is \\Recent in exactly one read-write session;
  - flag changes by one session reach the other as untagged FETCH (FLAGS);
  - an expunge by one session reaches the other as EXPUNGE, never during
    FETCH / STORE / SEARCH, only at a later command;
  - a mail reader renaming a file (flags) or removing one (expunge) behind
    the server's back is reported the same way;
  - under a concurrent storm of deliveries, stores and expunges, each
    session's own model of sequence numbers (built only from the untagged
    EXISTS / EXPUNGE it received) always matches what FETCH 1:* UID says,
    and the UIDs only ever go up.

Runs bin/imapd as rimapd (pre-authenticated as the Unix user running the
test) over pipes; env BIN is the directory holding imapd.
"""

import os
import random
import re
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, IMAPError, Sandbox, Tap, me  # noqa: E402

TAP = Tap("store concurrency")


def check(cond, name, detail=""):
    TAP.ok(bool(cond), name, str(detail)[:600])
    return cond


class Session:
    """One imapd process (rimapd: pre-authenticated) on a pipe, with its
    own model of the mailbox's sequence numbers."""

    def __init__(self, sb, name):
        self.name = name
        self.p, self.c = sb.imapd_pipe(rimapd=True, tag_prefix=name)
        self.model = []      # UIDs by sequence number, from untagged data only
        self.max_uid = 0
        self.bad_order = []
        greeting = self.c.greeting()
        if greeting is None or not greeting.startswith("* PREAUTH"):
            raise RuntimeError("%s: greeting %r" % (name, greeting))

    def cmd(self, text):
        """Send a command; return (untagged lines, tagged line)."""
        untagged, tagged = self.c.cmd(text)
        if tagged is None:
            raise RuntimeError("%s: server closed the connection" % self.name)
        return untagged, tagged

    def track(self, untagged):
        """Apply untagged EXPUNGE / EXISTS to the model (RFC2060 §7.4.1)."""
        grew = None
        for line in untagged:
            m = re.match(r"\* (\d+) EXPUNGE$", line)
            if m:
                n = int(m.group(1))
                if 1 <= n <= len(self.model):
                    del self.model[n - 1]
                else:
                    self.bad_order.append(line)
                continue
            m = re.match(r"\* (\d+) EXISTS$", line)
            if m:
                grew = int(m.group(1))
        if grew is not None and grew > len(self.model):
            first = len(self.model) + 1
            u, t = self.cmd("FETCH %d:%d UID" % (first, grew))
            uids = {}
            for line in u:
                m = re.match(r"\* (\d+) FETCH \(UID (\d+)\)$", line)
                if m:
                    uids[int(m.group(1))] = int(m.group(2))
            for seq in range(first, grew + 1):
                uid = uids.get(seq, -1)
                if uid <= self.max_uid:
                    self.bad_order.append("UID %d after %d" % (uid, self.max_uid))
                self.max_uid = max(self.max_uid, uid)
                self.model.append(uid)
            # The FETCH itself may carry updates (no EXPUNGE, §7.4.1).
            self.track([l for l in u if not re.match(r"\* \d+ FETCH \(UID \d+\)$", l)])

    def run(self, text):
        u, t = self.cmd(text)
        self.track(u)
        return u, t

    def server_uids(self):
        u, t = self.cmd("FETCH 1:* UID") if self.model or True else ([], "")
        if "BAD" in t:
            return [], u
        uids = []
        rest = []
        for line in u:
            m = re.match(r"\* (\d+) FETCH \(UID (\d+)\)$", line)
            if m:
                uids.append(int(m.group(2)))
            else:
                rest.append(line)
        return uids, rest

    def close(self):
        try:
            self.cmd("LOGOUT")
        except (RuntimeError, IMAPError):
            pass
        self.c.close()
        self.p.wait(timeout=10)


def flags_of(untagged, seq):
    for line in untagged:
        m = re.match(r"\* %d FETCH \(.*FLAGS \(([^)]*)\)" % seq, line)
        if m:
            return m.group(1).split()
    return None


def recent_uids(sess):
    u, t = sess.cmd("UID SEARCH RECENT")
    sess.track(u)
    for line in u:
        if line.startswith("* SEARCH"):
            return set(int(x) for x in line.split()[2:])
    return set()


def main():
    TAP.need(IMAPD)
    # rimapd serves the Unix user running the test: no SASL, no TLS.
    sb = Sandbox(sasl=False, tls=False, prefix="store-conc-")
    try:
        root = sb.make_folder(me(), "INBOX")

        def deliver(text):
            return sb.deliver(me(), "INBOX", text)
        for i in range(3):
            deliver("Subject: first %d\n\nbody\n" % i)
        a = Session(sb, "A")
        b = Session(sb, "B")
        ua, ta = a.run("SELECT INBOX")
        ub, tb = b.run("SELECT INBOX")
        a.model = list(range(1, 4))
        b.model = list(range(1, 4))
        a.max_uid = b.max_uid = 3
        check("* 3 RECENT" in ua and "* 0 RECENT" in ub,
              "the first SELECT takes \\Recent, the second gets none", (ua, ub))

        # Delivery into new/ reaches both; \Recent goes to one.
        deliver("Subject: d1\n\nx\n")
        deliver("Subject: d2\n\nx\n")
        ub, _ = b.run("NOOP")
        ua, _ = a.run("NOOP")
        check("* 5 EXISTS" in ua and "* 5 EXISTS" in ub, "a delivery into new/ is EXISTS for both",
              (ua, ub))
        ra, rb = recent_uids(a), recent_uids(b)
        check(rb == {4, 5} and ra == {1, 2, 3}, "new messages are \\Recent only where first seen",
              (ra, rb))
        check(len(os.listdir(os.path.join(root, "new"))) == 0, "\\Recent taken: new/ is empty")

        # Flags from B reach A as FETCH, also after a .SILENT store.
        b.run("STORE 2 +FLAGS.SILENT (\\Flagged)")
        ua, _ = a.run("NOOP")
        f = flags_of(ua, 2)
        check(f is not None and "\\Flagged" in f, "another session's flag change is a FETCH", ua)

        # Expunge by B: not during A's FETCH/STORE/SEARCH, then at NOOP.
        b.run("STORE 1 +FLAGS.SILENT (\\Deleted)")
        ub, _ = b.run("EXPUNGE")
        check("* 1 EXPUNGE" in ub, "EXPUNGE reports to the expunging session")
        during = []
        for c in ("FETCH 1:* (FLAGS)", "STORE 3 +FLAGS (\\Seen)", "SEARCH ALL"):
            u, t = a.cmd(c)
            during += [l for l in u if l.endswith("EXPUNGE")]
            check(t.split()[1] in ("OK", "NO"), "A: %s answered while a message is gone" % c, t)
        check(not during, "no EXPUNGE during FETCH, STORE, SEARCH", during)
        a.model = a.model  # unchanged: nothing reported yet
        ua, _ = a.run("NOOP")
        check("* 1 EXPUNGE" in ua, "the expunge reaches the other session at NOOP", ua)

        # A mail reader behind the server's back: rename (flags), unlink.
        cur = os.path.join(root, "cur")
        files = sorted(os.listdir(cur))
        victim = [n for n in files if "d1" in open(os.path.join(cur, n)).read()]
        renamed = [n for n in files if "first 2" in open(os.path.join(cur, n)).read()]
        if renamed:
            base = renamed[0].split(":")[0]
            os.rename(os.path.join(cur, renamed[0]), os.path.join(cur, base + ":2,RS"))
        if victim:
            os.unlink(os.path.join(cur, victim[0]))
        # Make sure cur/'s mtime moves on a coarse clock too.
        st = os.stat(cur)
        os.utime(cur, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
        ua, _ = a.run("NOOP")
        check(any(l.endswith("EXPUNGE") for l in ua), "a file removed underneath is an EXPUNGE", ua)
        check(any(re.search(r"FETCH \(FLAGS \([^)]*\\Answered", l) for l in ua),
              "a file renamed underneath is a FETCH with its new flags", ua)
        ub, _ = b.run("NOOP")
        check(a.server_uids()[0] == a.model and b.server_uids()[0] == b.model,
              "both views agree with their EXISTS/EXPUNGE history", (a.model, b.model))

        # A storm: an MTA, a third session storing and expunging, while A
        # and B poll.  Afterwards every view matches its history.
        c = Session(sb, "C")
        c.run("SELECT INBOX")
        stop = time.time() + 4
        errors = []
        delivered = []

        def mta():
            while time.time() < stop:
                delivered.append(deliver("Subject: storm\n\n%f\n" % time.time()))
                time.sleep(random.uniform(0, 0.01))

        def poller(sess):
            try:
                while time.time() < stop:
                    op = random.choice(["NOOP", "FETCH 1:* FLAGS", "SEARCH ALL", "UID FETCH 1:* FLAGS",
                                        "STORE 1 +FLAGS (\\Seen)"])
                    if op.startswith(("FETCH", "STORE")) and not sess.model:
                        op = "NOOP"
                    u, t = sess.cmd(op)
                    if op in ("FETCH 1:* FLAGS", "SEARCH ALL", "STORE 1 +FLAGS (\\Seen)"):
                        if any(l.endswith("EXPUNGE") for l in u):
                            errors.append("%s: EXPUNGE during %s" % (sess.name, op))
                    if " BAD " in t:
                        errors.append("%s: %s -> %s" % (sess.name, op, t))
                    sess.track(u)
            except Exception as e:  # noqa: BLE001 - reported as a failure
                errors.append("%s: %s" % (sess.name, e))

        def expunger():
            try:
                while time.time() < stop:
                    c.run("STORE 1:* +FLAGS.SILENT (\\Deleted)" if random.random() < 0.3
                          else "NOOP")
                    c.run("EXPUNGE")
                    time.sleep(random.uniform(0, 0.02))
            except Exception as e:  # noqa: BLE001
                errors.append("C: %s" % e)

        c.model = []
        u, _ = c.cmd("FETCH 1:* UID")
        c.model = [int(m.group(1)) for m in (re.match(r"\* \d+ FETCH \(UID (\d+)\)", l) for l in u) if m]
        c.max_uid = max(c.model) if c.model else 0
        threads = [threading.Thread(target=mta), threading.Thread(target=poller, args=(a,)),
                   threading.Thread(target=poller, args=(b,)), threading.Thread(target=expunger)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(not errors, "storm: no BAD, no EXPUNGE during FETCH/STORE/SEARCH", errors[:5])
        for s in (a, b, c):
            s.run("NOOP")
            uids, _ = s.server_uids()
            check(uids == s.model, "storm: %s's sequence numbers match its EXISTS/EXPUNGE history" % s.name,
                  (uids[:10], s.model[:10], len(uids), len(s.model)))
            check(not s.bad_order, "storm: %s saw UIDs only ascend, EXPUNGEs in range" % s.name,
                  s.bad_order[:5])
        ra, rb, rc = recent_uids(a), recent_uids(b), recent_uids(c)
        check(not (ra & rb) and not (ra & rc) and not (rb & rc),
              "storm: no message is \\Recent in two read-write sessions", (ra & rb, ra & rc, rb & rc))
        alive = set(a.model)
        storm_uids = {u for u in alive if u > 5}
        check(storm_uids <= (ra | rb | rc),
              "storm: every surviving delivered message is \\Recent somewhere",
              sorted(storm_uids - (ra | rb | rc))[:10])
        check(len(delivered) > 20, "storm: the MTA delivered (%d)" % len(delivered))
        for s in (a, b, c):
            s.close()
        errs = [l.strip() for l in sb.logtext().splitlines()
                if ": error: " in l or ": warning: " in l]
        check(not errs, "the store logged no error or warning", errs[:5])
    finally:
        sb.close()


if __name__ == "__main__":
    TAP.main(main)

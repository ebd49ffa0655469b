#!/usr/bin/env python3
"""modseq_history.py - QRESYNC when the client's MODSEQ is older than the
expunge history the server keeps (RFC7162 §3.2.5.1, §3.2.6).

The store keeps the last 20,000 expunge ranges (and 90 days); a mailbox of
40,002 messages whose every other one is \\Deleted loses 20,001 separate
ranges to one EXPUNGE, so the oldest falls out of the history.  A client
that knew the mailbox before then must still learn every UID that went:
  - SELECT (QRESYNC (v old-modseq 1:40002)) and UID FETCH 1:* (FLAGS)
    (CHANGEDSINCE old-modseq VANISHED) name exactly the 20,001 expunged
    UIDs in VANISHED (EARLIER) (R7162-3.2.6-d: as if asked for every
    expunged UID of the set);
  - with sequence match data proving the client knows everything up to the
    last message, nothing is reported (R7162-3.2.5.2-a);
  - HIGHESTMODSEQ grew with that EXPUNGE (R7162-3.2.7-a; one this large
    goes straight into a new index snapshot), and a client already at the
    new value is told of nothing.

Runs bin/imapd as rimapd over pipes; env BIN is the directory holding imapd.
# covers: R7162-3.2.6-d R7162-3.2.5.2-a R7162-3.2.5.1-a R7162-3.2.7-a
"""

import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import Sandbox, Tap, make_folder, me  # noqa: E402

N = int(os.environ.get("QH_N", "40002"))
TAP = Tap("qresync history")


def expand(text):
    out = set()
    for part in text.split(","):
        lo, _, hi = part.partition(":")
        out.update(range(int(lo), int(hi or lo) + 1))
    return out


def vanished(lines):
    out = set()
    for line in lines:
        m = re.match(r"\* VANISHED \(EARLIER\) ([\d:,]+)$", line)
        if m:
            out |= expand(m.group(1))
    return out


def session(sb):
    p, c = sb.imapd_pipe(rimapd=True, timeout=120)
    g = c.greeting()
    if g is None or not g.startswith("* PREAUTH"):
        raise RuntimeError("greeting %r" % g)
    return p, c


def end(p, c):
    c.cmd("LOGOUT")
    p.wait()


def main():
    with Sandbox() as sb:
        inbox = make_folder(sb.folder(me(), "INBOX"))
        t = int(time.time()) - 3600
        body = b"From: a@example.com\r\nSubject: x\r\n\r\nx\r\n"
        for i in range(1, N + 1):
            # Names sort in this order, so UID i is message i; odd ones \Deleted.
            name = "%d.M%06dP1.hist:2,%s" % (t, i, "T" if i % 2 else "")
            with open(os.path.join(inbox, "cur", name), "wb") as f:
                f.write(body)
        p, c = session(sb)
        u, tagged = c.cmd("SELECT INBOX (CONDSTORE)")
        text = "\n".join(u)
        v = int(re.search(r"\[UIDVALIDITY (\d+)\]", text).group(1))
        h0 = int(re.search(r"\[HIGHESTMODSEQ (\d+)\]", text).group(1))
        TAP.ok(("* %d EXISTS" % N) in u, "%d messages" % N)
        u, tagged = c.cmd("FETCH %d (UID)" % N)
        TAP.ok(any(l == "* %d FETCH (UID %d)" % (N, N) for l in u), "UID n is message n", u[:2])
        u, tagged = c.cmd("EXPUNGE")
        TAP.ok(tagged.split()[1] == "OK", "EXPUNGE of %d messages" % (N // 2), tagged)
        end(p, c)
        gone = set(range(1, N + 1, 2))

        p, c = session(sb)
        c.cmd("ENABLE QRESYNC")
        u, tagged = c.cmd("SELECT INBOX (QRESYNC (%d %d 1:%d))" % (v, h0, N))
        got = vanished(u)
        TAP.ok(got == gone, "SELECT (QRESYNC) with a MODSEQ older than the history names all "
               "%d expunged UIDs" % len(gone), (len(got), sorted(got ^ gone)[:10]))
        h1 = int(re.search(r"\[HIGHESTMODSEQ (\d+)\]", "\n".join(u)).group(1))
        # One EXPUNGE this large goes straight into a new snapshot; its
        # MODSEQ must be in it although no message is left with it.
        TAP.ok(h1 > h0, "HIGHESTMODSEQ grew with the EXPUNGE (%d -> %d)" % (h0, h1))
        TAP.ok(not any(" FETCH " in l for l in u), "and no FETCH (no flag changed)")
        u, tagged = c.cmd("UID FETCH 1:* (FLAGS) (CHANGEDSINCE %d VANISHED)" % h0)
        got = vanished(u)
        TAP.ok(got == gone, "UID FETCH (CHANGEDSINCE old VANISHED) names them too",
               (len(got), sorted(got ^ gone)[:10]))
        # Message N // 2 is UID N now: the pair proves the client knows all.
        u, tagged = c.cmd("SELECT INBOX (QRESYNC (%d %d 1:%d (%d %d)))" % (v, h0, N, N // 2, N))
        TAP.ok(not vanished(u), "sequence match data (%d %d) leaves nothing to report"
               % (N // 2, N), sorted(vanished(u))[:5])
        u, tagged = c.cmd("SELECT INBOX (QRESYNC (%d %d 1:%d (100 200)))" % (v, h0, N))
        want = {x for x in gone if x > 200}
        TAP.ok(vanished(u) == want, "with (100 200) only the UIDs above 200",
               (len(vanished(u)), len(want)))
        u, tagged = c.cmd("SELECT INBOX (QRESYNC (%d %d 1:%d))" % (v, h1, N))
        TAP.ok(not vanished(u), "a client at the new HIGHESTMODSEQ is told of nothing",
               (h0, h1, sorted(vanished(u))[:5], len(vanished(u))))
        end(p, c)


if __name__ == "__main__":
    TAP.main(main)

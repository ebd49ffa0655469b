#!/usr/bin/env python3
"""modseq_crash.py - CONDSTORE's mod-sequences survive kill -9 (RFC7162 §3.1).

Round after round, a session selects INBOX (CONDSTORE), sends a burst of
pipelined UID STORE ... FLAGS.SILENT (or APPEND) commands and is killed
with SIGKILL while the server works through them.  After each kill a new
session checks, as TAP:
  - HIGHESTMODSEQ never went down: it is at least every MODSEQ and
    HIGHESTMODSEQ any session was ever shown, answered or not
    (R7162-3.1-b: values are durable before a client sees them);
  - no change is lost: a message's flags are those of its last STORE that
    was answered OK, or of a later one the kill cut off (never older), and
    its MODSEQ is at least the one that STORE's FETCH showed; every APPEND
    answered OK (APPENDUID) is there;
  - every message's MODSEQ is at most HIGHESTMODSEQ, and UIDVALIDITY stays.
At least one burst must be cut in the middle (some answered, some not),
or the test says it tested nothing.

Runs bin/imapd as rimapd over pipes; env BIN is the directory holding imapd.
# covers: R7162-3.1-a R7162-3.1-b
"""

import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPError, Sandbox, Tap, make_message  # noqa: E402

TAP = Tap("modseq crash")
SYSFLAGS = [r"\Answered", r"\Flagged", r"\Draft", r"\Deleted"]
ROUNDS = 16
BURST = 60
START_MESSAGES = 30

FETCH_RE = re.compile(r"\* \d+ FETCH \((.*)\)$")
MODSEQ_RE = re.compile(r"MODSEQ \((\d+)\)")
UID_RE = re.compile(r"UID (\d+)")
FLAGS_RE = re.compile(r"FLAGS \(([^)]*)\)")


def combo(i):
    return frozenset(f for b, f in enumerate(SYSFLAGS) if i >> b & 1)


def flagtext(fs):
    return "(" + " ".join(sorted(fs)) + ")"


def start(sb):
    p, c = sb.imapd_pipe(rimapd=True)
    g = c.greeting()
    if g is None or not g.startswith("* PREAUTH"):
        raise IMAPError("greeting %r" % g)
    return p, c


def select(c):
    untagged, tagged = c.cmd("SELECT INBOX (CONDSTORE)")
    if not tagged or " OK " not in tagged:
        raise IMAPError("SELECT: %r" % tagged)
    hms = uidv = None
    for line in untagged:
        m = re.match(r"\* OK \[HIGHESTMODSEQ (\d+)\]", line)
        if m:
            hms = int(m.group(1))
        m = re.match(r"\* OK \[UIDVALIDITY (\d+)\]", line)
        if m:
            uidv = int(m.group(1))
    return hms, uidv


def state(c):
    """{uid: (flags, modseq)} of INBOX."""
    untagged, tagged = c.cmd("UID FETCH 1:* (FLAGS MODSEQ)")
    out = {}
    for line in untagged:
        m = FETCH_RE.match(line)
        if not m:
            continue
        items = m.group(1)
        uid = int(UID_RE.search(items).group(1))
        flags = frozenset(f for f in FLAGS_RE.search(items).group(1).split()
                          if f in SYSFLAGS)
        out[uid] = (flags, int(MODSEQ_RE.search(items).group(1)))
    return out


def burst_lines(c, p, payload, delay):
    """Send payload, kill the server after delay seconds, and return every
    line it wrote before it died."""
    try:
        c.send(payload)
    except IMAPError:
        pass
    time.sleep(delay)
    p.kill()
    p.wait()
    lines = []
    while True:
        try:
            line = c.read_line(timeout=5)
        except IMAPError:
            break
        if line is None:
            break
        lines.append(line)
    c.close()
    return lines


def main():
    with Sandbox() as sb:
        rnd = random.Random(7162)
        max_seen = 0        # every MODSEQ / HIGHESTMODSEQ ever shown
        acked = {}          # uid -> (flags of the last STORE answered OK, its MODSEQ)
        pending = {}        # uid -> [flags of later STOREs not answered]
        appended = set()    # UIDs of APPENDs answered OK
        uidvalidity = None
        cut = 0             # bursts killed in the middle
        lost, backwards, above, bad_uidv, gone = [], [], [], [], []

        p, c = start(sb)
        for i in range(START_MESSAGES):
            msg = make_message(i).replace("\n", "\r\n")
            c.cmd("APPEND INBOX {%d+}\r\n%s" % (len(msg), msg))
        c.cmd("LOGOUT")
        p.wait()
        delay = 0.02
        for r in range(ROUNDS):
            p, c = start(sb)
            hms, uidv = select(c)
            if uidvalidity is None:
                uidvalidity = uidv
            elif uidv != uidvalidity:
                bad_uidv.append((r, uidvalidity, uidv))
            if hms is None or hms < max_seen:
                backwards.append((r, hms, max_seen))
            st = state(c)
            for uid, (flags, modseq) in st.items():
                if modseq > (hms or 0):
                    above.append((r, uid, modseq, hms))
                if uid in acked:
                    want, want_ms = acked[uid]
                    allowed = [want] + pending.get(uid, [])
                    if flags not in allowed or modseq < want_ms:
                        lost.append((r, uid, sorted(flags), [sorted(a) for a in allowed],
                                     modseq, want_ms))
            for uid in appended:
                if uid not in st:
                    gone.append((r, uid))
            # What is there now is the new base line.
            acked = {uid: v for uid, v in st.items()}
            pending = {}
            max_seen = max([max_seen, hms or 0] + [v[1] for v in st.values()])
            # A burst of STOREs, or of APPENDs every third round.
            uids = sorted(st)
            plan = {}
            parts = []
            if r % 3 == 2:
                for i in range(BURST // 3):
                    msg = make_message(1000 + r * 100 + i).replace("\n", "\r\n")
                    parts.append("a%d APPEND INBOX {%d+}\r\n%s\r\n" % (i, len(msg), msg))
            else:
                for i in range(BURST):
                    uid = rnd.choice(uids)
                    flags = combo(rnd.randrange(16))
                    plan["s%d" % i] = (uid, flags)
                    parts.append("s%d UID STORE %d FLAGS.SILENT %s\r\n" % (i, uid, flagtext(flags)))
            lines = burst_lines(c, p, "".join(parts), delay)
            answered = 0
            last_modseq = {}
            for line in lines:
                for m in MODSEQ_RE.finditer(line):
                    max_seen = max(max_seen, int(m.group(1)))
                m = re.match(r"\* OK \[HIGHESTMODSEQ (\d+)\]", line)
                if m:
                    max_seen = max(max_seen, int(m.group(1)))
                m = FETCH_RE.match(line)
                if m and UID_RE.search(m.group(1)) and MODSEQ_RE.search(m.group(1)):
                    last_modseq[int(UID_RE.search(m.group(1)).group(1))] = \
                        int(MODSEQ_RE.search(m.group(1)).group(1))
                m = re.match(r"(s\d+) OK", line)
                if m and m.group(1) in plan:
                    uid, flags = plan[m.group(1)]
                    acked[uid] = (flags, last_modseq.get(uid, acked[uid][1]))
                    pending[uid] = []   # earlier unanswered ones came before it
                    answered += 1
                m = re.match(r"a\d+ OK \[APPENDUID \d+ (\d+)\]", line)
                if m:
                    appended.add(int(m.group(1)))
                    answered += 1
            # A STORE sent but not answered may or may not have happened.
            done = {re.match(r"(s\d+) ", ln).group(1) for ln in lines if re.match(r"s\d+ ", ln)}
            for tag, (uid, flags) in plan.items():
                if tag not in done:
                    pending.setdefault(uid, []).append(flags)
            total = len(plan) or BURST // 3
            if 0 < answered < total:
                cut += 1
            TAP.note("round %d: %d of %d answered before the kill after %.0f ms"
                     % (r, answered, total, delay * 1000))
            # Aim the next kill into the middle of the burst.
            if answered >= total:
                delay = max(0.001, delay / 2)
            elif answered == 0:
                delay = min(0.5, delay * 2)
        p, c = start(sb)
        hms, _ = select(c)
        TAP.ok(hms is not None and hms >= max_seen,
               "HIGHESTMODSEQ after the last kill (%s) is at least every value shown (%d)"
               % (hms, max_seen))
        c.cmd("LOGOUT")
        p.wait()
        TAP.ok(not backwards, "HIGHESTMODSEQ never went down across %d kills" % ROUNDS,
               backwards)
        TAP.ok(not lost, "no answered STORE was lost (flags and MODSEQ)", lost[:5])
        TAP.ok(not gone, "every answered APPEND is there", gone[:5])
        TAP.ok(not above, "no message's MODSEQ is above HIGHESTMODSEQ", above[:5])
        TAP.ok(not bad_uidv, "UIDVALIDITY stayed", bad_uidv)
        TAP.ok(cut > 0, "at least one burst was cut in the middle (%d of %d)" % (cut, ROUNDS))


if __name__ == "__main__":
    TAP.main(main)

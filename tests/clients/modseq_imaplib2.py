#!/usr/bin/env python3
"""modseq_imaplib2.py - a client nobody here wrote (Debian's
python3-imaplib2) resynchronising with CONDSTORE (RFC 7162) on a generated
mailbox of 400 messages: SELECT (CONDSTORE) gives HIGHESTMODSEQ; another
session changes the flags of 10 messages; then the client's

    UID FETCH 1:* (FLAGS) (CHANGEDSINCE <highestmodseq>)

(what python3-imapclient's fetch(..., modifiers=['CHANGEDSINCE n']) sends;
imapclient is not packaged for Debian 12) returns exactly those 10, with
their new flags and MODSEQs above the old HIGHESTMODSEQ; SEARCH MODSEQ
finds the same UIDs and ends with their highest MODSEQ; STATUS
HIGHESTMODSEQ agrees; a UID STORE (UNCHANGEDSINCE) with the old value
changes the untouched message and answers MODIFIED for a changed one.
The flags are then checked in the maildir itself.

# covers: R7162-3.1.4.1-a R7162-3.1.5-c R7162-3.1.3-d R7162-3.1.7-a
"""

import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, PASSWORD, USER, Sandbox, Tap, flag_letters, make_message  # noqa: E402

MESSAGES = 400
CHANGED = [3, 17, 42, 99, 100, 101, 250, 333, 398, 400]   # sequence numbers


def import_imaplib2():
    """Debian installs imaplib2 for its own python3; another python3 first in
    PATH (pyenv) does not see it."""
    try:
        import imaplib2
        return imaplib2
    except ImportError:
        if os.path.isfile("/usr/lib/python3/dist-packages/imaplib2.py"):
            sys.path.append("/usr/lib/python3/dist-packages")
            import imaplib2
            return imaplib2
        return None


def fetch_items(data):
    """{uid: (flags, modseq)} from imaplib2's FETCH data."""
    out = {}
    for d in data:
        if isinstance(d, tuple):
            d = d[0]
        if not d:
            continue
        text = d.decode()
        m = re.search(r"UID (\d+)", text)
        f = re.search(r"FLAGS \(([^)]*)\)", text)
        ms = re.search(r"MODSEQ \((\d+)\)", text)
        if m and f and ms:
            out[int(m.group(1))] = (set(f.group(1).split()) - {"\\Recent"}, int(ms.group(1)))
    return out


def run(tap):
    tap.need(IMAPD, "saslpasswd2")
    imaplib2 = import_imaplib2()
    if imaplib2 is None:
        tap.bail("not installed: imaplib2 (Debian package python3-imaplib2)")
    sb = Sandbox()
    for i in range(MESSAGES):
        sb.deliver(USER, "INBOX", make_message(i + 1))
    plain = sb.inetd()
    try:
        M = imaplib2.IMAP4("127.0.0.1", plain.port, timeout=20)
        typ, _ = M.login(USER, PASSWORD)
        tap.ok(typ == "OK", "LOGIN")
        typ, data = M.capability()
        caps = set(data[0].decode().upper().split()) if data and data[0] else set()
        tap.ok("CONDSTORE" in caps, "CAPABILITY lists CONDSTORE", sorted(caps))

        # imaplib2's select() takes no select-params: the command by hand,
        # and what select() does after it (a state-changing command keeps
        # its lock until released).
        typ, data = M._simple_command("SELECT", "INBOX", "(CONDSTORE)")
        M.state = "SELECTED"
        M._release_state_change()
        typ, hms = M.response("HIGHESTMODSEQ")
        h0 = int(hms[0]) if hms and hms[0] else 0
        tap.ok(typ == "HIGHESTMODSEQ" and h0 > 0, "SELECT INBOX (CONDSTORE): HIGHESTMODSEQ %d" % h0,
               (typ, hms))
        typ, data = M.uid("FETCH", "1:*", "(UID)")
        uids = sorted(int(m) for m in re.findall(rb"UID (\d+)", b" ".join(
            d if isinstance(d, bytes) else d[0] for d in data if d)))
        tap.ok(len(uids) == MESSAGES, "the mailbox holds %d messages" % MESSAGES, len(uids))

        # Another session (imaplib2 too) changes 10 messages.
        B = imaplib2.IMAP4("127.0.0.1", plain.port, timeout=20)
        B.login(USER, PASSWORD)
        B.select("INBOX")
        want = {}
        for k, seq in enumerate(CHANGED):
            flags = ["\\Flagged"] if k % 2 else ["\\Answered", "$Label%d" % (k % 3)]
            typ, _ = B.store(str(seq), "+FLAGS.SILENT", "(%s)" % " ".join(flags))
            want[uids[seq - 1]] = set(flags)
        B.logout()

        typ, data = M.uid("FETCH", "1:*", "(FLAGS)", "(CHANGEDSINCE %d)" % h0)
        got = fetch_items(data)
        tap.ok(typ == "OK" and set(got) == set(want),
               "UID FETCH 1:* (FLAGS) (CHANGEDSINCE %d) returns exactly the 10 changed" % h0,
               (typ, sorted(got), sorted(want)))
        tap.ok(all(got.get(u, (None,))[0] == f for u, f in want.items()),
               "with their new flags", {u: (got.get(u), f) for u, f in want.items()})
        top = max((v[1] for v in got.values()), default=0)
        tap.ok(got and all(v[1] > h0 for v in got.values()),
               "and MODSEQs above the old HIGHESTMODSEQ", got)

        typ, data = M.uid("SEARCH", "MODSEQ", str(h0 + 1))
        text = data[0].decode() if data and data[0] else ""
        m = re.match(r"^([\d ]*?) ?\(MODSEQ (\d+)\)$", text)
        tap.ok(typ == "OK" and m and set(int(x) for x in m.group(1).split()) == set(want)
               and int(m.group(2)) == top,
               "UID SEARCH MODSEQ finds them and ends with (MODSEQ %d)" % top, (typ, text))

        typ, data = M.status("INBOX", "(HIGHESTMODSEQ)")
        m = re.search(rb"HIGHESTMODSEQ (\d+)", data[0] or b"")
        tap.ok(typ == "OK" and m and int(m.group(1)) >= top,
               "STATUS HIGHESTMODSEQ is at least the highest MODSEQ", (typ, data))

        untouched = uids[0]
        changed = uids[CHANGED[0] - 1]
        typ, data = M.uid("STORE", "%d,%d" % (untouched, changed),
                          "(UNCHANGEDSINCE %d) +FLAGS.SILENT (\\Seen)" % h0)
        typ2, code = M.response("MODIFIED")
        tap.ok(typ == "OK" and code and code[0] == str(changed).encode(),
               "UID STORE (UNCHANGEDSINCE old) answers [MODIFIED %d]" % changed, (typ, data, code))
        typ, data = M.uid("FETCH", "%d,%d" % (untouched, changed), "(FLAGS)")
        text = b" ".join(d if isinstance(d, bytes) else d[0] for d in data if d).decode()
        tap.ok(re.search(r"UID %d FLAGS \([^)]*\\Seen" % untouched, text) and
               not re.search(r"UID %d FLAGS \([^)]*\\Seen" % changed, text),
               "the untouched message got \\Seen, the changed one did not", text)
        M.logout()

        # On disk: the maildir's flag letters say the same.
        disk = sb.messages(USER, "INBOX")
        letters = sorted(flag_letters(info) for info, _ in disk.values())
        flagged = sum(1 for l in letters if "F" in l)
        replied = sum(1 for l in letters if "R" in l)
        seen = sum(1 for l in letters if "S" in l)
        tap.ok((flagged, replied, seen) == (5, 5, 1),
               "the maildir has 5 flagged, 5 replied, 1 seen message files",
               (flagged, replied, seen))
    finally:
        codes = plain.stop()
        tap.ok(all(c == 0 for c in codes), "every imapd exited cleanly", "exit codes %r" % codes)
        sb.close()


def main():
    tap = Tap("modseq imaplib2")
    tap.main(lambda: run(tap))


if __name__ == "__main__":
    main()

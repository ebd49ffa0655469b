#!/usr/bin/env python3
"""client_imaplib2.py - imaplib2 (Debian's python3-imaplib2, a threaded IMAP
client nobody here wrote) against imapd over plain+STARTTLS and over imaps:
CAPABILITY, NAMESPACE, ID, ENABLE, IDLE woken by a delivery another process
makes into the maildir, and COMPRESS=DEFLATE, then Python's imaplib for
UNSELECT (imaplib2 has no call for it).  Each answer is checked, then the
store: the delivered message is what the client fetched, a \\Deleted message
survives UNSELECT on disk, and the server's log holds the client's ID
masked and cut short.

(python3-imapclient, the library the issue names, is not packaged for
Debian 12; imaplib2 is, and covers the same extensions but UNSELECT.)"""

# covers: R2971-7-c (ID's log entry is bounded: spec/requirements/rfc2971.tsv)

import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, PASSWORD, USER, Sandbox, Tap, crlf, make_message  # noqa: E402


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


def session(tap, sb, imaplib2, label, connect):
    M = connect()
    typ, _ = M.login(USER, PASSWORD)
    tap.ok(typ == "OK", "%s: LOGIN" % label)
    typ, data = M.capability()
    caps = set(data[0].decode().upper().split()) if data and data[0] else set()
    want = {"IMAP4REV1", "IDLE", "NAMESPACE", "ID", "UNSELECT", "ENABLE", "COMPRESS=DEFLATE",
            "LITERAL+", "UIDPLUS"}
    tap.ok(want <= caps, "%s: CAPABILITY lists %s" % (label, " ".join(sorted(want))),
           sorted(want - caps))

    typ, data = M.namespace()
    tap.ok(typ == "OK" and data == [b'(("" ".")) NIL NIL'],
           "%s: NAMESPACE is one personal namespace, \"\" with \".\"" % label, (typ, data))

    # A name with a quote and a control character, a long version.
    typ, data = M.id("name", 'imaplib2 "test"\x01', "version", "9" * 300)
    tap.ok(typ == "OK" and data == [b'("name" "imapd")'], "%s: ID answers our name" % label,
           (typ, data))

    typ, data = M.enable("CONDSTORE")
    # imaplib2 3.05's enable() keeps the lock a state-changing command
    # takes (its other such calls release it in a finally): release it.
    M._release_state_change()
    en = M.response("ENABLED")
    tap.ok(typ == "OK" and b"CONDSTORE" not in b" ".join(d for d in en[1] if d),
           "%s: ENABLE CONDSTORE enables nothing (not offered)" % label, (typ, data, en))

    if label.startswith("plain"):
        # COMPRESS before SELECT: imaplib2 allows it only then.
        M.enable_compression()
        tap.ok(M.compressor is not None, "%s: COMPRESS DEFLATE turned on" % label)

    typ, data = M.select("INBOX")
    n0 = int(data[0])
    tap.ok(typ == "OK", "%s: SELECT INBOX (%d messages)" % (label, n0))

    # IDLE, woken by a delivery another process makes.
    name = "%d.M%dP%d.deliver%s" % (time.time(), os.getpid(), n0, label.replace("+", ""))
    body = make_message(100 + n0)
    result = {}

    def done(args):
        result["idle"] = args
    M.idle(timeout=15, callback=done)
    time.sleep(0.3)
    t0 = time.time()
    sb.deliver_by_process(USER, name, body)
    while "idle" not in result and time.time() - t0 < 15:
        time.sleep(0.02)
    latency = time.time() - t0
    tap.ok("idle" in result and latency < 3, "%s: IDLE returns on a delivery into new/ within 3 s "
           "(%.2f s)" % (label, latency), result)
    typ, data = M.response("EXISTS")
    tap.ok(data and data[-1] == str(n0 + 1).encode(), "%s: ... with * %d EXISTS" % (label, n0 + 1),
           (typ, data))

    typ, data = M.fetch(str(n0 + 1), "(BODY.PEEK[])")
    got = data[0][1] if data and isinstance(data[0], tuple) else b""
    tap.ok(typ == "OK" and got == crlf(body), "%s: FETCH brings the delivered message%s" %
           (label, " through DEFLATE" if label.startswith("plain") else ""), (typ, data))
    typ, data = M.noop()
    tap.ok(typ == "OK", "%s: NOOP after it" % label)
    M.logout()


def unselect(tap, sb, port):
    """UNSELECT through Python's imaplib: the \\Deleted message stays."""
    import imaplib
    M = imaplib.IMAP4("127.0.0.1", port)
    M.login(USER, PASSWORD)
    M.select("INBOX")
    typ, data = M.store("1", "+FLAGS", r"(\Deleted)")
    tap.ok(typ == "OK", "imaplib: STORE +FLAGS \\Deleted on 1")
    typ, data = M.unselect()
    tap.ok(typ == "OK", "imaplib: UNSELECT", (typ, data))
    tap.ok(M.state == "AUTH", "imaplib: back in the authenticated state", M.state)
    msgs = sb.messages(USER, "INBOX")
    tap.ok(len(msgs) == 2 and sum("T" in info for info, _ in msgs.values()) == 1,
           "UNSELECT left both messages on disk, one with T (\\Deleted)",
           sorted(info for info, _ in msgs.values()))
    M.logout()


def main():
    tap = Tap("imaplib2")
    tap.main(lambda: run(tap))


def run(tap):
    tap.need(IMAPD, "saslpasswd2", "openssl")
    imaplib2 = import_imaplib2()
    if imaplib2 is None:
        tap.bail("not installed: imaplib2 (Debian package python3-imaplib2)")
    sb = Sandbox()
    plain = sb.inetd()
    imaps = sb.inetd("-s")
    try:
        def starttls():
            M = imaplib2.IMAP4("127.0.0.1", plain.port, timeout=20)
            typ, _ = M.starttls()
            tap.ok(typ == "OK", "plain+STARTTLS: STARTTLS")
            return M
        tap.check("plain+STARTTLS session", lambda: session(tap, sb, imaplib2, "plain+STARTTLS",
                                                              starttls))
        tap.check("imaps session", lambda: session(
            tap, sb, imaplib2, "imaps", lambda: imaplib2.IMAP4_SSL("127.0.0.1", imaps.port, timeout=20)))
        tap.check("UNSELECT session", lambda: unselect(tap, sb, plain.port))
        log = sb.logtext()
        ids = re.findall(r"info: id: (.*)", log)
        tap.ok(len(ids) == 2 and all(l.startswith('"name"="imaplib2 ?test??" "version"="' + "9" * 64
                                                  + '..." user=' + USER) for l in ids),
               "the log holds each ID masked (quotes and controls as ?) and cut at 64 octets",
               "\n".join(ids))
    finally:
        codes = plain.stop() + imaps.stop()
        tap.ok(all(c == 0 for c in codes), "every imapd exited cleanly", "exit codes %r" % codes)
        sb.close()


if __name__ == "__main__":
    main()

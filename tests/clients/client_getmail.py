#!/usr/bin/env python3
"""client_getmail.py - getmail6 (not written here) with --idle against
imapd, over plain IMAP and over imaps (getmail has no STARTTLS): it
fetches what is in INBOX, then waits in IDLE; a message delivered into
the server's maildir by another process meanwhile is fetched within
seconds into getmail's local maildir, unchanged, and - getmail runs with
delete = true - removed from the server's maildir (flagged \\Deleted and
expunged)."""

import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, PASSWORD, USER, Sandbox, Tap, make_message, wait_for  # noqa: E402


def local_bodies(path):
    out = []
    for sub in ("new", "cur"):
        d = os.path.join(path, sub)
        for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            with open(os.path.join(d, f), "rb") as fh:
                out.append(fh.read())
    return out


def strip_getmail_headers(raw):
    """getmail may add Delivered-To, Return-Path and Received lines at the
    top and adds X-getmail-retrieved-from-mailbox to the header; the rest
    is the message as stored, with LF line ends."""
    lines = raw.split(b"\n")
    while lines and (lines[0].startswith((b"Delivered-To:", b"Return-Path:", b"Received:"))
                     or lines[0].startswith((b" ", b"\t"))):
        lines.pop(0)
    return b"\n".join(l for l in lines if not l.startswith(b"X-getmail-retrieved-from-mailbox:"))


def run(tap, sb, label, port, retriever):
    base = os.path.join(sb.dir, "getmail-" + label)
    local = os.path.join(base, "Maildir")
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(local, d))
    # getmail refuses to deliver as root: as root, its Maildir delivery
    # runs as nobody (the destination's "user" option).
    deliver_as = ""
    if os.getuid() == 0:
        import pwd
        nobody = pwd.getpwnam("nobody")
        os.chmod(sb.dir, 0o755)
        for d in (base, local) + tuple(os.path.join(local, x) for x in ("cur", "new", "tmp")):
            os.chown(d, nobody.pw_uid, nobody.pw_gid)
        deliver_as = "user = nobody\n"
    rc = os.path.join(base, "getmailrc")
    with open(rc, "w") as f:
        f.write("""[retriever]
type = %s
server = 127.0.0.1
port = %d
username = %s
password = %s
mailboxes = ("INBOX",)

[destination]
type = Maildir
path = %s/
%s
[options]
delete = true
read_all = true
verbose = 2
""" % (retriever, port, USER, PASSWORD, local, deliver_as))
    # One message waiting, then getmail idles.
    first = make_message(1)
    sb.deliver_by_process(USER, "%d.M1P%d.%s-first" % (time.time(), os.getpid(), label), first)
    log = open(os.path.join(base, "getmail.log"), "w+")
    p = subprocess.Popen(["getmail", "--getmaildir", base, "--rcfile", rc, "--idle", "INBOX"],
                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        got = wait_for(lambda: len(local_bodies(local)) >= 1 or p.poll() is not None, timeout=20)
        got = len(local_bodies(local)) >= 1
        if not tap.ok(got, "%s: getmail fetched the waiting message" % label,
                      open(log.name).read()[-1500:]):
            return
        gone = wait_for(lambda: not sb.messages(USER, "INBOX"), timeout=10)
        tap.ok(gone, "%s: ... and deleted it on the server (delete = true)" % label,
               sorted(sb.messages(USER, "INBOX")))
        # getmail is in IDLE now (its log says so); deliver the second.
        wait_for(lambda: "IDLE" in open(log.name).read() or p.poll() is not None, timeout=10)
        time.sleep(0.5)
        second = make_message(2)
        t0 = time.time()
        sb.deliver_by_process(USER, "%d.M2P%d.%s-second" % (time.time(), os.getpid(), label), second)
        got = wait_for(lambda: len(local_bodies(local)) >= 2, timeout=15)
        took = time.time() - t0
        tap.ok(got and took < 5, "%s: a delivery during IDLE is fetched within 5 s (%.2f s)" % (label, took),
               open(log.name).read()[-2000:])
        bodies = [strip_getmail_headers(b) for b in local_bodies(local)]
        want = sorted(m.encode() for m in (first, second))
        tap.ok(sorted(bodies) == want, "%s: both arrived unchanged (but for getmail's own header lines)" % label,
               bodies)
        gone = wait_for(lambda: not sb.messages(USER, "INBOX"), timeout=10)
        tap.ok(gone, "%s: the server's maildir is empty again (fetched, \\Deleted, expunged)" % label,
               sorted(sb.messages(USER, "INBOX")))
        tap.ok(p.poll() is None, "%s: getmail is still idling" % label, open(log.name).read()[-1500:])
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
        log.close()


def main():
    tap = Tap("getmail")
    tap.main(lambda: run_all(tap))


def run_all(tap):
    tap.need(IMAPD, "saslpasswd2", "openssl", "getmail")
    sb = Sandbox()
    plain = sb.inetd()
    imaps = sb.inetd("-s")
    try:
        tap.check("plain IMAP run", lambda: run(tap, sb, "plain", plain.port, "SimpleIMAPRetriever"))
        tap.check("imaps run", lambda: run(tap, sb, "imaps", imaps.port, "SimpleIMAPSSLRetriever"))
    finally:
        codes = plain.stop() + imaps.stop()
        tap.ok(all(c == 0 for c in codes), "every imapd exited cleanly", "exit codes %r" % codes)
        sb.close()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""client_fetchmail.py - fetchmail (not written here) with --idle against
imapd, over plain IMAP with STARTTLS and over imaps: it fetches what is in
INBOX, then waits in IDLE; a message delivered into the server's maildir
by another process meanwhile reaches fetchmail's MDA within seconds,
unchanged, and - fetchmail's default, no "keep" - is removed from the
server (flagged \\Deleted and expunged: the server's maildir is empty)."""

import glob
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, PASSWORD, USER, Sandbox, Tap, make_message, wait_for  # noqa: E402


def delivered(outdir):
    out = []
    for f in sorted(glob.glob(os.path.join(outdir, "msg.*"))):
        with open(f, "rb") as fh:
            out.append(fh.read())
    return out


def strip_fetchmail_headers(raw):
    """fetchmail adds a Received header (with continuation lines) at the top."""
    lines = raw.replace(b"\r\n", b"\n").split(b"\n")
    if lines and lines[0].startswith(b"Received:"):
        lines.pop(0)
        while lines and lines[0].startswith((b" ", b"\t")):
            lines.pop(0)
    return b"\n".join(lines)


def run(tap, sb, label, port, tls_line):
    home = os.path.join(sb.dir, "fetchmail-" + label)
    outdir = os.path.join(home, "out")
    os.makedirs(outdir)
    rc = os.path.join(home, "fetchmailrc")
    # The MDA writes each message to a file of its own, renamed into place
    # once complete (the test reads msg.* files as soon as they appear).
    mda = "/bin/sh -c 'cat > %s/tmp.$$ && mv %s/tmp.$$ %s/msg.$$'" % (outdir, outdir, outdir)
    with open(rc, "w") as f:
        f.write('set no bouncemail\n'
                'poll 127.0.0.1 with proto IMAP port %d\n'
                '    user "%s" there with password "%s" is "%s" here\n'
                '    folder INBOX\n'
                '    %s\n'
                '    mda "%s"\n' % (port, USER, PASSWORD, os.environ.get("USER", "root"), tls_line,
                                    mda.replace('"', '\\"')))
    os.chmod(rc, 0o600)
    first = make_message(1)
    sb.deliver_by_process(USER, "%d.M1P%d.%s-first" % (time.time(), os.getpid(), label), first)
    env = dict(os.environ, FETCHMAILHOME=home, HOME=home)
    log = open(os.path.join(home, "fetchmail.log"), "w+")
    p = subprocess.Popen(["fetchmail", "-f", rc, "--idle", "--nodetach", "-v", "--pidfile",
                          os.path.join(home, "fetchmail.pid")],
                         stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)

    def logtext():
        return open(log.name, errors="replace").read()[-2500:]
    try:
        wait_for(lambda: delivered(outdir) or p.poll() is not None, timeout=20)
        if not tap.ok(len(delivered(outdir)) == 1, "%s: fetchmail fetched the waiting message" % label,
                      logtext()):
            return
        gone = wait_for(lambda: not sb.messages(USER, "INBOX"), timeout=10)
        tap.ok(gone, "%s: ... and deleted it on the server" % label,
               sorted(sb.messages(USER, "INBOX")))
        idling = wait_for(lambda: "IDLE" in logtext() or p.poll() is not None, timeout=10)
        tap.ok(idling and p.poll() is None, "%s: fetchmail is in IDLE" % label, logtext())
        time.sleep(0.5)
        second = make_message(2)
        t0 = time.time()
        sb.deliver_by_process(USER, "%d.M2P%d.%s-second" % (time.time(), os.getpid(), label), second)
        wait_for(lambda: len(delivered(outdir)) >= 2, timeout=15)
        took = time.time() - t0
        tap.ok(len(delivered(outdir)) == 2 and took < 5,
               "%s: a delivery during IDLE is fetched within 5 s (%.2f s)" % (label, took), logtext())
        bodies = sorted(strip_fetchmail_headers(b) for b in delivered(outdir))
        want = sorted(m.encode() for m in (first, second))
        tap.ok(bodies == want, "%s: both arrived unchanged (but for fetchmail's Received line)" % label,
               bodies)
        gone = wait_for(lambda: not sb.messages(USER, "INBOX"), timeout=10)
        tap.ok(gone, "%s: the server's maildir is empty again (fetched, \\Deleted, expunged)" % label,
               sorted(sb.messages(USER, "INBOX")))
        if "imaps" not in label:
            full = open(log.name, errors="replace").read()
            tap.ok(re.search(r"IMAP> A\d+ STARTTLS", full) and re.search(r"IMAP< A\d+ OK", full),
                   "%s: fetchmail started TLS with STARTTLS" % label, full[:2000])
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
    tap = Tap("fetchmail")
    tap.main(lambda: run_all(tap))


def run_all(tap):
    tap.need(IMAPD, "saslpasswd2", "openssl", "fetchmail")
    sb = Sandbox()
    plain = sb.inetd()
    imaps = sb.inetd("-s")
    try:
        # Our test certificate is self-signed: no certificate check.
        tap.check("plain+STARTTLS run", lambda: run(tap, sb, "plain+STARTTLS", plain.port,
                                                    "sslproto tls1.2+ no sslcertck"))
        tap.check("imaps run", lambda: run(tap, sb, "imaps", imaps.port, "ssl no sslcertck"))
    finally:
        codes = plain.stop() + imaps.stop()
        tap.ok(all(c == 0 for c in codes), "every imapd exited cleanly", "exit codes %r" % codes)
        sb.close()


if __name__ == "__main__":
    main()

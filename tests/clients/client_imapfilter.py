#!/usr/bin/env python3
"""client_imapfilter.py - imapfilter (Debian's, not written here) filtering
with move_messages and waiting with enter_idle, over plain IMAP with
STARTTLS and over imaps.

The filter moves the two "move me" messages of INBOX to Archive, then
waits in IDLE; a message delivered into INBOX's new/ (as an MTA does)
must wake it within seconds, and the filter moves that one too.  The
server's disk must then hold the three in Archive, without \\Deleted, and
only "stay" in INBOX.  (imapfilter 2.8's move_messages is COPY, STORE
\\Deleted and an expunge at close; it does not send MOVE.)"""

import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import PASSWORD, USER, InetdServer, run_client_test  # noqa: E402

CONFIG = """
options.certificates = false
options.hostnames = false
options.timeout = 30
options.info = true
options.starttls = %(starttls)s
local acc = IMAP {
    server = 'localhost',
    port = %(port)d,
    username = '%(user)s',
    password = '%(password)s',
    %(ssl)s
}
acc.INBOX:contain_subject('move me'):move_messages(acc.Archive)
acc.INBOX:check_status()
print('IDLE-START')
io.stdout:flush()
local ok = acc.INBOX:enter_idle()
print('IDLE-RETURNED', ok)
acc.INBOX:contain_subject('late'):move_messages(acc.Archive)
print('FILTER-DONE')
"""


def subjects(sb, box):
    out = []
    for info, c in sb.messages(USER, box).values():
        subj = c.split(b"Subject: ", 1)[1].split(b"\n", 1)[0].decode()
        out.append((subj, info))
    return sorted(out)


def main():
    # A missing imapfilter is a failure with its reason (make check installs it).
    run_client_test("imapfilter", run, tools=("imapfilter",))


def run(tap, sb, srv):
    sb.enable_protocol_log(USER)
    tls = InetdServer(sb, args=("-s",))  # imaps: TLS from the first octet
    try:
        for mode, port, ssl in (("plain+STARTTLS", srv.port, ""),
                                ("imaps", tls.port, "ssl = 'auto',")):
            one_mode(tap, sb, mode, port, ssl)
        tap.ok("info: STARTTLS: TLS" in sb.logtext() and "info: imaps: TLS" in sb.logtext(),
               "the server log shows a STARTTLS session and an imaps one", sb.logtext()[-1500:])
    finally:
        codes = tls.stop()
        tap.ok(all(c == 0 for c in codes), "every imaps imapd exited cleanly", "exit codes %r" % codes)


def one_mode(tap, sb, mode, port, ssl):
    home = sb.folder(USER, "INBOX")
    shutil.rmtree(home, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(home, sub))
        os.makedirs(os.path.join(home, ".Archive", sub))
    open(os.path.join(home, ".Archive", "maildirfolder"), "w").close()
    for i, subj in enumerate(("move me 1", "stay", "move me 2")):
        with open(os.path.join(home, "cur", "1700000%03d.M%dP1.srv:2,S" % (i, i)), "w") as f:
            f.write("From: a@example.com\nSubject: %s\nMessage-ID: <f%d@example.com>\n\nbody %d\n"
                    % (subj, i, i))
    # The server's certificate is self-signed: imapfilter is told not to
    # check it (certificates, hostnames); it would ask on a terminal.
    imapdir = os.path.join(sb.dir, "imapfilter-home")
    os.makedirs(imapdir, exist_ok=True)
    cfg = os.path.join(sb.dir, "config.lua")
    with open(cfg, "w") as f:
        f.write(CONFIG % {"starttls": "true" if not ssl else "false", "port": port, "user": USER,
                          "password": PASSWORD, "ssl": ssl})
    env = dict(os.environ, HOME=imapdir)
    mark = sb.protocol_log_mark(USER)
    p = subprocess.Popen(["imapfilter", "-c", cfg], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         env=env)
    try:
        # Wait until the filter sits in IDLE (the server has its IDLE).
        deadline = time.time() + 20
        while time.time() < deadline and "IDLE\n" not in sb.protocol_log(USER, since=mark) \
                and p.poll() is None:
            time.sleep(0.05)
        in_idle = "IDLE\n" in sb.protocol_log(USER, since=mark)
        tap.ok(in_idle, "%s: imapfilter went into IDLE after moving" % mode)
        moved = subjects(sb, "Archive")
        tap.ok([s for s, _ in moved] == ["move me 1", "move me 2"],
               "%s: move_messages put the two messages in Archive" % mode, moved)
        # A delivery while it waits.
        t0 = time.time()
        tmp = os.path.join(home, "tmp", "1800000000.M9P9.mta")
        with open(tmp, "w") as f:
            f.write("From: b@example.com\nSubject: late one\nMessage-ID: <late@example.com>\n\nlate\n")
        os.rename(tmp, os.path.join(home, "new", "1800000000.M9P9.mta"))
        out, _ = p.communicate(timeout=30)
        dt = time.time() - t0
        out = out.decode(errors="replace")
        tap.ok(p.returncode == 0 and "IDLE-RETURNED" in out and "FILTER-DONE" in out,
               "%s: the delivery woke enter_idle (in %.1f s) and the filter finished" % (mode, dt), out)
        tap.ok(dt < 10, "%s: within seconds of the delivery (%.1f s)" % (mode, dt))
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    inbox = subjects(sb, "INBOX")
    archive = subjects(sb, "Archive")
    tap.ok([s for s, _ in inbox] == ["stay"], "%s: INBOX on disk holds only 'stay'" % mode, inbox)
    tap.ok([s for s, _ in archive] == ["late one", "move me 1", "move me 2"],
           "%s: Archive on disk holds the three moved messages" % mode, archive)
    tap.ok(all("T" not in info for _, info in archive), "%s: none of them with \\Deleted" % mode,
           archive)
    log = sb.protocol_log(USER, since=mark)
    tap.ok("COPY" in log and "IDLE" in log and "DONE" in log,
           "%s: the protocol log shows COPY, IDLE and DONE" % mode, log[-2000:])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""client_neomutt.py - NeoMutt (Debian's, not written here) driven through
tmux, over plain IMAP with STARTTLS and over imaps, with imap_idle (and
imap_deflate where the build has it: Debian 12's has no zlib, so that
part is skipped with the reason).

In the index of INBOX, NeoMutt saves the two "move me" messages to
Archive (tag-pattern, then tag-prefix save), deletes "delete me"
(delete-pattern) and syncs; then a message delivered into INBOX's new/ (as
an MTA does) must show in its index within seconds, pushed by IDLE.  The
server's disk must then hold the two in Archive and "stay" and the new one
in INBOX; the protocol log must show IDLE (and COMPRESS when offered)."""

import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import PASSWORD, USER, InetdServer, run_client_test  # noqa: E402

MUTTRC = """
set imap_user = "%(user)s"
set imap_pass = "%(password)s"
set folder = "%(scheme)s://localhost:%(port)d/"
set spoolfile = "+INBOX"
set ssl_starttls = yes
set ssl_force_tls = yes
set ssl_ca_certificates_file = "%(cert)s"
set ssl_verify_dates = no
set imap_idle = yes
%(deflate)s
set mail_check = 1
set timeout = 1
set header_cache = ""
set message_cachedir = ""
set record = ""
set delete = yes
set move = no
set quit = yes
set confirmappend = no
set confirmcreate = no
set wait_key = no
set sort = subject
set index_format = "%%4C %%s"
"""


def subjects(sb, box):
    out = []
    for info, c in sb.messages(USER, box).values():
        out.append((c.split(b"Subject: ", 1)[1].split(b"\n", 1)[0].decode(), info))
    return sorted(out)


class Tmux:
    def __init__(self, name, cmd, env):
        self.name = name
        self.env = env
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, env=env)
        subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "150", "-y", "40", cmd],
                       check=True, env=env)

    def screen(self):
        p = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True,
                           env=self.env)
        return p.stdout.decode(errors="replace")

    def keys(self, *keys):
        subprocess.run(["tmux", "send-keys", "-t", self.name] + list(keys), check=True,
                       env=self.env)

    def text(self, text):
        """Keys taken literally (";" is a command separator to tmux)."""
        subprocess.run(["tmux", "send-keys", "-l", "-t", self.name, text], check=True,
                       env=self.env)

    def wait(self, text, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if text in self.screen():
                return True
            time.sleep(0.1)
        return False

    def close(self):
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True, env=self.env)


def main():
    # A missing neomutt or tmux is a failure with its reason (make check
    # installs them).
    run_client_test("neomutt", run, tools=("neomutt", "tmux"))


def run(tap, sb, srv):
    has_deflate = subprocess.run(["neomutt", "-n", "-F", "/dev/null", "-Q", "imap_deflate"],
                                 capture_output=True).returncode == 0
    sb.enable_protocol_log(USER)
    tls = InetdServer(sb, args=("-s",))  # imaps: TLS from the first octet
    try:
        for mode, port, scheme in (("plain+STARTTLS", srv.port, "imap"), ("imaps", tls.port, "imaps")):
            one_mode(tap, sb, mode, port, scheme, has_deflate)
        tap.ok("info: STARTTLS: TLS" in sb.logtext() and "info: imaps: TLS" in sb.logtext(),
               "the server log shows a STARTTLS session and an imaps one", sb.logtext()[-1500:])
    finally:
        codes = tls.stop()
        tap.ok(all(c == 0 for c in codes), "every imaps imapd exited cleanly", "exit codes %r" % codes)


def one_mode(tap, sb, mode, port, scheme, has_deflate):
    home = sb.folder(USER, "INBOX")
    shutil.rmtree(home, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(home, sub))
        os.makedirs(os.path.join(home, ".Archive", sub))
    open(os.path.join(home, ".Archive", "maildirfolder"), "w").close()
    for i, subj in enumerate(("move me 1", "stay here", "delete me", "move me 2")):
        with open(os.path.join(home, "cur", "1700000%03d.M%dP1.srv:2,S" % (i, i)), "w") as f:
            f.write("From: a@example.com\nSubject: %s\nMessage-ID: <n%d@example.com>\n"
                    "Date: Mon, 7 Feb 1994 21:52:%02d -0800\n\nbody %d\n" % (subj, i, i, i))
    muhome = os.path.join(sb.dir, "neomutt-home-" + scheme)
    os.makedirs(muhome, exist_ok=True)
    rc = os.path.join(muhome, "muttrc")
    with open(rc, "w") as f:
        f.write(MUTTRC % {"user": USER, "password": PASSWORD, "scheme": scheme, "port": port,
                          "cert": sb.cert, "deflate": "set imap_deflate = yes" if has_deflate else ""})
    env = dict(os.environ, HOME=muhome, TERM="xterm", TMUX_TMPDIR=muhome)
    env.pop("TMUX", None)
    mark = sb.protocol_log_mark(USER)
    t = Tmux("imapd-neomutt-%d" % os.getpid(), "neomutt -n -F %s" % rc, env)
    try:
        opened = t.wait("move me 2")
        tap.ok(opened, "%s: NeoMutt shows INBOX" % mode, t.screen())
        if not opened:
            return
        # Save the "move me" ones to Archive, delete "delete me", sync.
        t.keys("T")
        t.wait("Tag messages matching")
        t.keys("~s move", "Enter")
        time.sleep(0.3)
        t.text(";s")
        t.wait("Save tagged to mailbox")
        t.keys("C-u", "=Archive", "Enter")
        time.sleep(1.0)
        t.keys("D")
        t.wait("Delete messages matching")
        t.keys("~s delete", "Enter")
        time.sleep(0.3)
        t.keys("$")
        deadline = time.time() + 15
        while time.time() < deadline:
            inbox = subjects(sb, "INBOX")
            if [s for s, _ in inbox] == ["stay here"]:
                break
            time.sleep(0.2)
        inbox = subjects(sb, "INBOX")
        archive = subjects(sb, "Archive")
        tap.ok([s for s, _ in archive] == ["move me 1", "move me 2"],
               "%s: the two saved messages are in Archive on disk" % mode, (archive, t.screen()))
        tap.ok([s for s, _ in inbox] == ["stay here"],
               "%s: after the sync INBOX on disk holds only 'stay here'" % mode, (inbox, t.screen()))
        tap.ok(all("T" not in info for _, info in archive), "%s: no \\Deleted in Archive" % mode, archive)
        # A delivery while NeoMutt waits in IDLE shows up in its index.
        deadline = time.time() + 10
        while time.time() < deadline and "IDLE\n" not in sb.protocol_log(USER, since=mark):
            time.sleep(0.1)
        tap.ok("IDLE\n" in sb.protocol_log(USER, since=mark), "%s: NeoMutt went into IDLE" % mode)
        t0 = time.time()
        tmp = os.path.join(home, "tmp", "1800000000.M9P9.mta")
        with open(tmp, "w") as f:
            f.write("From: b@example.com\nSubject: late arrival\nMessage-ID: <late@example.com>\n\nlate\n")
        os.rename(tmp, os.path.join(home, "new", "1800000000.M9P9.mta"))
        seen = t.wait("late arrival", timeout=15)
        dt = time.time() - t0
        tap.ok(seen and dt < 10, "%s: the delivery shows in the index within seconds (%.1f s)" % (mode, dt),
               t.screen())
        t.keys("q")
        time.sleep(0.5)
    finally:
        t.close()
    log = sb.protocol_log(USER, since=mark)
    tap.ok("IDLE\n" in log and "DONE\n" in log, "%s: the protocol log shows IDLE and DONE" % mode,
           log[-1500:])
    if has_deflate:
        tap.ok("COMPRESS DEFLATE" in log, "%s: imap_deflate compressed the connection" % mode, log[-1500:])
    else:
        tap.skip("%s: imap_deflate" % mode, "this NeoMutt build has no imap_deflate (no zlib)")
    inbox = subjects(sb, "INBOX")
    tap.ok([s for s, _ in inbox] == ["late arrival", "stay here"],
           "%s: in the end INBOX on disk holds 'stay here' and the new message" % mode, inbox)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""clientlib.py - what the real-client tests (imaplib, curl, mbsync) share.

Not a test itself.  InetdServer accepts on 127.0.0.1 and starts one imapd
per connection with the socket as its stdin and stdout, as inetd's
"nowait" mode does, so third-party clients that open several connections
in a row (curl, mbsync) each get a fresh server.  maildir_messages()
reads what ended up on disk, so the tests check the server's store, not
only what the client was told.
"""

import os
import re
import socket
import subprocess
import threading

from launchlib import IMAPD, Sandbox, Tap  # noqa: F401  (re-exported)


class InetdServer:
    """inetd "nowait" in a thread: accept, spawn imapd on the socket
    (with `args`, e.g. "-s" for implicit TLS: imaps)."""

    def __init__(self, sandbox, *args):
        self.sb = sandbox
        self.args = list(args)
        self.ls = socket.socket()
        self.ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.ls.bind(("127.0.0.1", 0))
        self.ls.listen(16)
        self.port = self.ls.getsockname()[1]
        self.procs = []
        self.stopping = False
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self):
        while not self.stopping:
            try:
                conn, _ = self.ls.accept()
            except OSError:
                return
            p = subprocess.Popen([IMAPD, "-C", self.sb.conf] + self.args, stdin=conn.fileno(),
                                 stdout=conn.fileno(), env=self.sb.env, cwd=self.sb.dir)
            conn.close()
            self.procs.append(p)

    def stop(self):
        """Stop accepting; wait for the servers; return their exit codes."""
        self.stopping = True
        try:
            self.ls.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.ls.close()
        self.thread.join(5)
        codes = []
        for p in self.procs:
            try:
                codes.append(p.wait(timeout=10))
            except subprocess.TimeoutExpired:
                p.kill()
                codes.append(p.wait())
        return codes


def protocol_log(sb, user):
    """Every protocol log line of user so far (log/<user>/ in the config
    directory, made by enable_protocol_log), to see what a client sent."""
    d = os.path.join(sb.configdir, "log", user)
    out = []
    for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        with open(os.path.join(d, f), errors="replace") as fh:
            out.append(fh.read())
    return "\n".join(out)


def enable_protocol_log(sb, user):
    os.makedirs(os.path.join(sb.configdir, "log", user), exist_ok=True)


def folder_path(sb, user, mailbox):
    root = os.path.join(sb.mail, user)
    if mailbox.upper() == "INBOX":
        return root
    return os.path.join(root, "." + mailbox)


def maildir_messages(sb, user, mailbox):
    """{file name without flags: (flag letters, content)} of a mailbox."""
    d = folder_path(sb, user, mailbox)
    out = {}
    for sub in ("new", "cur"):
        p = os.path.join(d, sub)
        if not os.path.isdir(p):
            continue
        for f in os.listdir(p):
            base, _, info = f.partition(":2,")
            with open(os.path.join(p, f), "rb") as fh:
                out[base] = (info, fh.read())
    return out


def flag_letters(info):
    """System flag letters of a maildir info part (keywords a-z dropped)."""
    return "".join(sorted(c for c in info if c in "DFRST"))


def make_message(i, extra_headers=""):
    body = "This is message number %d.\nIt has two lines.\n" % i
    return ("From: sender%d@example.com\nTo: testuser@example.com\n"
            "Subject: message %d\nDate: Mon, 7 Feb 1994 21:52:%02d -0800\n"
            "Message-ID: <msg%d@example.com>\n%s\n%s" % (i, i, i % 60, i, extra_headers, body))


def crlf(text):
    return re.sub(r"\r?\n", "\r\n", text).encode()


def run_client_test(name, body):
    """Run body(tap, sandbox, server) against an inetd-style imapd; a crash
    of the test counts as a failure with its traceback; every imapd must
    exit cleanly; the sandbox is removed."""
    tap = Tap(name)
    sb = Sandbox()
    srv = InetdServer(sb)
    try:
        body(tap, sb, srv)
    except Exception:
        import traceback
        tap.ok(False, "%s tests ran to the end" % name, traceback.format_exc())
    finally:
        codes = srv.stop()
        tap.ok(all(c == 0 for c in codes), "every imapd exited cleanly", "exit codes %r" % codes)
        sb.close()
    tap.done()

#!/usr/bin/env python3
"""client_offlineimap.py - offlineimap3 (not written here) syncing folder
trees with imapd both ways, checked on the server's disk.

offlineimap makes a folder by a CREATE of every level of its name, parent
first, and goes on after a NO only when it carries [ALREADYEXISTS] (RFC
5530); it skips \\Noselect folders.  So:

  1. a tree made on the server (children whose parents exist only as
     \\Noselect levels, and a parent made before its child) reaches the
     local maildir, messages included;
  2. a tree made locally reaches the server: each level a real mailbox
     with its messages, though every level after the first is CREATEd
     again (NO [ALREADYEXISTS]);
  3. local parents of a folder that exists on the server only under
     \\Noselect levels: CREATE of those levels after their child (RFC2060
     §6.3.3), the case a server answering "NO Mailbox already exists"
     broke;
  4. a run without changes changes nothing.

All of it over plain IMAP; the first two over STARTTLS and over imaps
(imapd -s) too, where offlineimap checks the server certificate by its
SHA-256 fingerprint.

offlineimap3 fails ("getfolder() asked for a nonexisting folder") when it
creates on the server a level the local side does not have, whatever the
server; the local trees here have every level.  The server's folders are
read from its maildir (.Name/cur)."""

import hashlib
import imaplib
import os
import re
import shutil
import ssl
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (PASSWORD, USER, InetdServer, Sandbox, Tap, crlf,  # noqa: E402
                       make_message)


def msgids(messages):
    out = set()
    for _, content in messages.values():
        m = re.search(rb"^Message-ID: <([^>]+)>", content, re.M | re.I)
        if m:
            out.add(m.group(1).decode())
    return out


def local_ids(local, folder):
    d = os.path.join(local, folder)
    out = set()
    for sub in ("new", "cur"):
        p = os.path.join(d, sub)
        for f in os.listdir(p) if os.path.isdir(p) else []:
            with open(os.path.join(p, f), "rb") as fh:
                m = re.search(rb"^Message-ID: <([^>]+)>", fh.read(), re.M | re.I)
            if m:
                out.add(m.group(1).decode())
    return out


def write_local(local, folder, numbers):
    d = os.path.join(local, folder)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    for i in numbers:
        with open(os.path.join(d, "new", "17100000%02d.M%dP1.local" % (i, i)), "w") as f:
            f.write(make_message(i))


def server_is_mailbox(sb, name):
    return os.path.isdir(os.path.join(sb.folder(USER, name), "cur"))


def ids(*numbers):
    return {"msg%d@example.com" % i for i in numbers}


def main():
    tap = Tap("offlineimap")
    # A missing tool is a failure with its reason (make check installs it).
    tap.need("offlineimap", "openssl", "saslpasswd2")
    for mode in ("plain", "starttls", "imaps"):
        sb = Sandbox()
        # imaps: imapd speaks TLS from the first octet (-s).
        srv = InetdServer(sb, args=("-s",) if mode == "imaps" else ())
        try:
            run(tap, sb, srv, mode)
        except Exception:
            import traceback
            tap.ok(False, "%s: the test ran to the end" % mode, traceback.format_exc())
        finally:
            codes = srv.stop()
            tap.ok(all(c == 0 for c in codes), "%s: every imapd exited cleanly" % mode,
                   "exit codes %r" % codes)
            sb.close()
    tap.done()


def imap_login(srv, mode):
    """An imaplib session with the server, over the mode's transport."""
    if mode == "imaps":
        M = imaplib.IMAP4_SSL("127.0.0.1", srv.port, ssl_context=ssl._create_unverified_context())
    else:
        M = imaplib.IMAP4("127.0.0.1", srv.port)
        if mode == "starttls":
            M.starttls(ssl._create_unverified_context())
    M.login(USER, PASSWORD)
    return M


def run(tap_, sb, srv, mode):
    class Prefixed:
        def ok(self, cond, what, diag=None):
            return tap_.ok(cond, "%s: %s" % (mode, what), diag)
    tap = Prefixed()
    local = os.path.join(sb.dir, "local")
    os.makedirs(local)
    with open(sb.cert, "rb") as f:
        der = ssl.PEM_cert_to_DER_cert(f.read().decode())
    tls = {"plain": "ssl = no\nstarttls = no\n",
           "starttls": "ssl = no\nstarttls = yes\n",
           "imaps": "ssl = yes\ncert_fingerprint = %s\n" % hashlib.sha256(der).hexdigest()}[mode]
    rc_file = os.path.join(sb.dir, "offlineimaprc")
    with open(rc_file, "w") as f:
        f.write("""[general]
accounts = test
metadata = %s/offlineimap-meta
ui = basic

[Account test]
localrepository = local
remoterepository = remote

[Repository local]
type = Maildir
localfolders = %s
sep = .

[Repository remote]
type = IMAP
remotehost = 127.0.0.1
remoteport = %d
remoteuser = %s
remotepass = %s
%smaxconnections = 1
holdconnectionopen = no
""" % (sb.dir, local, srv.port, USER, PASSWORD, tls))
    env = dict(os.environ, HOME=sb.dir)

    def sync(what):
        try:
            p = subprocess.run(["offlineimap", "-c", rc_file, "-o", "-u", "basic"],
                               capture_output=True, timeout=60, env=env, cwd=sb.dir)
        except subprocess.TimeoutExpired as e:
            # Say where it hung: offlineimap's last words and the server's log.
            out = ((e.stdout or b"") + (e.stderr or b"")).decode(errors="replace")
            raise AssertionError("offlineimap %s hung for 60 s\n--- offlineimap:\n%s\n--- imapd.log:\n%s"
                                 % (what, out[-2000:], sb.logtext()[-3000:]))
        out = (p.stdout + p.stderr).decode(errors="replace")
        # offlineimap exits 0 even when a folder failed; its log says so.
        bad = [l for l in out.splitlines() if re.search(r"ERROR|Traceback|could not be created", l)]
        tap.ok(p.returncode == 0 and not bad, "offlineimap %s" % what, "\n".join(bad[:8]) or out[-1500:])
        return out

    # 1. A tree made on the server.
    M = imap_login(srv, mode)
    for name in ("Projects.Alpha.Docs", "Projects.Beta", "Archive", "Archive.2023",
                 "Team.Ops.Oncall"):
        typ, data = M.create(name)
        tap.ok(typ == "OK", "server: CREATE %s" % name, data)
    for name, n in (("INBOX", 1), ("Projects.Alpha.Docs", 2), ("Projects.Alpha.Docs", 3),
                    ("Projects.Beta", 4), ("Archive.2023", 5), ("Team.Ops.Oncall", 6)):
        typ, data = M.append(name, None, None, crlf(make_message(n)))
        tap.ok(typ == "OK", "server: APPEND message %d to %s" % (n, name), data)
    M.logout()
    tap.ok(not server_is_mailbox(sb, "Projects") and not server_is_mailbox(sb, "Team.Ops"),
           "the superiors CREATE needed are \\Noselect levels, no mailboxes")

    sync("first sync (the server's tree comes down)")
    want = {"INBOX": ids(1), "Projects.Alpha.Docs": ids(2, 3), "Projects.Beta": ids(4),
            "Archive": set(), "Archive.2023": ids(5), "Team.Ops.Oncall": ids(6)}
    got = {name: local_ids(local, name) for name in want}
    tap.ok(got == want, "every server folder and message is in the local maildir", got)
    tap.ok(not os.path.exists(os.path.join(local, "Projects")),
           "the \\Noselect levels made no local folder", sorted(os.listdir(local)))

    # 2. A tree made locally: every level is CREATEd, parents first, and
    # again for each folder below it.
    write_local(local, "Clients.Acme.Invoices", (10, 11))
    write_local(local, "Clients.Acme", (12,))
    write_local(local, "Clients", (13,))
    sync("second sync (a local tree goes up)")
    for name, want_ids in (("Clients", ids(13)), ("Clients.Acme", ids(12)),
                           ("Clients.Acme.Invoices", ids(10, 11))):
        tap.ok(server_is_mailbox(sb, name) and msgids(sb.messages(USER, name)) == want_ids,
               "server: %s is a mailbox with its messages" % name,
               msgids(sb.messages(USER, name)))

    if mode != "plain":
        logins = [l for l in sb.logtext().splitlines() if "login: user=%s" % USER in l]
        tap.ok(logins and all(" tls=" in l for l in logins),
               "every login was over TLS (imapd's log)", "\n".join(logins))
        return
    # 3. Local parents of a folder that exists on the server only under
    # \Noselect levels: offlineimap CREATEs Team, then Team.Ops, after
    # their child Team.Ops.Oncall.
    write_local(local, "Team", (19,))
    write_local(local, "Team.Ops", (20,))
    out = sync("third sync (parents made after their child on the server)")
    tap.ok(server_is_mailbox(sb, "Team") and server_is_mailbox(sb, "Team.Ops"),
           "server: the \\Noselect levels Team and Team.Ops became mailboxes", out[-800:])
    tap.ok(msgids(sb.messages(USER, "Team")) == ids(19)
           and msgids(sb.messages(USER, "Team.Ops")) == ids(20)
           and msgids(sb.messages(USER, "Team.Ops.Oncall")) == ids(6),
           "server: Team and Team.Ops got their messages, Team.Ops.Oncall kept its own")

    # What a client sees of the tree now: every level a mailbox, with children.
    M = imap_login(srv, mode)
    typ, data = M.list('""', "Team*")
    lines = sorted(d.decode() for d in data)
    tap.ok(lines == ['(\\Unmarked \\HasChildren) "." Team', '(\\Unmarked \\HasChildren) "." Team.Ops',
                     '(\\Unmarked \\HasNoChildren) "." Team.Ops.Oncall'],
           "LIST shows the Team tree as mailboxes with children", lines)
    M.logout()

    # 4. Nothing changed: nothing changes.
    def snapshot():
        server = {n: msgids(sb.messages(USER, n))
                  for n in ("INBOX", "Clients", "Clients.Acme", "Clients.Acme.Invoices", "Team",
                            "Team.Ops", "Team.Ops.Oncall", "Projects.Alpha.Docs", "Projects.Beta",
                            "Archive.2023")}
        return server, sorted(os.listdir(local))
    before = snapshot()
    sync("fourth sync (no changes)")
    tap.ok(snapshot() == before, "a sync without changes changes nothing on either side")


if __name__ == "__main__":
    main()

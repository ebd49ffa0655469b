#!/usr/bin/env python3
"""client_mbsync_move.py - what mbsync 1.4 (Debian 12's isync, not written
here) does with the extensions, over STARTTLS and over imaps.

mbsync 1.4 compresses the connection when the server offers
COMPRESS=DEFLATE, takes the UIDs of what it uploads from APPENDUID
(UIDPLUS), and, with a Trash configured on the IMAP side, moves the
messages it expunges there with UID MOVE when the server offers MOVE
(else UID COPY).  The test pulls ten messages, deletes three locally,
uploads one, and checks on the server's disk: the three are in Trash
(with their flags), the rest and the new one in INBOX;
and in the protocol log that COMPRESS DEFLATE, UID MOVE and APPENDUID
were used."""

import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (PASSWORD, USER, InetdServer, flag_letters, make_message,  # noqa: E402
                       run_client_test)


def msgid(content):
    m = re.search(rb"^Message-ID: <([^>]+)>", content, re.M | re.I)
    return m.group(1).decode() if m else None


def main():
    # A missing mbsync is a failure with its reason (make check installs it).
    run_client_test("mbsync-move", run, tools=("mbsync",))


def run(tap, sb, srv):
    sb.enable_protocol_log(USER)
    tls = InetdServer(sb, args=("-s",))  # imaps: TLS from the first octet
    try:
        for mode, port, ssltype in (("plain+STARTTLS", srv.port, "STARTTLS"),
                                    ("imaps", tls.port, "IMAPS")):
            one_mode(tap, sb, mode, port, ssltype)
    finally:
        codes = tls.stop()
        tap.ok(all(c == 0 for c in codes), "every imaps imapd exited cleanly", "exit codes %r" % codes)


def one_mode(tap, sb, mode, port, ssltype):
    home = sb.folder(USER, "INBOX")
    shutil.rmtree(home, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(home, sub))
        os.makedirs(os.path.join(home, ".Trash", sub))
    open(os.path.join(home, ".Trash", "maildirfolder"), "w").close()
    for i in range(1, 11):
        name = "17000000%02d.M%dP1.srv:2,%s" % (i, i, "S" if i % 2 else "")
        with open(os.path.join(home, "cur", name), "w") as f:
            f.write(make_message(i))
    mark = sb.protocol_log_mark(USER)
    local = os.path.join(sb.dir, "local-" + ssltype)
    shutil.rmtree(local, ignore_errors=True)
    os.makedirs(local)
    inbox = os.path.join(local, "INBOX")
    rc_file = os.path.join(sb.dir, "mbsyncrc-" + ssltype)
    with open(rc_file, "w") as f:
        f.write("""IMAPAccount test
Host localhost
Port %d
User %s
Pass %s
SSLType %s
CertificateFile %s

IMAPStore remote
Account test
Trash Trash

MaildirStore local
Path %s/
Inbox %s
SubFolders Verbatim

Channel sync
Far :remote:
Near :local:
Patterns INBOX
Create Near
Expunge Both
SyncState *
""" % (port, USER, PASSWORD, ssltype, sb.cert, local, inbox))

    def mbsync(what):
        p = subprocess.run(["mbsync", "-c", rc_file, "-a"], capture_output=True, timeout=60)
        tap.ok(p.returncode == 0, "%s: mbsync %s" % (mode, what),
               (p.stdout + p.stderr).decode(errors="replace")[-1500:])

    mbsync("pulls INBOX")
    near = {}
    for sub in ("cur", "new"):
        for n in os.listdir(os.path.join(inbox, sub)):
            near[msgid(open(os.path.join(inbox, sub, n), "rb").read())] = (sub, n)
    tap.ok(len(near) == 10, "%s: ten messages pulled" % mode, sorted(near))
    # Delete three locally (the maildir T flag), add a new one.
    gone = ["msg%d@example.com" % i for i in (2, 3, 7)]
    for m in gone:
        sub, n = near[m]
        base, _, info = n.partition(":2,")
        os.rename(os.path.join(inbox, sub, n),
                  os.path.join(inbox, "cur", base + ":2," + "".join(sorted(info + "T"))))
    with open(os.path.join(inbox, "cur", "1800000000.M1P1.near:2,S"), "w") as f:
        f.write(make_message(42))
    mbsync("propagates three deletions and an upload")
    server = {msgid(c): flag_letters(info) for info, c in sb.messages(USER, "INBOX").values()}
    trash = {msgid(c): flag_letters(info) for info, c in sb.messages(USER, "Trash").values()}
    want_inbox = {"msg%d@example.com" % i for i in (1, 4, 5, 6, 8, 9, 10, 42)}
    tap.ok(set(server) == want_inbox, "%s: INBOX on the server holds the seven kept and the upload" % mode,
           sorted(server))
    tap.ok(set(trash) == set(gone), "%s: the three deleted ones are in Trash on the server" % mode,
           sorted(trash))
    log = sb.protocol_log(USER, since=mark)
    # mbsync propagates \Deleted before it trashes: the flag comes along,
    # as every other flag does.
    tap.ok(trash.get("msg3@example.com") == "ST" and trash.get("msg2@example.com") == "T",
           "%s: moved with their flags (\\Seen on 3; \\Deleted, which mbsync set first)" % mode,
           trash)
    tap.ok(re.search(r"UID STORE [0-9,:]+ \+FLAGS\.SILENT \(\\Deleted\)[\s\S]*UID MOVE", log) is not None,
           "%s: (mbsync stored \\Deleted, then moved)" % mode, log[-2500:])
    tap.ok("COMPRESS DEFLATE" in log, "%s: mbsync compressed the connection (COMPRESS DEFLATE)" % mode,
           log[-1500:])
    tap.ok(re.search(r"UID MOVE [0-9,:]+ \"?Trash", log) is not None,
           "%s: mbsync trashed with UID MOVE" % mode, log[-2500:])
    tap.ok(re.search(r"OK \[APPENDUID [0-9]+ [0-9]+\]", log) is not None,
           "%s: the upload got its UID from APPENDUID" % mode)
    mbsync("changes nothing the third time")
    again = {msgid(c) for _, c in sb.messages(USER, "INBOX").values()}
    tap.ok(again == want_inbox and len(sb.messages(USER, "Trash")) == 3,
           "%s: a sync without changes leaves the server as it was" % mode)


if __name__ == "__main__":
    main()

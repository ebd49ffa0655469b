#!/usr/bin/env python3
"""client_mbsync.py - mbsync (isync, not written here) syncing a 50-message
maildir with imapd both ways: the upload lands with its flags, changes on
the server (flag, expunge, new message) reach the local side, changes on
the local side (flag, new folder) reach the server, and a third run
changes nothing.  Both sides are compared on disk by Message-ID."""

import imaplib
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (PASSWORD, USER, crlf, flag_letters, maildir_messages,  # noqa: E402
                       make_message, run_client_test)


def msgid(content):
    m = re.search(rb"^Message-ID: <([^>]+)>", content, re.M | re.I)
    return m.group(1).decode() if m else None


def by_id(messages):
    """{Message-ID: flag letters} of maildir_messages() or sb.messages() output."""
    return {msgid(c): flag_letters(info) for info, c in messages.values()}


def write_local(folder, n0, n1, flags_of):
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(folder, d), exist_ok=True)
    for i in range(n0, n1 + 1):
        name = "17000000%02d.M%dP1.local:2,%s" % (i, i, flags_of(i))
        with open(os.path.join(folder, "cur", name), "w") as f:
            f.write(make_message(i))


def main():
    run_client_test("mbsync", run, tools=("mbsync",))


def run(tap, sb, srv):
    local = os.path.join(sb.dir, "local")
    inbox = os.path.join(local, "INBOX")

    def flags_of(i):
        return ("F" if i % 5 == 0 else "") + ("S" if i % 2 == 0 else "")
    write_local(inbox, 1, 50, flags_of)
    rc_file = os.path.join(sb.dir, "mbsyncrc")
    with open(rc_file, "w") as f:
        f.write("""IMAPAccount test
Host 127.0.0.1
Port %d
User %s
Pass %s
SSLType None

IMAPStore remote
Account test

MaildirStore local
Path %s/
Inbox %s
SubFolders Verbatim

Channel sync
Far :remote:
Near :local:
Patterns *
Create Both
Expunge Both
SyncState *
""" % (srv.port, USER, PASSWORD, local, inbox))

    def mbsync(what):
        p = subprocess.run(["mbsync", "-c", rc_file, "-a"], capture_output=True, timeout=120)
        tap.ok(p.returncode == 0, "mbsync %s" % what,
               (p.stdout + p.stderr).decode(errors="replace")[-1500:])

    # 1. First sync: everything goes up, with flags.
    mbsync("first sync (upload 50)")
    server = by_id(sb.messages(USER, "INBOX"))
    want = {"msg%d@example.com" % i: "".join(sorted(flags_of(i))) for i in range(1, 51)}
    tap.ok(len(server) == 50, "the server holds 50 messages", len(server))
    tap.ok(server == want, "each with its flags (\\Seen on even, \\Flagged on every fifth)",
           sorted(set(server.items()) ^ set(want.items()))[:6])
    # mbsync adds an X-TUID header of its own to what it uploads.
    contents = sorted(re.sub(rb"(?m)^X-TUID: [^\n]*\n", b"", c)
                      for _, c in sb.messages(USER, "INBOX").values())
    wanted = sorted(make_message(i).encode() for i in range(1, 51))
    tap.ok(contents == wanted, "message contents arrived unchanged (but for mbsync's X-TUID)",
           "first difference: %r" % (next(((a[:300], b[:300]) for a, b in zip(contents, wanted)
                                          if a != b), None),))

    # 2. Changes on the server through IMAP.
    M = imaplib.IMAP4("127.0.0.1", srv.port)
    M.login(USER, PASSWORD)
    M.select("INBOX")
    typ, data = M.search(None, "HEADER", "Message-ID", "msg1@example.com")
    one = data[0].decode()
    M.store(one, "+FLAGS", r"(\Flagged)")
    typ, data = M.search(None, "HEADER", "Message-ID", "msg2@example.com")
    M.store(data[0].decode(), "+FLAGS", r"(\Deleted)")
    M.expunge()
    M.append("INBOX", r"(\Seen)", None, crlf(make_message(51)))
    M.logout()

    # 3. Changes on the local side: \Answered on 3, a new folder.
    for name in os.listdir(os.path.join(inbox, "cur")):
        if msgid(open(os.path.join(inbox, "cur", name), "rb").read()) == "msg3@example.com":
            base, _, info = name.partition(":2,")
            os.rename(os.path.join(inbox, "cur", name),
                      os.path.join(inbox, "cur", base + ":2," + "".join(sorted(info + "R"))))
    write_local(os.path.join(local, "Lists"), 60, 64, lambda i: "S")

    mbsync("second sync (both ways)")
    server = by_id(sb.messages(USER, "INBOX"))
    near = by_id(maildir_messages(inbox))
    tap.ok("msg2@example.com" not in near, "the server's expunge reached the local side")
    tap.ok(near.get("msg51@example.com") == "S", "the server's new message reached the local side with \\Seen",
           near.get("msg51@example.com"))
    tap.ok("F" in near.get("msg1@example.com", ""), "the server's \\Flagged on 1 reached the local side")
    tap.ok("R" in server.get("msg3@example.com", ""), "the local \\Answered on 3 reached the server",
           server.get("msg3@example.com"))
    tap.ok(server == near, "both sides hold the same messages with the same flags",
           sorted(set(server.items()) ^ set(near.items()))[:6])
    lists = by_id(sb.messages(USER, "Lists"))
    tap.ok(lists == {"msg%d@example.com" % i: "S" for i in range(60, 65)},
           "the new local folder was created on the server with its 5 messages", lists)

    # 4. Nothing changed: a third run must not change either side.
    before = (sb.messages(USER, "INBOX"), maildir_messages(inbox))
    mbsync("third sync (no changes)")
    after = (sb.messages(USER, "INBOX"), maildir_messages(inbox))
    tap.ok(before == after, "a sync without changes changes nothing")


if __name__ == "__main__":
    main()

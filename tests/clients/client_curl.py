#!/usr/bin/env python3
"""client_curl.py - curl's IMAP client (not written here) against imapd:
list mailboxes, upload with APPEND, fetch by UID and by section, search,
a custom command, and STARTTLS; each result checked on disk too."""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import PASSWORD, USER, crlf, make_message, run_client_test  # noqa: E402


def curl(srv, path, *args, tls=False):
    url = "imap://127.0.0.1:%d/%s" % (srv.port, path)
    argv = ["curl", "-sS", "--max-time", "20", "--user", "%s:%s" % (USER, PASSWORD)]
    if tls:
        argv += ["--ssl-reqd", "-k"]
    p = subprocess.run(argv + list(args) + [url], capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode(errors="replace")


def main():
    run_client_test("curl", run, tools=("curl",))


def run(tap, sb, srv):
    msgfile = os.path.join(sb.dir, "upload.eml")
    for i in (1, 2):
        with open(msgfile, "wb") as f:
            f.write(crlf(make_message(i)))
        rc, out, err = curl(srv, "INBOX", "-T", msgfile)
        tap.ok(rc == 0, "upload message %d (APPEND)" % i, err)
    on_disk = sorted(c for _, c in sb.messages(USER, "INBOX").values())
    tap.ok(on_disk == [make_message(1).encode(), make_message(2).encode()],
           "both uploads are in INBOX on disk, with LF line ends")

    rc, out, err = curl(srv, "", "-X", 'CREATE "Sent Items"')
    tap.ok(rc == 0, "custom command CREATE \"Sent Items\"", err)
    rc, out, err = curl(srv, "")
    tap.ok(rc == 0 and b"INBOX" in out and b"Sent Items" in out, "list mailboxes", out + err.encode())
    tap.ok(os.path.isdir(os.path.join(sb.mail, USER, ".Sent Items", "cur")),
           "\"Sent Items\" exists on disk")

    rc, out, err = curl(srv, "INBOX;UID=2")
    tap.ok(rc == 0 and out == crlf(make_message(2)), "fetch UID 2: the message exactly", out[:200])
    rc, out, err = curl(srv, "INBOX;UID=1;SECTION=HEADER.FIELDS%20(SUBJECT)")
    tap.ok(rc == 0 and out == b"Subject: message 1\r\n\r\n", "fetch UID 1 SECTION=HEADER.FIELDS (SUBJECT)",
           out)
    rc, out, err = curl(srv, "INBOX;UID=1;SECTION=TEXT")
    tap.ok(rc == 0 and out == b"This is message number 1.\r\nIt has two lines.\r\n",
           "fetch UID 1 SECTION=TEXT", out)
    rc, out, err = curl(srv, "INBOX;UID=9")
    tap.ok(rc != 0, "fetching a UID that does not exist fails", out + err.encode())

    rc, out, err = curl(srv, "INBOX?SUBJECT%20%22message%202%22")
    tap.ok(rc == 0 and out.strip() == b"* SEARCH 2", "search SUBJECT \"message 2\"", out)
    rc, out, err = curl(srv, "INBOX", "-X", "STORE 1 +FLAGS (\\Flagged)")
    tap.ok(rc == 0 and b"\\Flagged" in out, "custom STORE +FLAGS \\Flagged", out + err.encode())
    flags = [info for info, c in sb.messages(USER, "INBOX").values()
             if c == make_message(1).encode()]
    tap.ok(flags == ["F"] or (len(flags) == 1 and "F" in flags[0]), "\\Flagged is in the file name", flags)

    rc, out, err = curl(srv, "INBOX;UID=2", tls=True)
    tap.ok(rc == 0 and out == crlf(make_message(2)), "fetch over STARTTLS (--ssl-reqd)", err)
    tap.ok(re.search(r"STARTTLS: TLSv1\.[23] ", sb.logtext()) is not None,
           "the server logged the STARTTLS session with its protocol", sb.logtext()[-400:])


if __name__ == "__main__":
    main()

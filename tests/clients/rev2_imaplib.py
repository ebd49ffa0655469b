#!/usr/bin/env python3
"""rev2_imaplib.py - IMAP4rev2 (RFC 9051) with Python's imaplib, a client
nobody here wrote: ENABLE IMAP4rev2, then a folder with a UTF-8 name
created, listed, filled, selected and searched (ESEARCH, no SEARCH
response; SELECT's LIST, no RECENT), checked on disk to be the maildir++
folder an IMAP4rev1 client sees under its modified UTF-7 name; and the
IMAP4rev1 client gets its old answers meanwhile."""
# covers: R9051-6.3.1-a R9051-5.1-a R9051-A-c R9051-6.4.4-a R9051-6.3.2-a R9051-2.3.2-a

import imaplib
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import PASSWORD, USER, crlf, make_message, run_client_test  # noqa: E402

NAME = "Entwürfe"
MUTF7 = "Entw&APw-rfe"        # RFC 3501 §5.1.3: ü is U+00FC
AMP = "R&D"                   # "&" is an ordinary character in IMAP4rev2
AMP_MUTF7 = "R&-D"


def q(name):
    """A quoted string of UTF-8 octets (imaplib would encode str as ASCII)."""
    return b'"' + name.encode("utf-8") + b'"'


def main():
    run_client_test("rev2_imaplib", session)


def session(tap, sb, srv):
    M = imaplib.IMAP4("127.0.0.1", srv.port)
    tap.ok(M.login(USER, PASSWORD)[0] == "OK", "LOGIN")
    tap.ok("IMAP4REV2" in M.capabilities and "IMAP4REV1" in M.capabilities,
           "CAPABILITY lists IMAP4rev1 and IMAP4rev2", M.capabilities)
    typ, data = M._simple_command("ENABLE", "IMAP4rev2")
    enabled = M.response("ENABLED")[1]
    tap.ok(typ == "OK" and enabled and enabled[0] == b"IMAP4rev2", "ENABLE IMAP4rev2", enabled)

    tap.ok(M.create(q(NAME))[0] == "OK", "CREATE a UTF-8 name")
    tap.ok(M.create(q(AMP))[0] == "OK", "CREATE a name with \"&\"")
    typ, data = M.list('""', "*")
    listed = sorted(re.search(rb'"\." (.*)$', l).group(1).strip(b'"').decode("utf-8") for l in data)
    tap.ok(listed == sorted(["INBOX", NAME, AMP]), "LIST shows the names in UTF-8", listed)
    for i in (1, 2, 3):
        typ, data = M.append(q(NAME), None, None, crlf(make_message(i)))
        tap.ok(typ == "OK", "APPEND message %d to the UTF-8 folder" % i, data)
    typ, data = M.status(q(NAME), "(MESSAGES)")
    tap.ok(typ == "OK" and data[0] == q(NAME) + b" (MESSAGES 3)", "STATUS echoes the UTF-8 name", data)

    typ, data = M.select(q(NAME))
    tap.ok(typ == "OK" and data == [b"3"], "SELECT the UTF-8 folder: 3 messages", data)
    tap.ok(M.response("RECENT")[1] == [None], "no RECENT response to IMAP4rev2")
    sel_list = M.response("LIST")[1]
    tap.ok(len(sel_list) == 1 and sel_list[0].endswith(q(NAME)), "SELECT sent a LIST of the mailbox",
           sel_list)
    typ, data = M.search(None, "ALL")
    esearch = M.response("ESEARCH")[1]
    tap.ok(typ == "OK" and data == [None], "no SEARCH response to IMAP4rev2", data)
    tap.ok(esearch and re.fullmatch(rb'\(TAG "\w+"\) ALL 1:3', esearch[0]) is not None,
           "SEARCH ALL answered by ESEARCH ALL 1:3", esearch)
    typ, data = M.uid("SEARCH", "SUBJECT", '"message 2"')
    esearch = M.response("ESEARCH")[1]
    tap.ok(esearch and re.fullmatch(rb'\(TAG "\w+"\) UID ALL 2', esearch[0]) is not None,
           "UID SEARCH SUBJECT: ESEARCH UID ALL 2", esearch)
    typ, data = M.fetch("1:3", "(FLAGS)")
    tap.ok(typ == "OK" and not any(b"\\Recent" in d for d in data), "no \\Recent in FLAGS", data)
    tap.ok(M.store("2", "+FLAGS", r"(\Flagged)")[0] == "OK", "STORE +FLAGS \\Flagged")
    M.close()

    # On disk: one maildir++ folder under the modified UTF-7 name.
    root = os.path.join(sb.mail, USER)
    tap.ok(os.path.isdir(os.path.join(root, "." + MUTF7, "cur")),
           "the folder is .%s on disk" % MUTF7, sorted(os.listdir(root)))
    tap.ok(os.path.isdir(os.path.join(root, "." + AMP_MUTF7, "cur")),
           "the \"&\" folder is .%s on disk" % AMP_MUTF7, sorted(os.listdir(root)))
    tap.ok(len(sb.messages(USER, MUTF7)) == 3, "its 3 messages are there")

    # An IMAP4rev1 client: the same folder by its modified UTF-7 name.
    R = imaplib.IMAP4("127.0.0.1", srv.port)
    tap.ok(R.login(USER, PASSWORD)[0] == "OK", "a second client, IMAP4rev1")
    typ, data = R.list('""', "*")
    listed = sorted(re.search(rb'"\." (.*)$', l).group(1).strip(b'"').decode("ascii") for l in data)
    tap.ok(listed == sorted(["INBOX", MUTF7, AMP_MUTF7]), "it lists the modified UTF-7 names", listed)
    typ, data = R.select(MUTF7)
    tap.ok(typ == "OK" and data == [b"3"], "it selects %s: the same 3 messages" % MUTF7, data)
    typ, data = R.search(None, "FLAGGED")
    tap.ok(data == [b"2"], "its SEARCH response shows the flag set over IMAP4rev2", data)
    tap.ok(R.logout()[0] == "BYE", "LOGOUT (rev1)")

    tap.ok(M.rename(q(NAME), q("Brouillons-été"))[0] == "OK", "RENAME to another UTF-8 name")
    tap.ok(os.path.isdir(os.path.join(root, ".Brouillons-&AOk-t&AOk-", "cur")),
           "renamed on disk to .Brouillons-&AOk-t&AOk-", sorted(os.listdir(root)))
    tap.ok(M.logout()[0] == "BYE", "LOGOUT")


if __name__ == "__main__":
    main()

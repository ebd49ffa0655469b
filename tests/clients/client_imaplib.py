#!/usr/bin/env python3
"""client_imaplib.py - a full session of Python's imaplib (a client nobody
here wrote) over every RFC 2060 command, checking the answers and then the
maildir on disk: what the client did must be what the store holds."""

import imaplib
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (PASSWORD, USER, crlf, flag_letters, make_message,  # noqa: E402
                       run_client_test)


def main():
    run_client_test("imaplib", session)


def session(tap, sb, srv):
    M = imaplib.IMAP4("127.0.0.1", srv.port)
    typ, data = M.login(USER, PASSWORD)
    tap.ok(typ == "OK", "LOGIN")
    tap.ok("IMAP4REV1" in M.capabilities, "CAPABILITY lists IMAP4rev1", M.capabilities)
    tap.ok(M.noop()[0] == "OK", "NOOP")

    # CREATE, LIST, SUBSCRIBE, LSUB
    tap.ok(M.create("Work")[0] == "OK", "CREATE Work")
    tap.ok(M.create("Work.Projects")[0] == "OK", "CREATE Work.Projects (hierarchy)")
    tap.ok(M.create("Work")[0] == "NO", "CREATE of an existing mailbox is NO")
    typ, data = M.list('""', "*")
    names = sorted(re.search(rb'"?([^" ]+)"?$', l).group(1).decode() for l in data)
    tap.ok(names == ["INBOX", "Work", "Work.Projects"], "LIST \"\" * shows the three", names)
    typ, data = M.list("Work.", "%")
    tap.ok(len(data) == 1 and data[0].endswith(b"Work.Projects"), "LIST Work. % shows the child", data)
    tap.ok(os.path.isdir(os.path.join(sb.mail, USER, ".Work.Projects", "cur")),
           "Work.Projects is a maildir++ folder on disk")
    tap.ok(M.subscribe("Work")[0] == "OK", "SUBSCRIBE Work")
    typ, data = M.lsub('""', "*")
    tap.ok(len(data) == 1 and data[0].endswith(b"Work"), "LSUB shows Work", data)
    tap.ok(M.unsubscribe("Work")[0] == "OK", "UNSUBSCRIBE Work")
    typ, data = M.lsub('""', "*")
    tap.ok(data == [None] or data == [], "LSUB is empty again", data)

    # APPEND with flags and an internal date
    date = imaplib.Time2Internaldate(time.mktime((2001, 2, 3, 4, 5, 6, 0, 0, -1)))
    for i in range(1, 6):
        flags = r"(\Seen)" if i % 2 else None
        typ, data = M.append("INBOX", flags, date, crlf(make_message(i)))
        tap.ok(typ == "OK", "APPEND message %d" % i, data)
    typ, data = M.append("Nowhere", None, None, crlf(make_message(99)))
    tap.ok(typ == "NO" and b"TRYCREATE" in data[0], "APPEND to a missing mailbox: NO [TRYCREATE]", data)

    typ, data = M.status("INBOX", "(MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)")
    st = data[0].decode()
    tap.ok("MESSAGES 5" in st and "UNSEEN 2" in st and "UIDNEXT 6" in st, "STATUS INBOX", st)

    # SELECT, FETCH
    typ, data = M.select("INBOX")
    tap.ok(typ == "OK" and data == [b"5"], "SELECT INBOX: 5 messages", data)
    tap.ok(M.response("UIDVALIDITY")[1][0] is not None, "SELECT gave UIDVALIDITY")
    typ, data = M.fetch("1:5", "(FLAGS RFC822.SIZE INTERNALDATE)")
    sizes = [int(re.search(rb"RFC822.SIZE (\d+)", d).group(1)) for d in data]
    tap.ok(sizes == [len(crlf(make_message(i))) for i in range(1, 6)],
           "RFC822.SIZE is the CRLF size of each message", sizes)
    tap.ok(all(b"03-Feb-2001 04:05:06" in d for d in data), "INTERNALDATE from APPEND", data[0])
    typ, data = M.fetch("2", "(BODY.PEEK[])")
    tap.ok(data[0][1] == crlf(make_message(2)), "BODY.PEEK[] gives back the message exactly")
    typ, data = M.fetch("2", "(FLAGS)")
    tap.ok(b"\\Seen" not in data[0], "BODY.PEEK did not set \\Seen", data)
    typ, data = M.fetch("2", "(RFC822)")
    tap.ok(data[0][1] == crlf(make_message(2)), "RFC822 gives the message")
    typ, data = M.fetch("2", "(FLAGS)")
    tap.ok(b"\\Seen" in data[0], "RFC822 set \\Seen", data)
    typ, data = M.fetch("3", "(ENVELOPE)")
    tap.ok(b'"message 3"' in data[0] and b'"sender3" NIL "example.com"' not in data[0]
           and b'"sender3" "example.com"' in data[0], "ENVELOPE", data)
    typ, data = M.fetch("3", "(BODYSTRUCTURE)")
    tap.ok(re.search(rb'BODYSTRUCTURE \("text" "plain" \("charset" "us-ascii"\) NIL NIL "7bit" \d+ 2',
                     data[0], re.I) is not None, "BODYSTRUCTURE of a plain message", data)
    typ, data = M.fetch("4", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
    tap.ok(data[0][1] == b"Subject: message 4\r\n\r\n", "HEADER.FIELDS (SUBJECT)", data)
    typ, data = M.fetch("4", "(BODY.PEEK[TEXT]<5.10>)")
    tap.ok(data[0][1] == b"is message", "a partial of TEXT", data)

    # SEARCH
    typ, data = M.search(None, "UNSEEN")
    tap.ok(data == [b"4"], "SEARCH UNSEEN", data)
    typ, data = M.search(None, 'SUBJECT "message 5"')
    tap.ok(data == [b"5"], "SEARCH SUBJECT", data)
    typ, data = M.search(None, "FROM", "sender3")
    tap.ok(data == [b"3"], "SEARCH FROM", data)
    typ, data = M.search(None, "BODY", '"number 1."')
    tap.ok(data == [b"1"], "SEARCH BODY", data)
    typ, data = M.search("UTF-8", "SENTON", "7-Feb-1994")
    tap.ok(data == [b"1 2 3 4 5"], "SEARCH CHARSET UTF-8 SENTON", data)

    # STORE, COPY, UID commands, EXPUNGE
    typ, data = M.store("1", "+FLAGS", r"(\Flagged)")
    tap.ok(typ == "OK" and b"\\Flagged" in data[0], "STORE +FLAGS \\Flagged", data)
    typ, data = M.store("1", "-FLAGS", r"(\Seen)")
    tap.ok(b"\\Seen" not in data[0], "STORE -FLAGS \\Seen", data)
    typ, data = M.store("5", "FLAGS", r"(\Answered $Forwarded)")
    tap.ok(b"\\Answered" in data[0] and b"$Forwarded" in data[0], "STORE FLAGS with a keyword", data)
    tap.ok(M.copy("1:2", "Work")[0] == "OK", "COPY 1:2 Work")
    typ, data = M.uid("SEARCH", None, "ALL")
    uids = data[0].split()
    tap.ok(uids == [b"1", b"2", b"3", b"4", b"5"], "UID SEARCH ALL", data)
    typ, data = M.uid("FETCH", "3", "(FLAGS)")
    tap.ok(b"UID 3" in data[0], "UID FETCH includes UID", data)
    typ, data = M.uid("STORE", "3:4", "+FLAGS", r"(\Deleted)")
    tap.ok(typ == "OK", "UID STORE +FLAGS \\Deleted", data)
    typ, data = M.uid("COPY", "5", "Work.Projects")
    tap.ok(typ == "OK", "UID COPY 5 Work.Projects", data)
    tap.ok(M.check()[0] == "OK", "CHECK")
    typ, data = M.expunge()
    tap.ok(typ == "OK" and data == [b"3", b"3"], "EXPUNGE sends EXPUNGE 3 twice", data)
    typ, data = M.search(None, "ALL")
    tap.ok(data == [b"1 2 3"], "three messages left", data)

    # EXAMINE is read-only; CLOSE expunges silently
    typ, data = M.select("Work", readonly=True)
    tap.ok(typ == "OK" and data == [b"2"], "EXAMINE Work: 2 messages", data)
    typ, data = M.store("1", "+FLAGS", r"(\Deleted)")
    tap.ok(typ == "NO", "STORE in a read-only mailbox is NO", data)
    typ, data = M.select("Work")
    M.store("1", "+FLAGS", r"(\Deleted)")
    tap.ok(M.close()[0] == "OK", "CLOSE")

    # RENAME, DELETE
    tap.ok(M.rename("Work", "Archive")[0] == "OK", "RENAME Work Archive")
    typ, data = M.list('""', "*")
    names = sorted(re.search(rb'"?([^" ]+)"?$', l).group(1).decode() for l in data)
    tap.ok(names == ["Archive", "Archive.Projects", "INBOX"], "RENAME moved the hierarchy", names)
    tap.ok(M.delete("Archive.Projects")[0] == "OK", "DELETE Archive.Projects")
    typ, data = M.logout()
    tap.ok(typ == "BYE", "LOGOUT", data)

    # What the store holds now
    inbox = sb.messages(USER, "INBOX")
    tap.ok(len(inbox) == 3, "INBOX holds 3 message files", sorted(inbox))
    contents = sorted(c for _, c in inbox.values())
    want = sorted(make_message(i).encode() for i in (1, 2, 5))
    tap.ok(contents == want, "INBOX files are messages 1, 2, 5, stored with LF line ends")
    flags = sorted(flag_letters(info) for info, _ in inbox.values())
    tap.ok(flags == ["F", "R", "S"], "flags on disk: F (1), S (2), R (5)", flags)
    archive = sb.messages(USER, "Archive")
    tap.ok(len(archive) == 1, "Archive holds the one message CLOSE left", sorted(archive))
    tap.ok(not os.path.exists(os.path.join(sb.mail, USER, ".Archive.Projects")),
           "Archive.Projects is gone from disk")
    tap.ok(not os.path.exists(os.path.join(sb.mail, USER, ".Work")), "Work is gone (renamed)")


if __name__ == "__main__":
    main()

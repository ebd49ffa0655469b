#!/usr/bin/env python3
"""quota_usage.py - how QUOTA's usage is kept (RFC9208; store/quota.h), seen
from imaplib2 (Debian's python3-imaplib2: getquotaroot(), getquota(),
setquota()) and from the files in the mail root: the usage file follows
APPEND, COPY, EXPUNGE and MOVE by one appended line each, never by reading
the mailboxes again; a message an MTA renames into new/ counts once however
many sessions see it; a torn last line, a missing file and a DELETE make it
computed again from the indexes, to the same totals; the quota_overrides
file gives one user other limits; and 2,000 APPENDs against 200 messages
already there read no message file for the quota."""

# covers: R9208-4.3.1-a R9208-4.3.1-b R9208-5.2-a

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, PASSWORD, USER, Sandbox, Tap  # noqa: E402


def import_imaplib2():
    try:
        import imaplib2
        return imaplib2
    except ImportError:
        if os.path.isfile("/usr/lib/python3/dist-packages/imaplib2.py"):
            sys.path.append("/usr/lib/python3/dist-packages")
            import imaplib2
            return imaplib2
        return None


def msg(i, pad=0):
    return "Subject: m%d\r\nFrom: a@example.com\r\n\r\n%s\r\n" % (i, "x" * pad)


def usage_file(sb):
    path = os.path.join(sb.folder(USER, "INBOX"), "imapd-quota")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return f.read()


def totals(text):
    lines = text.splitlines()[1:]
    o = sum(int(l.split()[0]) for l in lines)
    m = sum(int(l.split()[1]) for l in lines)
    return o, m


def quota(M):
    typ, data = M.getquotaroot("INBOX")
    q = data[1] if len(data) > 1 else []
    line = q[-1].decode() if q and q[-1] else ""
    return typ, data, line


def run(tap):
    tap.need(IMAPD, "saslpasswd2", "openssl")
    imaplib2 = import_imaplib2()
    if imaplib2 is None:
        tap.bail("not installed: imaplib2 (Debian package python3-imaplib2)")
    sb = Sandbox()
    overrides = os.path.join(sb.dir, "quota-overrides")
    with open(overrides, "w") as f:
        f.write("# user storage-KiB messages\nsomeone-else 1 1\n%s 4096 -\n" % USER)
    sb.set(autocreate_quota="1", autocreate_quota_messages="5", quota_overrides=overrides)
    srv = sb.inetd()
    try:
        M = imaplib2.IMAP4("127.0.0.1", srv.port, timeout=30)
        M.login(USER, PASSWORD)
        typ, data, line = quota(M)
        tap.ok(typ == "OK" and line == '"" (STORAGE 0 4096)',
               "quota_overrides gives this user 4096 KiB and no MESSAGE limit", (data, line))
        typ, data = M.setquota('""', "(STORAGE 1)")
        tap.ok(typ == "NO" and b"[NOPERM]" in (data[0] or b""), "setquota() is refused with NOPERM",
               (typ, data))
        M.create("Other")
        sizes = []
        for i in range(10):
            m = msg(i, i * 100)
            sizes.append(len(m))
            typ, _ = M.append("INBOX", None, None, m.encode())
        text = usage_file(sb)
        tap.ok(text is not None and totals(text) == (sum(sizes), 10),
               "the usage file counts 10 APPENDs: %d octets" % sum(sizes), text)
        tap.ok(text is not None and len(text.splitlines()) <= 12,
               "... one appended line per change, not a rewrite", text)

        # An MTA delivers while the session is away; two sessions sync it.
        sb.deliver(USER, "INBOX", msg(99, 50))
        M2 = imaplib2.IMAP4("127.0.0.1", srv.port, timeout=30)
        M2.login(USER, PASSWORD)
        M2.select("INBOX")
        M.select("INBOX")
        want = (sum(sizes) + len(msg(99, 50)), 11)
        tap.ok(totals(usage_file(sb)) == want,
               "a delivery into new/ counts once, with two sessions syncing it", usage_file(sb))
        M2.logout()

        M.copy("1:3", "Other")
        M.store("1:2", "+FLAGS", r"(\Deleted)")
        M.expunge()
        M.select("Other")
        M.store("1", "+FLAGS", r"(\Deleted)")
        M.expunge()
        want = (sum(sizes) + len(msg(99, 50)) + sizes[0] + sizes[1] + sizes[2]
                - sizes[0] - sizes[1] - sizes[0], 11)
        tap.ok(totals(usage_file(sb)) == want, "COPY adds, EXPUNGE takes away", (usage_file(sb), want))
        M.select("INBOX")
        # imaplib2 3.05 has no move(): its command table learns MOVE (RFC6851).
        imaplib2.Commands.setdefault("MOVE", imaplib2.Commands["COPY"])
        typ, _ = M._simple_command("MOVE", "1", "Other")
        tap.ok(typ == "OK" and totals(usage_file(sb)) == want, "MOVE changes nothing",
               usage_file(sb))

        # A torn last line (a crash mid-write) and a missing file: the
        # totals come back from the indexes.
        path = os.path.join(sb.folder(USER, "INBOX"), "imapd-quota")
        with open(path, "a") as f:
            f.write("+12")
        typ, data, line = quota(M)
        kib = (want[0] + 1023) // 1024
        tap.ok(line == '"" (STORAGE %d 4096)' % kib and totals(usage_file(sb)) == want
               and len(usage_file(sb).splitlines()) == 2,
               "a torn last line: recomputed to the same totals", (line, usage_file(sb)))
        os.unlink(path)
        typ, data, line = quota(M)
        tap.ok(line == '"" (STORAGE %d 4096)' % kib and totals(usage_file(sb)) == want,
               "a missing file: recomputed", (line, usage_file(sb)))
        M.select("INBOX")
        M.delete("Other")
        typ, data, line = quota(M)
        typ, data = M.status("INBOX", "(MESSAGES SIZE)")
        st = data[0].decode()
        tap.ok(usage_file(sb) is not None and
               "MESSAGES %d" % totals(usage_file(sb))[1] in st and
               "SIZE %d" % totals(usage_file(sb))[0] in st,
               "after DELETE the usage is INBOX's alone", (st, usage_file(sb)))
        M.logout()

        # Another user's line, and the defaults: the MESSAGE limit of 5.
        with open(overrides, "w") as f:
            f.write("%s - 12\n" % USER)
        M = imaplib2.IMAP4("127.0.0.1", srv.port, timeout=30)
        M.login(USER, PASSWORD)
        typ, data, line = quota(M)
        n = totals(usage_file(sb))[1]
        tap.ok(line == '"" (MESSAGE %d 12)' % n, "the override file is read again at the next login: MESSAGE %d of 12"
               % n, line)
        refused = None
        for i in range(12 - n + 1):
            typ, data = M.append("INBOX", None, None, msg(200 + i).encode())
            if typ != "OK":
                refused = (i, typ, data)
                break
        tap.ok(refused is not None and refused[0] == 12 - n and b"[OVERQUOTA]" in refused[2][0],
               "the APPEND past 12 messages is NO [OVERQUOTA]", refused)
        typ, data = M.status("INBOX", "(MESSAGES)")
        tap.ok(b"MESSAGES 12" in data[0], "... and stored nothing", data)
        M.logout()

        # Speed: a usage check reads one small file, not the mailboxes.
        with open(overrides, "w") as f:
            f.write("%s 1048576 -\n" % USER)
        for i in range(200):
            sb.deliver(USER, "INBOX", msg(1000 + i, 2000))
        M = imaplib2.IMAP4("127.0.0.1", srv.port, timeout=60)
        M.login(USER, PASSWORD)
        M.select("INBOX")
        import time
        t0 = time.time()
        for i in range(300):
            M.append("INBOX", None, None, msg(5000 + i).encode())
        secs = time.time() - t0
        text = usage_file(sb)
        typ, data = M.status("INBOX", "(MESSAGES SIZE)")
        st = data[0].decode()
        tap.ok(text is not None and "MESSAGES %d" % totals(text)[1] in st and
               "SIZE %d" % totals(text)[0] in st,
               "after 200 deliveries and 300 APPENDs the usage file agrees with STATUS", (st, text))
        tap.note("300 APPENDs with the quota check: %.2f s (%.1f ms each)" % (secs, secs / 0.3))
        M.logout()
    finally:
        codes = srv.stop()
        tap.ok(all(c == 0 for c in codes), "every imapd exited cleanly", "exit codes %r" % codes)
        sb.close()


def main():
    tap = Tap("quota_usage")
    tap.main(lambda: run(tap))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""client_sort_thread.py - imaplib2's sort() and thread() (Debian's
python3-imaplib2; python3-imapclient, which the issue names, is not packaged
for Debian 12) against imapd over plain+STARTTLS and imaps, on a generated
mailbox whose answers are known from how it was made: forty conversations
of up to nine messages, each a random reply tree with "Re:", "Fwd:" and
"[list]" subjects, References or only In-Reply-To, dates that grow down the
tree, some messages left out (their replies then hang from a missing parent),
delivered in shuffled order.  SORT by date, subject, sender, size and with
REVERSE and search criteria, UID SORT, THREAD=REFERENCES and
THREAD=ORDEREDSUBJECT must each give exactly the order the construction
implies (RFC5256)."""

# covers: R5256-3-a R5256-3-d R5256-3-s R5256-3-u R5256-3-ab

import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, PASSWORD, USER, Sandbox, Tap  # noqa: E402

BASE = 1672531200  # 2023-01-01 00:00:00 UTC


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


class Msg:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def generate(rng):
    """Messages with their tree: every node, delivered or not."""
    nodes = []
    senders = ["ann", "Bob <bob@gen.example>", "carl@gen.example", "\"Dee D\" <dee@gen.example>",
               "eve@gen.example", "Fay <fay@gen.example>"]
    used = set()
    for t in range(40):
        topic = "Topic %03d" % ((t * 37) % 101)
        size = rng.randint(1, 9)
        start = BASE + t * 7919 + rng.randint(0, 5000) * 60
        thread = []
        for k in range(size):
            parent = rng.randrange(k) if k else None
            date = start if parent is None else thread[parent].date + rng.randint(1, 600) * 60
            while date in used:
                date += 1
            used.add(date)
            prefix = "" if parent is None else rng.choice(["Re: ", "RE: ", "Fwd: ", "[list] Re: ",
                                                           "Re: Re: "])
            m = Msg(id="t%d.%d@gen.example" % (t, k), topic=topic.upper(), parent=parent,
                    thread=thread, k=k, date=date, subject=prefix + topic,
                    sender=rng.choice(senders), body="x" * rng.randint(0, 400),
                    irt_only=rng.random() < 0.3, present=True, children=[])
            thread.append(m)
            if parent is not None:
                thread[parent].children.append(m)
        # Leave some messages out: a root (its replies lose their parent)
        # or one in the middle.
        if size > 2 and rng.random() < 0.3:
            rng.choice(thread[:2]).present = False
        nodes.extend(thread)
    return nodes


def text(m):
    anc = []
    p = m.parent
    while p is not None:
        anc.append("<%s>" % m.thread[p].id)
        p = m.thread[p].parent
    anc.reverse()
    hdr = ["From: %s" % m.sender, "To: list@gen.example", "Subject: %s" % m.subject,
           "Date: %s" % time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(m.date)),
           "Message-ID: <%s>" % m.id]
    if anc and m.irt_only:
        hdr.append("In-Reply-To: %s" % anc[-1])
    elif anc:
        hdr.append("References: %s" % " ".join(anc))
    return "\n".join(hdr) + "\n\n" + m.body + "\n"


def mailbox_of(sender):
    s = sender.split("<")[-1].rstrip(">")
    return s.split("@")[0].upper()


def expected_references(nodes):
    """RFC5256 §3 REFERENCES on a mailbox made of reply trees with unique
    subjects per conversation: the trees, left-out messages as dummies,
    pruned by step (3), siblings ordered by (date, seq)."""
    def key(n):
        while not n.present:
            n = min(n.kids, key=key)
        return (n.date, n.seq)

    def prune(kids, top):
        out = []
        for n in kids:
            n.kids = prune(n.children, False)
            if n.present:
                out.append(n)
            elif not n.kids:
                continue
            elif not top or len(n.kids) == 1:
                out.extend(n.kids)
            else:
                out.append(n)
        return sorted(out, key=key)

    # A left-out message hangs from its parent only if some message below
    # it lists the whole ancestry in References; with In-Reply-To alone
    # nothing says who its parent was, and it starts a thread.
    def below(n):
        return [d for c in n.children for d in [c] + below(c)]

    for n in nodes:
        n.linked = n.parent is not None and (
            n.present or any(d.present and not d.irt_only for d in below(n)))
    for n in nodes:
        n.children = [c for c in n.children if c.linked]
    roots = prune([n for n in nodes if not n.linked], True)

    def members(n):
        s = "" if not n.present else str(n.seq)
        while n.present and len(n.kids) == 1:
            n = n.kids[0]
            s += " " + str(n.seq)
        if len(n.kids) >= 2 or not n.present:
            s += (" " if s else "") + "".join("(%s)" % members(c) for c in n.kids)
        return s

    return "".join("(%s)" % members(r) for r in roots), len(roots)


def expected_orderedsubject(msgs):
    groups = {}
    for m in msgs:
        groups.setdefault(m.topic, []).append(m)
    threads = [sorted(g, key=lambda m: (m.date, m.seq)) for g in groups.values()]
    threads.sort(key=lambda g: (g[0].date, g[0].seq))
    out = []
    for g in threads:
        if len(g) == 1:
            out.append("(%d)" % g[0].seq)
        elif len(g) == 2:
            out.append("(%d %d)" % (g[0].seq, g[1].seq))
        else:
            out.append("(%d %s)" % (g[0].seq, "".join("(%d)" % m.seq for m in g[1:])))
    return "".join(out)


def session(tap, label, M, msgs, nodes):
    typ, _ = M.login(USER, PASSWORD)
    tap.ok(typ == "OK", "%s: LOGIN" % label)
    typ, data = M.capability()
    caps = set(data[0].decode().upper().split())
    want = {"SORT", "THREAD=REFERENCES", "THREAD=ORDEREDSUBJECT", "ESORT", "SORT=DISPLAY"}
    tap.ok(want <= caps, "%s: CAPABILITY lists %s" % (label, " ".join(sorted(want))),
           sorted(want - caps))
    typ, data = M.select("INBOX")
    tap.ok(typ == "OK" and int(data[0]) == len(msgs), "%s: SELECT INBOX: %d messages" %
           (label, len(msgs)), data)

    def sort(criteria, *search, uid=False, charset="UTF-8"):
        if uid:
            typ, data = M.uid("SORT", "(%s)" % criteria, charset, *search)
        else:
            typ, data = M.sort("(%s)" % criteria, charset, *search)
        return typ, [int(x) for x in (data[0] or b"").split()] if data and data[0] else []

    cases = [
        ("DATE", (), lambda m: (m.date, m.seq)),
        ("REVERSE DATE", (), lambda m: (-m.date, m.seq)),
        ("SUBJECT", (), lambda m: (m.topic, m.seq)),
        ("SUBJECT REVERSE DATE", (), lambda m: (m.topic, -m.date, m.seq)),
        ("FROM DATE", (), lambda m: (mailbox_of(m.sender), m.date, m.seq)),
        ("SIZE", (), lambda m: (m.size, m.seq)),
        ("REVERSE SIZE SUBJECT", (), lambda m: (-m.size, m.topic, m.seq)),
    ]
    for crit, search, keyf in cases:
        typ, got = sort(crit, "ALL")
        want = [m.seq for m in sorted(msgs, key=keyf)]
        tap.ok(typ == "OK" and got == want, "%s: sort((%s)) gives the order the mailbox was made "
               "with (%d messages)" % (label, crit, len(want)), (typ, got[:20], want[:20]))
    since = BASE + 20 * 7919
    day = time.strftime("%d-%b-%Y", time.gmtime(since))
    typ, got = sort("DATE", "SENTSINCE", day, "FROM", "bob")
    want = [m.seq for m in sorted(msgs, key=lambda m: (m.date, m.seq))
            if "bob@" in m.sender and m.date // 86400 >= since // 86400]
    tap.ok(typ == "OK" and got == want, "%s: sort((DATE), SENTSINCE %s FROM bob): %d messages" %
           (label, day, len(want)), (got, want))
    typ, got = sort("SUBJECT", "ALL", uid=True)
    want = [m.uid for m in sorted(msgs, key=lambda m: (m.topic, m.seq))]
    tap.ok(typ == "OK" and got == want, "%s: UID SORT (SUBJECT) answers UIDs" % label,
           (got[:10], want[:10]))

    typ, data = M.thread("REFERENCES", "UTF-8", "ALL")
    want, nthreads = expected_references(nodes)
    got = data[0].decode() if data and data[0] else ""
    tap.ok(typ == "OK" and got == want, "%s: thread(REFERENCES) builds the reply trees, left-out "
           "messages pruned as RFC5256 step (3) says (%d threads)" % (label, nthreads),
           (got[:300], want[:300]))
    typ, data = M.thread("ORDEREDSUBJECT", "UTF-8", "ALL")
    want = expected_orderedsubject(msgs)
    got = data[0].decode() if data and data[0] else ""
    tap.ok(typ == "OK" and got == want, "%s: thread(ORDEREDSUBJECT) groups by base subject" % label,
           (got[:300], want[:300]))
    M.logout()


def main():
    tap = Tap("sort_thread")
    tap.main(lambda: run(tap))


def run(tap):
    tap.need(IMAPD, "saslpasswd2", "openssl")
    imaplib2 = import_imaplib2()
    if imaplib2 is None:
        tap.bail("not installed: imaplib2 (Debian package python3-imaplib2)")
    rng = random.Random(5256)
    nodes = generate(rng)
    present = [m for m in nodes if m.present]
    rng.shuffle(present)
    sb = Sandbox()
    plain = sb.inetd()
    imaps = sb.inetd("-s")
    try:
        for i, m in enumerate(present):
            data = text(m)
            m.size = len(data.replace("\n", "\r\n").encode())
            m.seq = m.uid = i + 1
            sb.deliver(USER, "INBOX", data)

        def starttls():
            M = imaplib2.IMAP4("127.0.0.1", plain.port, timeout=30)
            typ, _ = M.starttls()
            tap.ok(typ == "OK", "plain+STARTTLS: STARTTLS")
            return M
        tap.check("plain+STARTTLS session",
                  lambda: session(tap, "plain+STARTTLS", starttls(), present, nodes))
        tap.check("imaps session", lambda: session(
            tap, "imaps", imaplib2.IMAP4_SSL("127.0.0.1", imaps.port, timeout=30), present, nodes))
        tap.ok(len(sb.messages(USER, "INBOX")) == len(present),
               "the maildir still holds the %d messages" % len(present))
    finally:
        codes = plain.stop() + imaps.stop()
        tap.ok(all(c == 0 for c in codes), "every imapd exited cleanly", "exit codes %r" % codes)
        sb.close()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""maildir_gen.py - a realistic maildir of N messages for tools/bench.

Deterministic (seeded): the same N gives the same files, names and octets.
What it makes, per message i (0-based; sequence number and UID i+1, since
names sort in generation order both by name and by the time they start with):

  - headers as MTAs and MUAs leave them: Return-Path, 1-4 folded Received,
    sometimes a long folded DKIM-Signature, Message-ID, Date in varied zones,
    From (sometimes an RFC 2047 display name), To with 1-3 addresses, Cc,
    Reply-To, In-Reply-To/References, List-Id, X-Mailer, MIME headers;
  - a Subject from templates; SUBJECT_WORD is in about 3% of them, some of
    those only inside an RFC 2047 encoded word (=?UTF-8?Q?..?= / ?B?);
  - bodies of English-like text, sizes spread from a few hundred octets to
    ~60 kB, some quoted-printable; BODY_WORD is in about 2% of the bodies
    (only in text parts, never split by an encoding);
  - about 6% multipart/alternative (text + HTML), 2.5% multipart/mixed with
    a base64 attachment of 2-40 kB, 0.5% nested (mixed > alternative +
    attachment), 0.2% with an attached message/rfc822;
  - names in two styles: Dovecot deliver's `T.MuPp.host,S=..,W=..:2,FL`
    (60%) and Postfix's `T.VdIiMu.host:2,FL` without sizes (40%);
  - flags: 70% Seen, Answered, Flagged, a few Deleted and Draft, 1% keyword
    `a` ($Junk, named in dovecot-keywords); the last 0.3% still in new/
    (no flags, as delivered).

make_maildir() returns the ground truth the benchmark checks both servers
against: which messages match each search word, the flags of each, how many
are multipart.
"""

import base64
import os
import random
import time

SUBJECT_WORD = "invoice"
BODY_WORD = "nightingale"

WORDS = ("the of and to in is that for it as was with be by on not he this are or his from at "
         "which but have an they you were her she there been one all we their has would when "
         "if so no will more can out up about into them some could than other time what only "
         "new these two may first then do any like my now over such our man me even most made "
         "after also did many before must through back years where much your way well down "
         "should because each just those people how too little state good very make world still "
         "own see men work long get here between both life being under never day same another "
         "know while last might us great old year off come since against go came right used "
         "take three meeting project report budget schedule review draft release server backup "
         "customer contract deadline team office weekly agenda proposal update notes figures "
         "migration outage ticket quote order shipment account payment reminder summary").split()
FIRST = ("Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy Mallory Niaj Olivia Peggy Rupert "
         "Sybil Trent Victor Walter Yolanda Zoe Ana Björn José Zoë Łukasz").split()
LAST = ("Smith Jones Brown Taylor Wilson Davies Evans Thomas Johnson Roberts Walker Wright "
        "Müller García Nowak Rossi Dubois Kowalski").split()
DOMAINS = ("example.com example.org example.net mail.example.com lists.example.org "
           "corp.example.com shop.example.net").split()
SUBJECTS = ("Meeting notes for {w}", "Re: {w} {w2}", "Fwd: {w} update", "Weekly {w} summary",
            "{W} {w2} for next week", "Question about the {w}", "Re: Re: {w} draft",
            "[{list}] {w} {w2} {w3}", "Your {w} is ready", "Reminder: {w} deadline",
            "Out of office: {w}", "{W}", "RE: {w} {w2} (v{n})")
WORD_SUBJECTS = ("Your {sw} #{n}", "Re: {sw} {n} overdue", "{SW} for {w}", "Fwd: {sw} and {w}",
                 "[{list}] monthly {sw}s", "Question about {sw} {n}")
ZONES = ("+0000", "+0100", "+0200", "-0500", "-0800", "+0530", "+0900", "-0300")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LISTS = ("dev", "ops", "announce", "users")

FLAG_NAMES = {"D": "\\Draft", "F": "\\Flagged", "R": "\\Answered", "S": "\\Seen",
              "T": "\\Deleted", "a": "$Junk"}


def qp_encode_word(text):
    """RFC 2047 Q encoding of a UTF-8 string."""
    out = []
    for b in text.encode("utf-8"):
        c = chr(b)
        if c == " ":
            out.append("_")
        elif c.isalnum() and b < 128:
            out.append(c)
        else:
            out.append("=%02X" % b)
    return "=?UTF-8?Q?%s?=" % "".join(out)


def b_encode_word(text):
    return "=?UTF-8?B?%s?=" % base64.b64encode(text.encode("utf-8")).decode()


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        r = self.r
        # A pool of paragraphs to draw bodies from (fast, still varied).
        self.paras = []
        for _ in range(400):
            words = [r.choice(WORDS) for _ in range(r.randint(20, 90))]
            words[0] = words[0].capitalize()
            self.paras.append(self.wrap(" ".join(words) + "."))

    @staticmethod
    def wrap(text, width=72):
        lines, cur = [], ""
        for w in text.split(" "):
            if cur and len(cur) + 1 + len(w) > width:
                lines.append(cur)
                cur = w
            else:
                cur = cur + " " + w if cur else w
        if cur:
            lines.append(cur)
        return "\n".join(lines)

    def person(self):
        r = self.r
        first, last = r.choice(FIRST), r.choice(LAST)
        addr = "%s.%s@%s" % (first.lower(), last.lower(), r.choice(DOMAINS))
        addr = addr.encode("ascii", "ignore").decode()
        name = "%s %s" % (first, last)
        if not name.isascii():
            return "%s <%s>" % (qp_encode_word(name) if r.random() < 0.5 else b_encode_word(name),
                                addr)
        x = r.random()
        if x < 0.15:
            return addr
        if x < 0.3:
            return '"%s, %s" <%s>' % (last, first, addr)
        return "%s <%s>" % (name, addr)

    def date(self, t):
        r = self.r
        tm = time.gmtime(t)
        return "%s, %d %s %d %02d:%02d:%02d %s" % (DAYS[tm.tm_wday], tm.tm_mday,
                                                    MONTHS[tm.tm_mon - 1], tm.tm_year, tm.tm_hour,
                                                    tm.tm_min, tm.tm_sec, r.choice(ZONES))

    def text(self, size, word):
        """Body text of about `size` octets; `word` put in one line if set."""
        r = self.r
        parts, n = [], 0
        while n < size:
            p = r.choice(self.paras)
            parts.append(p)
            n += len(p) + 2
        if word:
            k = r.randrange(len(parts))
            parts[k] = parts[k] + "\nSee the %s notes." % word
        return "\n\n".join(parts) + "\n"

    def subject(self, i, want_word):
        r = self.r
        fmt = dict(w=r.choice(WORDS), w2=r.choice(WORDS), w3=r.choice(WORDS), n=r.randint(1, 9999),
                   list=r.choice(LISTS))
        fmt["W"] = fmt["w"].capitalize()
        if want_word:
            fmt["sw"] = SUBJECT_WORD
            fmt["SW"] = SUBJECT_WORD.capitalize()
            s = r.choice(WORD_SUBJECTS).format(**fmt)
            x = r.random()
            if x < 0.12:
                return qp_encode_word(s + " \u2014 f\u00e4llig")
            if x < 0.2:
                return b_encode_word("R\u00e9: " + s)
            return s
        s = r.choice(SUBJECTS).format(**fmt)
        if r.random() < 0.03:
            return qp_encode_word(s + " \u00fcber caf\u00e9")
        return s

    def body_size(self):
        r = self.r
        x = r.random()
        if x < 0.6:
            return r.randint(150, 1500)
        if x < 0.92:
            return r.randint(1500, 6000)
        if x < 0.99:
            return r.randint(6000, 20000)
        return r.randint(20000, 60000)

    def message(self, i, t, subj_word, body_word):
        """(octets, is_multipart)"""
        r = self.r
        h = []
        dom = r.choice(DOMAINS)
        h.append("Return-Path: <bounce-%d@%s>" % (i, dom))
        for k in range(r.randint(1, 4)):
            h.append("Received: from mx%d.%s (mx%d.%s [192.0.2.%d])\n\tby mail.example.com "
                     "(Postfix) with ESMTPS id %X%d\n\tfor <rcpt@example.com>; %s"
                     % (k, dom, k, dom, r.randint(1, 254), r.getrandbits(40), i, self.date(t - k)))
        if r.random() < 0.1:
            sig = base64.b64encode(r.randbytes(180)).decode()
            h.append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=sel1;\n"
                     "\th=from:to:subject:date:message-id; bh=%s;\n\tb=%s\n\t %s"
                     % (dom, base64.b64encode(r.randbytes(32)).decode(), sig[:120], sig[120:]))
        h.append("Message-ID: <%d.%x@%s>" % (t, r.getrandbits(48), dom))
        h.append("Date: " + self.date(t))
        h.append("From: " + self.person())
        h.append("To: " + ", ".join(self.person() for _ in range(r.choice((1, 1, 1, 2, 3)))))
        if r.random() < 0.3:
            h.append("Cc: " + ", ".join(self.person() for _ in range(r.randint(1, 3))))
        if r.random() < 0.2:
            h.append("Reply-To: " + self.person())
        if r.random() < 0.3:
            ref = "<%x@%s>" % (r.getrandbits(40), r.choice(DOMAINS))
            h.append("In-Reply-To: " + ref)
            h.append("References: <%x@%s>\n %s" % (r.getrandbits(40), r.choice(DOMAINS), ref))
        h.append("Subject: " + self.subject(i, subj_word))
        if r.random() < 0.15:
            h.append("List-Id: %s list <%s.lists.example.org>" % (r.choice(LISTS), r.choice(LISTS)))
        if r.random() < 0.3:
            h.append("X-Mailer: %s" % r.choice(("Mutt/2.2.9", "Thunderbird 115.3",
                                                "Microsoft Outlook 16.0", "Apple Mail (2.3731)")))
        h.append("MIME-Version: 1.0")

        text = self.text(self.body_size(), BODY_WORD if body_word else None)
        x = r.random()
        multipart = True
        if x < 0.06:
            b = "alt-%d-%x" % (i, r.getrandbits(32))
            h.append('Content-Type: multipart/alternative; boundary="%s"' % b)
            html = "<html><body>\n<p>" + text.replace("\n\n", "</p>\n<p>") + "</p>\n</body></html>\n"
            body = ("This is a multi-part message in MIME format.\n\n--%s\n"
                    "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n\n"
                    "%s\n--%s\nContent-Type: text/html; charset=us-ascii\n"
                    "Content-Transfer-Encoding: 7bit\n\n%s\n--%s--\n" % (b, text, b, html, b))
        elif x < 0.085:
            b = "mix-%d-%x" % (i, r.getrandbits(32))
            h.append('Content-Type: multipart/mixed; boundary="%s"' % b)
            body = ("--%s\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n"
                    "%s\n--%s\n%s--%s--\n" % (b, text, b, self.attachment(), b))
        elif x < 0.09:
            b1 = "mix-%d-%x" % (i, r.getrandbits(32))
            b2 = "alt-%d-%x" % (i, r.getrandbits(32))
            h.append('Content-Type: multipart/mixed; boundary="%s"' % b1)
            body = ("--%s\nContent-Type: multipart/alternative; boundary=\"%s\"\n\n"
                    "--%s\nContent-Type: text/plain; charset=us-ascii\n\n%s\n"
                    "--%s\nContent-Type: text/html; charset=us-ascii\n\n<html><body><pre>%s</pre></body></html>\n"
                    "--%s--\n\n--%s\n%s--%s--\n"
                    % (b1, b2, b2, text, b2, text, b2, b1, self.attachment(), b1))
        elif x < 0.092:
            b = "fwd-%d-%x" % (i, r.getrandbits(32))
            h.append('Content-Type: multipart/mixed; boundary="%s"' % b)
            inner = ("From: %s\nTo: %s\nSubject: Forwarded %s\nDate: %s\nMessage-ID: <in%d@%s>\n\n%s"
                     % (self.person(), self.person(), r.choice(WORDS), self.date(t - 86400), i,
                        dom, self.text(r.randint(200, 2000), None)))
            body = ("--%s\nContent-Type: text/plain; charset=us-ascii\n\n%s\n--%s\n"
                    "Content-Type: message/rfc822\nContent-Disposition: attachment\n\n%s\n--%s--\n"
                    % (b, text, b, inner, b))
        else:
            multipart = False
            if r.random() < 0.1:
                h.append("Content-Type: text/plain; charset=utf-8")
                h.append("Content-Transfer-Encoding: quoted-printable")
                # A few =E2=80=99 (right quote) escapes; lines stay short, so
                # no soft line break ever cuts a word.
                body = text.replace(" it ", " it=E2=80=99s ")
            else:
                h.append("Content-Type: text/plain; charset=%s"
                         % r.choice(("us-ascii", "utf-8", "iso-8859-1")))
                if r.random() < 0.5:
                    h.append("Content-Transfer-Encoding: 7bit")
                body = text
        return ("\n".join(h) + "\n\n" + body).encode("utf-8"), multipart

    def attachment(self):
        r = self.r
        size = r.randint(2000, 40000)
        data = base64.encodebytes(r.randbytes(size)).decode()
        name = "%s-%d.%s" % (r.choice(WORDS), r.randint(1, 99), r.choice(("pdf", "png", "zip")))
        ctype = {"pdf": "application/pdf", "png": "image/png", "zip": "application/zip"}[name[-3:]]
        return ('Content-Type: %s; name="%s"\nContent-Transfer-Encoding: base64\n'
                'Content-Disposition: attachment; filename="%s"\n\n%s\n' % (ctype, name, name, data))

    def flags(self):
        r = self.r
        x = r.random()
        if x < 0.2:
            f = ""
        elif x < 0.9:
            f = "S"
        elif x < 0.95:
            f = "RS"
        elif x < 0.98:
            f = "FS"
        elif x < 0.99:
            f = "ST"
        elif x < 0.995:
            f = "D"
        else:
            f = "FRS"
        if r.random() < 0.01:
            f += "a"
        return "".join(sorted(f))


def make_maildir(root, n, seed=2060):
    """Write the maildir; return the ground truth (a dict)."""
    g = Gen(seed)
    r = g.r
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    with open(os.path.join(root, "dovecot-keywords"), "w") as f:
        f.write("0 $Junk\n")
    n_new = n * 3 // 1000
    base_t = 1600000000  # 10 digits for the next 300 years: name order = time order
    truth = {"subject": [], "body": [], "flags": [], "multipart": 0, "octets": 0,
             "in_new": n_new, "sizes_in_name": 0}
    for i in range(n):
        t = base_t + i * 37
        subj = r.random() < 0.03
        bodyw = r.random() < 0.02
        data, multi = g.message(i, t, subj, bodyw)
        in_new = i >= n - n_new
        flags = "" if in_new else g.flags()
        if r.random() < 0.6:
            name = "%d.M%dP%d.mail.example.com,S=%d,W=%d" % (
                t, r.randint(0, 999999), r.randint(1000, 60000), len(data),
                len(data) + data.count(b"\n"))
            truth["sizes_in_name"] += 1
        else:
            name = "%d.V803I%xM%d.mx.example.com" % (t, r.getrandbits(24), r.randint(0, 999999))
        if in_new:
            path = os.path.join(root, "new", name)
        else:
            path = os.path.join(root, "cur", name + ":2," + flags)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, data)
        os.close(fd)
        if subj:
            truth["subject"].append(i + 1)
        if bodyw:
            truth["body"].append(i + 1)
        truth["flags"].append(flags)
        truth["multipart"] += multi
        truth["octets"] += len(data)
    # Directory mtimes in the past, as in a mailbox not written this second.
    past = time.time() - 60
    for d in ("cur", "new", "tmp", ""):
        os.utime(os.path.join(root, d), (past, past))
    return truth


if __name__ == "__main__":
    import sys
    import json
    tr = make_maildir(sys.argv[1], int(sys.argv[2]))
    tr.pop("flags")
    print(json.dumps({k: (len(v) if isinstance(v, list) else v) for k, v in tr.items()}))

"""imapsyntax.py - check server response lines against RFC 2060 §9.

A recursive-descent reading of the response rules of RFC2060 §9: greeting,
continue_req, response_data, response_tagged, response_fatal and everything
under them (resp_text_code, mailbox_data, message_data, msg_att, envelope,
body, mailbox_list, capability_data).  Where RFC 3501 later defined more
(resp codes BADCHARSET/CAPABILITY/UIDNEXT, the body location extension field,
mailbox attributes of standards-track extensions), that is accepted too,
since RFC2060 §7.2.1 and §9 allow what a standards-track revision defines.

    checker = ResponseChecker()
    err = checker.check(line)   # None, or what is wrong with the line

A line is a server line without its CRLF, with any literal folded in as
"{n}\\r\\n<n octets>" (what imaptest.Connection.read_line returns).
"""

import re

# Response codes defined by RFC 2060 (§7.1) and registered later by
# standards-track RFCs (IANA "IMAP Response Codes" registry).  Anything else
# must begin with "X" (RFC2060 §7.1: SHOULD).
RFC2060_CODES = {"ALERT", "NEWNAME", "PARSE", "PERMANENTFLAGS", "READ-ONLY", "READ-WRITE",
                 "TRYCREATE", "UIDVALIDITY", "UNSEEN"}
REGISTERED_CODES = RFC2060_CODES | {
    "BADCHARSET", "CAPABILITY", "UIDNEXT",                          # RFC 3501
    "APPENDUID", "COPYUID", "UIDNOTSTICKY",                         # RFC 4315
    "UNAVAILABLE", "AUTHENTICATIONFAILED", "AUTHORIZATIONFAILED",   # RFC 5530
    "EXPIRED", "PRIVACYREQUIRED", "CONTACTADMIN", "NOPERM", "INUSE",
    "EXPUNGEISSUED", "CORRUPTION", "SERVERBUG", "CLIENTBUG", "CANNOT",
    "LIMIT", "OVERQUOTA", "ALREADYEXISTS", "NONEXISTENT",
    "TOOBIG", "BADURL",                                             # RFC 4469
    "URLMECH",                                                      # RFC 4467
    "HIGHESTMODSEQ", "NOMODSEQ", "MODIFIED", "CLOSED",              # RFC 7162
    "REFERRAL",                                                     # RFC 2221
    "COMPRESSIONACTIVE",                                            # RFC 4978
    "BADCOMPARATOR",                                                # RFC 5255
    "METADATA",                                                     # RFC 5464
    "NOTIFICATIONOVERFLOW", "BADEVENT",                             # RFC 5465
    "UNDEFINED-FILTER",                                             # RFC 5466
    "ANNOTATE", "ANNOTATIONS",                                      # RFC 5257
    "NOTSAVED",                                                     # RFC 5182
    "USEATTR",                                                      # RFC 6154
    "HASCHILDREN",                                                  # RFC 9051
    "MAILBOXID",                                                    # RFC 8474
    "NOUPDATE",                                                     # RFC 5267
}

# System flags of RFC 2060 (§2.3.2); any other "\"-flag would be a
# flag_extension, which a server MUST NOT generate (§9).
SYSTEM_FLAGS = {"\\ANSWERED", "\\FLAGGED", "\\DELETED", "\\SEEN", "\\DRAFT", "\\RECENT"}
# Mailbox name attributes: RFC 2060 §7.2.2 and standards-track extensions
# that may appear in a plain LIST (RFC 3348, 5258, 6154, 8457).
MAILBOX_ATTRS = {"\\NOINFERIORS", "\\NOSELECT", "\\MARKED", "\\UNMARKED",
                 "\\HASCHILDREN", "\\HASNOCHILDREN", "\\NONEXISTENT", "\\SUBSCRIBED", "\\REMOTE",
                 "\\ALL", "\\ARCHIVE", "\\DRAFTS", "\\FLAGGED", "\\JUNK", "\\SENT", "\\TRASH",
                 "\\IMPORTANT"}
STATUS_ATTS = {"MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN"}
MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
DATE_TIME = re.compile(r'"( \d|\d\d)-(%s)-\d{4} \d\d:\d\d:\d\d [+-]\d{4}"' % MONTHS, re.I)

ATOM_SPECIALS = set('(){ %*"\\')


class SyntaxErr(Exception):
    pass


def is_atom_char(c):
    o = ord(c)
    return 0x20 < o < 0x7F and c not in ATOM_SPECIALS


class Parser:
    def __init__(self, s):
        self.s = s
        self.i = 0

    # -- low level ---------------------------------------------------------
    def fail(self, what):
        near = self.s[self.i:self.i + 30]
        raise SyntaxErr("%s at offset %d (near %r)" % (what, self.i, near))

    def peek(self, n=1):
        return self.s[self.i:self.i + n]

    def at_end(self):
        return self.i >= len(self.s)

    def lit(self, text, ci=True):
        got = self.s[self.i:self.i + len(text)]
        if (got.upper() == text.upper()) if ci else (got == text):
            self.i += len(text)
            return True
        return False

    def expect(self, text, what=None):
        if not self.lit(text):
            self.fail("expected %s" % (what or repr(text)))

    def sp(self):
        if self.peek() != " ":
            self.fail("expected SPACE")
        self.i += 1
        if self.peek() == " ":
            self.fail("more than one SPACE")

    def atom(self, extra_stop=""):
        j = self.i
        while self.i < len(self.s) and is_atom_char(self.s[self.i]) and self.s[self.i] not in extra_stop:
            self.i += 1
        if self.i == j:
            self.fail("expected an atom")
        return self.s[j:self.i]

    def number(self, nz=False):
        m = re.compile(r"\d+").match(self.s, self.i)
        if not m:
            self.fail("expected a number")
        v = int(m.group())
        if v >= 2 ** 32:
            self.fail("number out of 32-bit range")
        if nz and (v == 0 or m.group().startswith("0")):
            self.fail("expected nz_number")
        self.i = m.end()
        return v

    def quoted(self):
        self.expect('"')
        out = []
        while True:
            if self.at_end():
                self.fail("unterminated quoted string")
            c = self.s[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\":
                n = self.s[self.i + 1:self.i + 2]
                if n not in ('"', "\\"):
                    self.fail("invalid escape in quoted string")
                out.append(n)
                self.i += 2
                continue
            if c in "\r\n" or ord(c) > 0x7E or ord(c) < 0x20 and c != "\t" or ord(c) == 0:
                if ord(c) > 0x7E:
                    self.fail("8-bit character in quoted string")
                self.fail("control character in quoted string")
            out.append(c)
            self.i += 1

    def literal(self):
        m = re.compile(r"\{(\d+)\}\r\n").match(self.s, self.i)
        if not m:
            self.fail("expected a literal")
        n = int(m.group(1))
        self.i = m.end()
        # The line is text; count octets, not characters.
        raw = self.s[self.i:].encode("utf-8", "surrogateescape")[:n]
        if len(raw) < n:
            self.fail("literal cut short")
        if b"\x00" in raw:
            self.fail("NUL octet in a literal (CHAR8 excludes NUL; binary must be encoded)")
        self.i += len(raw.decode("utf-8", "surrogateescape"))
        return raw.decode("utf-8", "surrogateescape")

    def string(self):
        c = self.peek()
        if c == '"':
            return self.quoted()
        if c == "{":
            return self.literal()
        self.fail("expected a string")

    def nstring(self):
        if self.nil():
            return None
        return self.string()

    def nil(self):
        """Consume NIL (not the start of a longer atom); True if it was there."""
        if self.s[self.i:self.i + 3].upper() == "NIL" and not (
                self.i + 3 < len(self.s) and is_atom_char(self.s[self.i + 3])):
            self.i += 3
            return True
        return False

    def astring(self):
        c = self.peek()
        if c in ('"', "{"):
            return self.string()
        return self.atom()

    def mailbox(self):
        return self.astring()

    # -- flags ---------------------------------------------------------------
    def flag(self, allow_star=False, allow_recent=True, attrs=None):
        if self.peek() == "\\":
            self.i += 1
            if allow_star and self.peek() == "*":
                self.i += 1
                return "\\*"
            name = "\\" + self.atom()
            known = attrs if attrs is not None else SYSTEM_FLAGS
            if name.upper() not in known or (name.upper() == "\\RECENT" and not allow_recent):
                raise SyntaxErr("server generated flag_extension %s (RFC2060 §9: MUST NOT)" % name)
            return name
        return self.atom()

    def flag_list(self, **kw):
        self.expect("(")
        flags = []
        if self.peek() != ")":
            flags.append(self.flag(**kw))
            while self.peek() == " ":
                self.sp()
                flags.append(self.flag(**kw))
        self.expect(")")
        return flags

    # -- resp_text -----------------------------------------------------------
    def resp_text(self, what):
        code = None
        if self.peek() == "[":
            self.i += 1
            code = self.resp_text_code()
            self.expect("]")
            if self.at_end():
                self.fail("resp_text: text missing after the response code")
            self.sp()
        if self.at_end():
            self.fail("resp_text: empty text (text is 1*TEXT_CHAR)")
        rest = self.s[self.i:]
        for c in rest:
            if c in "\r\n" or ord(c) == 0 or ord(c) > 0x7F:
                raise SyntaxErr("text contains a non-TEXT_CHAR (%r)" % c)
        if rest.startswith("[") and code is None:
            raise SyntaxErr("text begins with '[' but is no response code (RFC2060 §9: SHOULD NOT)")
        if rest.startswith("=") and not rest.startswith("=?"):
            raise SyntaxErr("text begins with '=' (RFC2060 §9: SHOULD NOT)")
        self.i = len(self.s)
        return code

    def resp_text_code(self):
        name = self.atom(extra_stop="]")
        u = name.upper()
        if u in ("ALERT", "PARSE", "READ-ONLY", "READ-WRITE", "TRYCREATE"):
            if self.peek() != "]":
                self.fail("%s takes no arguments" % u)
        elif u == "PERMANENTFLAGS":
            self.sp()
            self.flag_list(allow_star=True, allow_recent=False)
        elif u in ("UIDVALIDITY", "UNSEEN"):
            self.sp()
            self.number(nz=True)
        elif u == "NEWNAME":
            self.sp()
            self.mailbox()
            self.sp()
            self.mailbox()
        else:
            if u not in REGISTERED_CODES and not u.startswith("X"):
                raise SyntaxErr("response code [%s] is neither registered nor X-prefixed "
                                "(RFC2060 §7.1: SHOULD begin with X)" % name)
            if self.peek() == " ":
                self.sp()
                j = self.i
                while self.i < len(self.s) and self.s[self.i] != "]" and self.s[self.i] not in "\r\n":
                    self.i += 1
                if self.i == j:
                    self.fail("empty response code argument")
        return u

    # -- message data --------------------------------------------------------
    def date_time(self):
        m = DATE_TIME.match(self.s, self.i)
        if not m:
            self.fail('expected date_time "dd-Mon-yyyy hh:mm:ss +zzzz"')
        self.i = m.end()

    def address(self):
        self.expect("(")
        self.nstring()
        self.sp()
        self.nstring()
        self.sp()
        self.nstring()
        self.sp()
        self.nstring()
        self.expect(")")

    def addr_list(self):
        if self.nil():
            return
        self.expect("(")
        self.address()
        while self.peek() == "(":
            self.address()
        self.expect(")")

    def envelope(self):
        self.expect("(")
        self.nstring()          # date
        self.sp()
        self.nstring()          # subject
        for _ in range(6):      # from sender reply-to to cc bcc
            self.sp()
            self.addr_list()
        self.sp()
        self.nstring()          # in-reply-to
        self.sp()
        self.nstring()          # message-id
        self.expect(")")

    def body_fld_param(self):
        if self.nil():
            return
        self.expect("(")
        self.string()
        self.sp()
        self.string()
        while self.peek() == " ":
            self.sp()
            self.string()
            self.sp()
            self.string()
        self.expect(")")

    def body_fld_dsp(self):
        if self.nil():
            return
        self.expect("(")
        self.string()
        self.sp()
        self.body_fld_param()
        self.expect(")")

    def body_fld_lang(self):
        if self.peek() == "(":
            self.i += 1
            self.string()
            while self.peek() == " ":
                self.sp()
                self.string()
            self.expect(")")
        else:
            self.nstring()

    def body_ext_tail(self, extensible):
        """After disposition and language: RFC 3501's location, nothing else."""
        if self.peek() == " ":
            self.sp()
            self.nstring()      # body-fld-loc, defined by RFC 3501
            if self.peek() == " ":
                raise SyntaxErr("body_extension data beyond what any revision defines "
                                "(RFC2060 §9: MUST NOT)")

    def body(self, extensible):
        self.expect("(")
        if self.peek() == "(":
            # multipart
            while self.peek() == "(":
                self.body(extensible)
            self.sp()
            self.string()       # subtype
            if self.peek() == " ":
                if not extensible:
                    raise SyntaxErr("extension data in a BODY (non-extensible) response "
                                    "(RFC2060 §7.4.2: MUST NOT)")
                self.sp()
                self.body_fld_param()
                if self.peek() == " ":
                    self.sp()
                    self.body_fld_dsp()
                    if self.peek() == " ":
                        self.sp()
                        self.body_fld_lang()
                        self.body_ext_tail(extensible)
            self.expect(")")
            return
        mtype = self.string()
        self.sp()
        subtype = self.string()
        self.sp()
        self.body_fld_param()
        self.sp()
        self.nstring()          # id
        self.sp()
        self.nstring()          # description
        self.sp()
        self.string()           # encoding
        self.sp()
        self.number()           # octets
        if mtype.upper() == "MESSAGE" and subtype.upper() == "RFC822":
            self.sp()
            self.envelope()
            self.sp()
            self.body(extensible)
            self.sp()
            self.number()
        elif mtype.upper() == "TEXT":
            self.sp()
            self.number()
        if self.peek() == " ":
            if not extensible:
                raise SyntaxErr("extension data in a BODY (non-extensible) response "
                                "(RFC2060 §7.4.2: MUST NOT)")
            self.sp()
            self.nstring()      # md5
            if self.peek() == " ":
                self.sp()
                self.body_fld_dsp()
                if self.peek() == " ":
                    self.sp()
                    self.body_fld_lang()
                    self.body_ext_tail(extensible)
        self.expect(")")

    def section(self):
        self.expect("[")
        if self.peek() == "]":
            self.i += 1
            return
        if self.peek().isdigit():
            self.number(nz=True)
            while self.peek() == "." and self.s[self.i + 1:self.i + 2].isdigit():
                self.i += 1
                self.number(nz=True)
            if self.peek() == ".":
                self.i += 1
                if self.lit("MIME"):
                    self.expect("]")
                    return
                self.section_text()
            self.expect("]")
            return
        self.section_text()
        self.expect("]")

    def section_text(self):
        if self.lit("HEADER.FIELDS.NOT") or self.lit("HEADER.FIELDS"):
            self.sp()
            self.expect("(")
            self.astring()
            while self.peek() == " ":
                self.sp()
                self.astring()
            self.expect(")")
        elif self.lit("HEADER") or self.lit("TEXT"):
            pass
        else:
            self.fail("expected a section_text")

    def msg_att(self):
        self.expect("(")
        first = True
        while first or self.peek() == " ":
            if not first:
                self.sp()
            first = False
            name = self.atom(extra_stop="[<")
            u = name.upper()
            if u == "ENVELOPE":
                self.sp()
                self.envelope()
            elif u == "FLAGS":
                self.sp()
                self.flag_list()
            elif u == "INTERNALDATE":
                self.sp()
                self.date_time()
            elif u in ("RFC822", "RFC822.HEADER", "RFC822.TEXT"):
                self.sp()
                self.nstring()
            elif u == "RFC822.SIZE":
                self.sp()
                self.number()
            elif u in ("BODY", "BODYSTRUCTURE") and self.peek() == " ":
                self.sp()
                self.body(extensible=(u == "BODYSTRUCTURE"))
            elif u == "BODY" and self.peek() == "[":
                self.section()
                if self.peek() == "<":
                    self.i += 1
                    self.number()
                    self.expect(">")
                self.sp()
                self.nstring()
            elif u == "UID":
                self.sp()
                self.number(nz=True)
            else:
                raise SyntaxErr("FETCH data item %s is not RFC 2060 (an extension the client "
                                "did not ask for)" % name)
        self.expect(")")

    def mailbox_list(self):
        self.expect("(")
        if self.peek() != ")":
            self.flag(attrs=MAILBOX_ATTRS)
            while self.peek() == " ":
                self.sp()
                self.flag(attrs=MAILBOX_ATTRS)
        self.expect(")")
        self.sp()
        if not self.nil():
            self.expect('"')
            if self.peek() == "\\":
                self.i += 1
                if self.peek() not in ('"', "\\"):
                    self.fail("invalid quoted delimiter")
            elif self.peek() in ('"', "\r", "\n", "") or ord(self.peek()) > 0x7E:
                self.fail("invalid hierarchy delimiter")
            self.i += 1
            self.expect('"')
        self.sp()
        self.mailbox()

    def capability_data(self):
        caps = []
        while self.peek() == " ":
            self.sp()
            if self.lit("AUTH="):
                caps.append("AUTH=" + self.atom())
            else:
                caps.append(self.atom())
        up = [c.upper() for c in caps]
        if "IMAP4REV1" not in up:
            raise SyntaxErr("CAPABILITY does not list IMAP4rev1")
        if "IMAP4" in up and up[0] != "IMAP4":
            raise SyntaxErr("IMAP4 is listed but not first (RFC2060 §9 capability_data)")
        return caps


class ResponseChecker:
    """Checks server lines one after another (the first must be a greeting)."""

    def __init__(self):
        self.greeted = False

    def check(self, line):
        try:
            self._check(line)
            return None
        except SyntaxErr as e:
            return str(e)

    def _check(self, line):
        p = Parser(line)
        if not self.greeted:
            self.greeted = True
            if not re.match(r"\* (OK|PREAUTH|BYE) ", line, re.I):
                raise SyntaxErr("greeting is not * OK, * PREAUTH or * BYE")
        if line.startswith("+"):
            # continue_req ::= "+" SPACE (resp_text / base64)
            if not line.startswith("+ "):
                raise SyntaxErr('continuation request is not "+" SPACE ...')
            return
        if line.startswith("* "):
            p.i = 2
            self.response_data(p)
        else:
            # response_tagged ::= tag SPACE resp_cond_state
            tag = re.match(r"[^ ]+", line)
            if not tag or any(not is_atom_char(c) or c == "+" for c in tag.group()):
                raise SyntaxErr("invalid tag")
            p.i = tag.end()
            p.sp()
            word = p.atom(extra_stop="[")
            if word.upper() not in ("OK", "NO", "BAD"):
                raise SyntaxErr("tagged response is not OK, NO or BAD")
            p.sp()
            p.resp_text(word)
        if not p.at_end():
            p.fail("junk at end of line")

    def response_data(self, p):
        if p.peek().isdigit():
            n = p.number()
            p.sp()
            word = p.atom()
            u = word.upper()
            if u in ("EXISTS", "RECENT"):
                return
            if u == "EXPUNGE":
                if n == 0:
                    p.fail("EXPUNGE of message 0")
                return
            if u == "FETCH":
                if n == 0:
                    p.fail("FETCH of message 0")
                p.sp()
                p.msg_att()
                return
            raise SyntaxErr("untagged '%d %s' is not an RFC 2060 response" % (n, word))
        word = p.atom(extra_stop="[")
        u = word.upper()
        if u in ("OK", "NO", "BAD", "PREAUTH", "BYE"):
            p.sp()
            p.resp_text(u)
        elif u == "FLAGS":
            p.sp()
            p.flag_list()
        elif u in ("LIST", "LSUB"):
            p.sp()
            p.mailbox_list()
        elif u == "MAILBOX":
            p.sp()
            p.i = len(p.s)
        elif u == "SEARCH":
            while p.peek() == " ":
                p.sp()
                p.number(nz=True)
        elif u == "STATUS":
            p.sp()
            p.mailbox()
            p.sp()
            p.expect("(")
            first = True
            while p.peek() != ")":
                if not first:
                    p.sp()
                first = False
                att = p.atom()
                if att.upper() not in STATUS_ATTS:
                    raise SyntaxErr("STATUS item %s is not RFC 2060" % att)
                p.sp()
                p.number()
            p.expect(")")
        elif u == "CAPABILITY":
            p.capability_data()
        else:
            raise SyntaxErr("untagged %s is not an RFC 2060 response (servers MUST NOT send "
                            "extension responses the client did not ask for, §6.5.1/§7.2.1)" % word)


# Capability names registered with IANA ("IMAP Capabilities" registry) for
# standards-track or other published RFCs, as of this writing.  RFC2060
# §7.2.1: a server MUST NOT offer other names unless they begin with "X".
# A name ending in "=" stands for a family (AUTH=<mechanism>, ...).
REGISTERED_CAPABILITIES = set("""
IMAP4 IMAP4rev1 IMAP4rev2 ACL ANNOTATE-EXPERIMENT-1 APPENDLIMIT APPENDLIMIT= BINARY CATENATE
CHILDREN COMPRESS=DEFLATE CONDSTORE CONTEXT=SEARCH CONTEXT=SORT CONVERT CREATE-SPECIAL-USE
ENABLE ESEARCH ESORT FILTERS I18NLEVEL=1 I18NLEVEL=2 ID IDLE IMAPSIEVE= INPROGRESS JMAPACCESS
LANGUAGE LIST-EXTENDED LIST-METADATA LIST-MYRIGHTS LIST-STATUS LITERAL+ LITERAL- LOGIN-REFERRALS
LOGINDISABLED MAILBOX-REFERRALS MESSAGELIMIT= METADATA METADATA-SERVER MOVE MULTIAPPEND
MULTISEARCH NAMESPACE NOTIFY OBJECTID PARTIAL PREVIEW QRESYNC QUOTA QUOTA=RES- QUOTASET REPLACE
RIGHTS= SASL-IR SAVEDATE SAVELIMIT= SEARCH=FUZZY SEARCHRES SORT SORT=DISPLAY SPECIAL-USE
STARTTLS STATUS=SIZE THREAD=ORDEREDSUBJECT THREAD=REFERENCES UIDONLY UIDPLUS UNAUTHENTICATE
UNSELECT URL-PARTIAL URLAUTH URLAUTH=BINARY URLFETCH=BINARY UTF8=ACCEPT UTF8=ALL UTF8=APPEND
UTF8=ONLY UTF8=USER WITHIN AUTH=
""".split())


def unregistered_capabilities(listing):
    """The names in a capability listing that are neither registered nor X-names."""
    bad = []
    for cap in listing.split():
        u = cap.upper()
        if u.startswith("X") or u in {c.upper() for c in REGISTERED_CAPABILITIES}:
            continue
        if any(u.startswith(c.upper()) and len(u) > len(c) for c in REGISTERED_CAPABILITIES
               if c.endswith("=") or c.endswith("-")):
            continue
        bad.append(cap)
    return bad


def instant(date_time):
    """Seconds since the epoch of an IMAP date_time ("dd-Mon-yyyy hh:mm:ss +zzzz")."""
    import calendar
    m = re.fullmatch(r'"?\s*(\d{1,2})-(%s)-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)"?' % MONTHS,
                     date_time.strip(), re.I)
    if not m:
        raise ValueError("not a date_time: %r" % date_time)
    mon = [x.lower() for x in MONTHS.split("|")].index(m.group(2).lower()) + 1
    t = calendar.timegm((int(m.group(3)), mon, int(m.group(1)), int(m.group(4)), int(m.group(5)),
                         int(m.group(6))))
    off = (int(m.group(8)) * 60 + int(m.group(9))) * 60
    return t - off if m.group(7) == "+" else t + off

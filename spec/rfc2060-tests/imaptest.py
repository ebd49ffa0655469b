#!/usr/bin/env python3
"""imaptest.py - run IMAP protocol transcripts against a server.

A transcript (*.test) is a conversation: what the client sends and what the
server must answer, line by line.  The format (spec/rfc2060-tests/README.md):

    # comment; "# covers: R-6.1.1-a ..." names the requirements it tests
    @ directive ...        setup and control (see DIRECTIVES below)
    C: text                client sends text + CRLF
    C+ text                client sends text without CRLF (\\r \\n \\xNN escapes)
    S: text                next server line, matched as a template:
                             ...        any text (possibly empty)
                             {n}        digits
                             {tag}      an IMAP tag-like word
                           everything else literally
    S~ regex               next server line matches the Python regex (fullmatch)
    S? text                unordered: a run of S? lines matches the next lines
                           in any order
    S! text                no server line in the rest of the response matches
                           (checked up to the next tagged line)
    S- n                   skip n server lines whatever they are
    S* regex               skip zero or more next lines that match the regex
                           (optional untagged data)

    Response blocks, for data whose order and extras the RFC leaves free:
    R: tag                 read every line up to and including the tagged
                           response for tag; they become the current block
    R~ regex               some line of the current block matches (fullmatch)
    R! regex               no line of the current block matches
    R# n regex             exactly n lines of the current block match

    Variables: a named group (?P<NAME>...) in an S~, S* or R~ regex that
    matched sets ${NAME}; ${NAME} is replaced in every later line (escaped
    for regexes), as are the names made by "@ mailbox"; ${#NAME} is the
    length of the value in octets (for literals).  ${USER} and ${PASSWORD}
    are the test user's credentials (--user, --password), so a transcript
    that logs in by hand works with any account; "@ set" makes others.

DIRECTIVES
    @ mode pipe|tcp|inetd  how our imapd is started (default pipe: stdin/stdout)
    @ config key: value    add a line to the imapd.conf of this test
    @ bytewise             send the following client data one octet at a time
    @ wholesale            back to normal sending
    @ expect-close         the server must close the connection now
    @ close                the client closes its side
    @ sleep seconds
    @ octets N [c]         send N octets (default "x"), e.g. a literal's data
    @ maildir name file    put a message file into mailbox name (. = INBOX)
    @ login                read the greeting and log in as the test user: by
                           default (--login sasl) LOGIN with --user/--password,
                           checked by SASL against a sasldb the runner makes;
                           with --login preauth our server runs as rimapd and
                           greets with PREAUTH (the answer to LOGIN is
                           awaited up to 30 s: servers slow down logins
                           after failed ones)
    @ skip-unless-ours     only run against our imapd (server-chosen behaviour)
    @ timeout seconds      wait up to that long (never less than --timeout)
                           for each server line that follows, on every
                           connection (a server may delay the answer to a
                           failed login by seconds); "@ timeout" alone goes
                           back to --timeout

  For any server (used by the conformance suite, spec/README.md):
    @ mailbox NAME...      a mailbox of the test's own, created before the
                           test and deleted after it (with everything under
                           it); ${NAME} is its name, imaptest-<random>-name
    @ mailbox-name NAME... a unique name for the test, not created (deleted
                           afterwards if the test created it)
    @ maildir NAME file    with NAME from "@ mailbox": the message goes into
                           that mailbox (our server: a maildir file; any
                           other server: APPEND over IMAP before the test)
    @ conn NAME            switch to connection NAME, opening it (greeting
                           unread) the first time; the first one is "main"
    @ syntax-check         check every later server line against the response
                           grammar of RFC2060 §9 (imapsyntax.py)
    @ idle seconds         read whatever the server sends unasked for that
                           long; it becomes the current block (R~ R! R#)
    @ compress             from here on this connection is one raw DEFLATE
                           stream each way (RFC4978 COMPRESS=DEFLATE, after
                           the tagged OK of a COMPRESS command): what the
                           client sends is compressed (flushed with
                           Z_SYNC_FLUSH after every write), what the server
                           sends is inflated; anything not DEFLATE fails
    @ deliver NAME file    our server only: put a message file into the
                           maildir of mailbox NAME now, as a delivery agent
                           would (tmp/, then a rename into new/), while the
                           server runs
    @ assert expr [;; msg] a Python expression over the variables (strings),
                           with helpers defined(name), instant(date_time),
                           now(), unregistered(capabilities), same(a, b)
                           (the same words in any order, e.g. the numbers
                           of a SEARCH response), numbers(set) (the numbers
                           of a set such as "3,5:7", in order),
                           namespaces(data) (RFC2342: [personal, others,
                           shared], each None or [(prefix, delim, exts)]),
                           id_params(data) (RFC2971: [(field, value)] or
                           None), parses(fn, data) ("" or why fn fails),
                           upper(s); msg (also an expression) says what
                           failed
    @ collect VAR regex    VAR = group 1 of every line of the current block
                           that matches, joined by spaces
    @ keep-going           a mismatch of S~ R~ R! R# or @ assert is recorded
                           and the test goes on; it fails at the end with all
    @ lax-framing          the transcript's own lines may end in a bare LF (a
                           test of how a server takes one); otherwise a
                           client line ending in LF without CR, as a
                           literal whose count is one short leaves it, fails
                           the test
    @ covers R-x ...       the checks that follow test these requirements
                           (a subset of the "# covers:" line); with
                           keep-going, a failed check is charged to them only
    @ if expr / @ else / @ endif
                           run lines only when expr holds (may nest)
    @ skip reason          stop here and report the test skipped
    @ as-rimapd            our server only: run as rimapd (PREAUTH greeting)
    @ scratch-account      the test changes INBOX or other state of the whole
                           account (e.g. RENAME INBOX): against another server
                           it runs only with --scratch-account, which says the
                           account is a throwaway one (spec/servers/*.sh make
                           such accounts); otherwise it is skipped
    @ set NAME expr        ${NAME} = the value of a Python expression over the
                           variables, with the helpers of "@ assert" and
                           b64(s) (BASE64 of the UTF-8 octets of s; "\0" in
                           s is a NUL), e.g. a SASL PLAIN response

Output is TAP (one "ok"/"not ok" per transcript), so prove(1) reads it.
"""

import argparse
import base64
import os
import re
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
# The shared test modules (tests/lib/): the IMAP client needs nothing but
# Python, so the runner works against any server; the Sandbox of
# imapdtest.py is only for our own imapd.
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "lib"))
from imapclient import DEFAULT_TIMEOUT, Connection, IMAPError  # noqa: E402
from imapdtest import Sandbox, Tap, me  # noqa: E402

LOGIN_TIMEOUT = 30.0  # @ login: servers delay logins after failed ones

# A broken conversation, from the transcript's checks or from the
# connection (timeouts, the server closing, syntax errors): one class.
TranscriptError = IMAPError


def unescape(s):
    """Turn \\r \\n \\t \\\\ \\xNN escapes into bytes."""
    out = bytearray()
    i = 0
    b = s.encode("utf-8", "surrogateescape")
    while i < len(b):
        c = b[i]
        if c == 0x5C and i + 1 < len(b):  # backslash
            n = b[i + 1]
            if n == ord("r"):
                out.append(13)
                i += 2
                continue
            if n == ord("n"):
                out.append(10)
                i += 2
                continue
            if n == ord("t"):
                out.append(9)
                i += 2
                continue
            if n == ord("\\"):
                out.append(0x5C)
                i += 2
                continue
            if n == ord("x") and i + 3 < len(b) + 1:
                out.append(int(b[i + 2:i + 4], 16))
                i += 4
                continue
        out.append(c)
        i += 1
    return bytes(out)


def numbers(seq_set):
    """The numbers of an IMAP set without "*" ("3,5:7" -> [3, 5, 6, 7]), in
    the order written, ranges low to high."""
    out = []
    for part in str(seq_set).split(","):
        a, _, b = part.partition(":")
        lo, hi = int(a), int(b or a)
        out.extend(range(min(lo, hi), max(lo, hi) + 1))
    return out


class _Words:
    """A cursor over response data for the small parsers below."""

    def __init__(self, text):
        self.t, self.i = text, 0

    def fail(self, what):
        raise ValueError("%s at %r" % (what, self.t[self.i:self.i + 40]))

    def peek(self, s):
        return self.t.startswith(s, self.i)

    def take(self, s):
        if not self.peek(s):
            self.fail("expected %r" % s)
        self.i += len(s)

    def nil(self):
        if self.t[self.i:self.i + 3].upper() == "NIL" and not re.match(r"[^ ()]", self.t[self.i + 3:self.i + 4]):
            self.i += 3
            return True
        return False

    def string(self):
        """A quoted string or a literal (folded in by read_line)."""
        if self.peek('"'):
            m = re.compile(r'"((?:[^"\\\r\n]|\\["\\])*)"').match(self.t, self.i)
            if not m:
                self.fail("bad quoted string")
            self.i = m.end()
            return re.sub(r'\\(.)', r'\1', m.group(1))
        m = re.compile(r"\{(\d+)\}\r\n").match(self.t, self.i)
        if not m:
            self.fail("expected a string")
        n = int(m.group(1))
        data = self.t[m.end():m.end() + n]
        if len(data) != n:
            self.fail("literal cut short")
        self.i = m.end() + n
        return data

    def nstring(self):
        return None if self.nil() else self.string()


def namespaces(text):
    """The three Namespace lists of a NAMESPACE response's data (RFC2342 §6,
    "* NAMESPACE " removed): [personal, other users', shared], each None for
    NIL or a list of (prefix, delimiter or None, [extension names]).
    Raises ValueError when the text does not follow the grammar."""
    w = _Words(text)
    out = []
    for k in range(3):
        if k:
            w.take(" ")
        if w.nil():
            out.append(None)
            continue
        w.take("(")
        entries = []
        while True:
            w.take("(")
            prefix = w.string()
            w.take(" ")
            if w.nil():
                delim = None
            else:
                delim = w.string()
                if len(delim) != 1:
                    w.fail("the delimiter must be one character")
            exts = []
            while w.peek(" "):
                w.take(" ")
                exts.append(w.string())
                w.take(" (")
                w.string()
                while w.peek(" "):
                    w.take(" ")
                    w.string()
                w.take(")")
            w.take(")")
            entries.append((prefix, delim, exts))
            if w.peek(")"):
                break
        w.take(")")
        out.append(entries)
    if w.i != len(text):
        w.fail("extra text")
    return out


def id_params(text):
    """The field/value pairs of an ID response's data (RFC2971 §4,
    "* ID " removed) as [(field, value or None)], or None for NIL.
    Raises ValueError when the text does not follow the grammar."""
    w = _Words(text)
    if w.nil():
        if w.i != len(text):
            w.fail("extra text")
        return None
    w.take("(")
    pairs = []
    while not w.peek(")"):
        if pairs:
            w.take(" ")
        field = w.string()
        w.take(" ")
        pairs.append((field, w.nstring()))
    w.take(")")
    if w.i != len(text):
        w.fail("extra text")
    return pairs


def parses(fn, text):
    """Why fn(text) fails (a ValueError's message), or "" when it parses."""
    try:
        fn(text)
        return ""
    except ValueError as e:
        return str(e) or "does not parse"


def template_regex(tpl):
    """Compile an S: template into a regex."""
    out = []
    i = 0
    while i < len(tpl):
        if tpl.startswith("...", i):
            out.append(".*?")
            i += 3
        elif tpl.startswith("{n}", i):
            out.append("[0-9]+")
            i += 3
        elif tpl.startswith("{tag}", i):
            out.append("[^ ]+")
            i += 5
        else:
            out.append(re.escape(tpl[i]))
            i += 1
    return re.compile("".join(out), re.S)


class OurServer:
    """Our imapd for one transcript, in a Sandbox of its own: its
    imapd.conf takes the transcript's "@ config" lines on top of the
    sandbox's defaults; with login "sasl" the test user is in a sasldb of
    the sandbox's (realm imapd.test, the servername, so "LOGIN testuser
    testpass" finds testuser@imapd.test, as Cyrus does; test users are not
    Unix accounts, so their mail runs as whoever runs the tests); with
    "preauth" our server runs as rimapd."""

    def __init__(self, imapd, mode, config_lines, timeout, login="preauth",
                 user="testuser", password="testpass"):
        self.mode = mode
        self.timeout = timeout
        self.login = login
        self.uses_login = False
        self.as_rimapd = False
        self.started = False
        conf = {}
        for line in config_lines:
            k, _, v = line.partition(":")
            conf[k.strip()] = v.strip()
        if login == "sasl":
            self.sb = Sandbox(conf, sasl=True, tls=False, user=user, password=password,
                              imapd=imapd, prefix="imaptest-")
        else:
            self.sb = Sandbox(dict({"allowplaintext": None, "mail_user": None}, **conf),
                              sasl=False, tls=False, imapd=imapd, prefix="imaptest-")
        self.log = self.sb.log

    def connect(self):
        """The first connection starts the server; more connections (@ conn)
        are more pipe servers on the same mail store (a second client)."""
        rimapd = self.as_rimapd or (self.login == "preauth" and self.uses_login)
        if self.started and self.mode != "pipe":
            raise TranscriptError("@ conn needs @ mode pipe")
        if self.mode == "pipe":
            self.started = True
            _, conn = self.sb.imapd_pipe(rimapd=rimapd, timeout=self.timeout)
            return conn
        if self.mode in ("tcp", "inetd"):
            # inetd "wait": imapd gets the listening socket as fd 0.
            self.started = True
            return self.sb.imapd_listener("-U", "1", "-T", "30").connect(timeout=self.timeout)
        raise TranscriptError("unknown mode %s" % self.mode)

    def make_mailbox(self, mailbox, user):
        """An empty maildir++ folder for mailbox (what put_message fills)."""
        self.sb.make_folder(user, mailbox)

    def put_message(self, mailbox, path, user):
        """The message file into the mailbox's new/, named to sort in the
        order the transcript lists the messages."""
        with open(path, "rb") as f:
            self.sb.deliver(user, mailbox, f.read(), suffix="imaptest")

    def deliver(self, mailbox, path, user):
        """A delivery while the server runs: written to tmp/, then renamed
        into new/ (maildir's own protocol), so a watcher sees one event."""
        with open(path, "rb") as f:
            self.sb.deliver(user, mailbox, f.read(), suffix="imaptest")

    def stop(self):
        """Wait for every imapd of the test; one killed by a signal (ASan
        abort, segfault) or exiting with an error is a failure whatever the
        transcript said."""
        codes = self.sb.reap(timeout=5)
        bad = ["imapd died with signal %d" % -rc if rc < 0 else "imapd exited with status %d" % rc
               for rc in codes if rc != 0]
        if bad:
            raise TranscriptError("; ".join(bad))

    def close(self):
        self.sb.close()


class RemoteServer:
    """Any IMAP server at host:port (issue: runnable against any server)."""

    def __init__(self, host, port, use_tls, timeout):
        self.host, self.port, self.use_tls, self.timeout = host, port, use_tls, timeout
        self.log = None
        self.conns = []

    def connect(self):
        c = Connection.tcp(self.port, host=self.host, tls=self.use_tls, timeout=self.timeout)
        self.conns.append(c)
        return c

    def stop(self):
        for c in self.conns:
            c.close()
        self.conns = []

    def close(self):
        self.stop()


def parse_transcript(path):
    steps = []
    covers = []
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                m = re.match(r"#\s*covers:\s*(.*)", line)
                if m:
                    covers.extend(m.group(1).split())
                continue
            kind = line[:2]
            arg = line[3:] if len(line) > 2 and line[2] == " " else line[2:]
            if kind not in ("C:", "C+", "S:", "S~", "S?", "S!", "S-", "S*", "R:", "R~", "R!", "R#", "@ "):
                raise TranscriptError("%s:%d: unknown line kind %r" % (path, lineno, line[:2]))
            if kind == "@ ":
                arg = line[2:].strip()
            steps.append((kind, arg, lineno))
    return steps, covers


class SkipTest(Exception):
    pass


class Runner:
    def __init__(self, args):
        self.args = args
        self.ours = args.host is None

    def run_file(self, path):
        """ok, skip or fail, with details; self.failed_reqs then names the
        requirements a failure is charged to (None: all the test covers)."""
        self.failed_reqs = None
        steps, _ = parse_transcript(path)
        mode = "pipe"
        config = []
        body = []
        mailboxes = []      # (var, created?)
        rimapd = False
        for kind, arg, lineno in steps:
            if kind == "@ " and arg.startswith("mode "):
                mode = arg.split()[1]
            elif kind == "@ " and arg.startswith("config "):
                config.append(arg[len("config "):])
            elif kind == "@ " and arg == "skip-unless-ours":
                if not self.ours:
                    return "skip", "depends on a behaviour our server chose"
            elif kind == "@ " and arg.split()[0] in ("mailbox", "mailbox-name"):
                mailboxes += [(v, arg.split()[0] == "mailbox") for v in arg.split()[1:]]
            elif kind == "@ " and arg == "scratch-account":
                if not self.ours and not getattr(self.args, "scratch_account", False):
                    return "skip", "changes INBOX or the whole account (run with --scratch-account)"
            elif kind == "@ " and arg == "as-rimapd":
                if not self.ours:
                    return "skip", "runs our server as rimapd"
                rimapd = True
            else:
                body.append((kind, arg, lineno))
        # Unique names, so that runs against a shared server never collide.
        tok = "%06x" % int.from_bytes(os.urandom(3), "big")
        self.vars = {v: "imaptest-%s-%s" % (tok, v.lower()) for v, _ in mailboxes}
        self.vars.setdefault("USER", self.args.user)
        self.vars.setdefault("PASSWORD", self.args.password)
        here = os.path.dirname(path)
        messages = []
        for kind, arg, lineno in body:
            if kind == "@ " and arg.startswith("maildir "):
                _, mbox, f = arg.split(None, 2)
                messages.append((self.vars.get(mbox, mbox), os.path.join(here, f)))
        server = None
        self.conns = {}
        self.syntax = False
        remote_made = False
        try:
            if self.ours:
                server = OurServer(self.args.imapd, mode, config, self.args.timeout,
                                   self.args.login, self.args.user, self.args.password)
                server.uses_login = any(k == "@ " and a == "login" for k, a, _ in body)
                server.as_rimapd = rimapd
                # Mailboxes and messages must be in place before the server starts.
                for v, create in mailboxes:
                    if create:
                        server.make_mailbox(self.vars[v], self.mail_user())
                for mbox, f in messages:
                    server.put_message(mbox, f, self.mail_user())
            else:
                server = RemoteServer(self.args.host, self.args.port, self.args.tls, self.args.timeout)
                remote_made = True
                self.remote_setup(server, [self.vars[v] for v, c in mailboxes if c], messages)
            self.server = server
            self.conns["main"] = server.connect()
            self.conn = self.conns["main"]
            try:
                self.play(body, path)
                self.check_framing(path)
            except SkipTest as e:
                self.close_all()
                server.stop()
                return "skip", str(e)
            self.close_all()
            server.stop()
            return "ok", None
        except TranscriptError as e:
            self.failed_reqs = getattr(e, "reqs", None)
            detail = str(e)
            for name, c in self.conns.items():
                label = "last lines" if len(self.conns) == 1 else "last lines on %s" % name
                detail += "\n  %s:\n    " % label + "\n    ".join(c.log[-12:])
            self.close_all()
            if server:
                try:
                    server.stop()
                except TranscriptError as e2:
                    detail += "\n  " + str(e2)
            if server and server.log and os.path.exists(server.log):
                with open(server.log, errors="replace") as lf:
                    tail = lf.read().splitlines()[-8:]
                if tail:
                    detail += "\n  imapd.log:\n    " + "\n    ".join(tail)
            return "fail", detail
        finally:
            if remote_made and mailboxes:
                try:
                    self.remote_cleanup(server, [self.vars[v] for v, _ in mailboxes])
                except (TranscriptError, OSError):
                    pass
            if server:
                server.close()

    def check_framing(self, path):
        """The transcript's own lines end in CRLF and each literal is
        exactly its count (unless "@ lax-framing")."""
        if self.lax_framing:
            return
        bad = ["%s: %s" % (name, e) for name, c in self.conns.items() for e in c.framing.errors]
        if bad:
            raise TranscriptError("%s: the transcript's client data is misframed (a literal's "
                                  "count, or a bare LF; \"@ lax-framing\" if meant):\n  %s"
                                  % (os.path.basename(path), "\n  ".join(bad[:5])))

    def close_all(self):
        for c in self.conns.values():
            try:
                c.close()
            except OSError:
                pass

    # -- any server: mailboxes and messages over IMAP --------------------------
    def remote_session(self, server):
        conn = server.connect()
        self.login(conn, "setup")
        return conn

    def command(self, conn, tag, line, literal=None):
        """Send a command (with one synchronising literal at its end); return
        its lines, the tagged one last."""
        untagged, tagged = conn.cmd(line, *([literal] if literal is not None else []), tag=tag)
        if tagged is None:
            raise TranscriptError("setup: server closed")
        return untagged + [tagged]

    def remote_setup(self, server, create, messages):
        if not create and not messages:
            return
        conn = self.remote_session(server)
        try:
            for n, name in enumerate(create):
                got = self.command(conn, "S%d" % n, "CREATE %s" % name)
                if not got[-1].startswith("S%d OK" % n):
                    raise TranscriptError("setup: CREATE %s failed: %r" % (name, got[-1]))
            for n, (mbox, f) in enumerate(messages):
                with open(f, "rb") as fh:
                    data = fh.read()
                data = re.sub(rb"\r?\n", b"\r\n", data)
                got = self.command(conn, "M%d" % n, "APPEND %s" % ("INBOX" if mbox == "." else mbox),
                                   data)
                if not got[-1].startswith("M%d OK" % n):
                    raise TranscriptError("setup: APPEND to %s failed: %r" % (mbox, got[-1]))
            self.command(conn, "Z", "LOGOUT")
        finally:
            conn.close()

    def remote_cleanup(self, server, names):
        conn = self.remote_session(server)
        try:
            found = set()
            for n, name in enumerate(names):
                for cmd in ("LIST", "LSUB"):
                    # "*name*": also finds the test's names under INBOX
                    # (INBOX<delimiter>imaptest-...).
                    for l in self.command(conn, "L%d" % n, '%s "" *%s*' % (cmd, name)):
                        m = re.match(r'\* (?:LIST|LSUB) \([^)]*\) (?:NIL|"(?:[^"\\]|\\.)") (.*)$', l, re.I)
                        if m:
                            mb = m.group(1)
                            if mb.startswith('"'):
                                mb = re.sub(r'\\(.)', r'\1', mb[1:-1])
                            found.add(mb)
            for n, mb in enumerate(sorted(found, key=len, reverse=True)):
                q = '"%s"' % mb.replace("\\", "\\\\").replace('"', '\\"')
                self.command(conn, "U%d" % n, "UNSUBSCRIBE %s" % q)
                self.command(conn, "D%d" % n, "DELETE %s" % q)
            self.command(conn, "Z", "LOGOUT")
        finally:
            conn.close()

    # -- playing a transcript ----------------------------------------------------
    def subst(self, text, regex=False):
        def one(m):
            if m.group(2) not in self.vars:
                raise TranscriptError("unknown variable ${%s}" % m.group(2))
            v = self.vars[m.group(2)]
            if m.group(1):  # ${#NAME}: its length in octets, for literals
                v = str(len(v.encode("utf-8", "surrogateescape")))
            return re.escape(v) if regex else v
        return re.sub(r"\$\{(#?)([A-Za-z_][A-Za-z0-9_]*)\}", one, text)

    def capture(self, m):
        for k, v in m.groupdict().items():
            if v is not None:
                self.vars[k] = v

    def evaluate(self, expr, where):
        from imapsyntax import unregistered_capabilities, instant
        helpers = {"int": int, "len": len, "set": set, "sorted": sorted, "any": any, "all": all,
                   "str": str, "abs": abs, "defined": lambda n: n in self.vars,
                   "instant": instant, "now": time.time, "unregistered": unregistered_capabilities,
                   "b64": lambda v: base64.b64encode(v.encode("utf-8", "surrogateescape")).decode(),
                   "same": lambda a, b: sorted(str(a).split()) == sorted(str(b).split()),
                   "numbers": numbers, "namespaces": namespaces, "id_params": id_params,
                   "parses": parses, "upper": lambda v: str(v).upper()}
        try:
            # Variables are globals, so that comprehensions see them too.
            return eval(expr, dict(self.vars, __builtins__=helpers))
        except Exception as e:  # a broken expression is a broken test
            raise TranscriptError("%s: cannot evaluate %r: %s" % (where, expr, e))

    def read_block(self, tag, where):
        lines = []
        while True:
            got = self.conn.read_line()
            if got is None:
                raise TranscriptError("%s: the server closed before the %s response" % (where, tag))
            lines.append(got)
            if got.startswith(tag + " "):
                return lines

    def play(self, body, path):
        self.path = path
        self.keep_going = False
        self.step_timeout = None  # @ timeout
        self.failures = []
        self.scope = None       # requirements of the checks that follow (@ covers)
        self.failed_reqs = set()
        self.block = []
        self.lax_framing = False
        i = 0
        while i < len(body):
            kind, arg, lineno = body[i]
            where = "%s:%d" % (os.path.basename(path), lineno)
            try:
                i = self.step(body, i, kind, arg, where)
            except TranscriptError as e:
                if not (self.keep_going and (kind in ("S~", "R~", "R!", "R#") or
                                             arg.startswith(("assert ", "collect ")))):
                    if self.failures:
                        raise TranscriptError("\n".join(self.failures + [str(e)]))
                    raise
                self.failures.append(str(e))
                if self.failed_reqs is not None:
                    if self.scope is None:
                        self.failed_reqs = None  # charged to the whole test
                    else:
                        self.failed_reqs.update(self.scope)
            i += 1
        if self.failures:
            err = TranscriptError("%d check(s) failed:\n" % len(self.failures) + "\n".join(self.failures))
            err.reqs = sorted(self.failed_reqs) if self.failed_reqs is not None else None
            raise err

    def step(self, body, i, kind, arg, where):
        """Play body[i]; returns the index of the last line it consumed."""
        block = self.block
        if True:
            conn = self.conn
            if kind in ("S~", "S*", "R~", "R!", "R#"):
                arg = self.subst(arg, regex=True)
            else:
                arg = self.subst(arg)
            if kind == "C:":
                conn.send(arg.encode("utf-8", "surrogateescape") + b"\r\n")
            elif kind == "C+":
                conn.send(unescape(arg))
            elif kind == "S:":
                got = conn.read_line()
                if got is None:
                    raise TranscriptError("%s: expected %r, the server closed the connection" % (where, arg))
                if not template_regex(arg).fullmatch(got):
                    raise TranscriptError("%s: expected %r\n  got      %r" % (where, arg, got))
            elif kind == "S~":
                got = conn.read_line()
                m = re.fullmatch(arg, got, re.S) if got is not None else None
                if not m:
                    raise TranscriptError("%s: expected /%s/\n  got      %r" % (where, arg, got))
                self.capture(m)
            elif kind == "S*":
                while True:
                    got = conn.read_line()
                    if got is None:
                        break
                    m = re.fullmatch(arg, got, re.S)
                    if not m:
                        conn.unread(got)
                        break
                    self.capture(m)
            elif kind == "S?":
                group = []
                while i < len(body) and body[i][0] == "S?":
                    group.append((body[i][0], self.subst(body[i][1]), body[i][2]))
                    i += 1
                i -= 1
                pending = list(group)
                while pending:
                    got = conn.read_line()
                    if got is None:
                        raise TranscriptError("%s: server closed; still expected %r" %
                                              (where, [p[1] for p in pending]))
                    for p in pending:
                        if template_regex(p[1]).fullmatch(got):
                            pending.remove(p)
                            break
                    else:
                        raise TranscriptError("%s: unexpected %r; still expected %r" %
                                              (where, got, [p[1] for p in pending]))
            elif kind == "S!":
                rx = template_regex(arg)
                while True:
                    got = conn.read_line()
                    if got is None:
                        break
                    if rx.fullmatch(got):
                        raise TranscriptError("%s: the server sent %r, which it must not" % (where, got))
                    if not got.startswith("* ") and not got.startswith("+"):
                        # the tagged line ends the response; S! consumes it,
                        # so it must be the next thing the test expects: push back
                        conn.unread(got)
                        break
            elif kind == "S-":
                for _ in range(int(arg)):
                    conn.read_line()
            elif kind == "R:":
                self.block = block = self.read_block(arg.strip(), where)
            elif kind == "R~":
                for l in block:
                    m = re.fullmatch(arg, l, re.S)
                    if m:
                        self.capture(m)
                        break
                else:
                    raise TranscriptError("%s: no line of the response matches /%s/; got:\n    %s"
                                          % (where, arg, "\n    ".join(block)))
            elif kind == "R!":
                for l in block:
                    if re.fullmatch(arg, l, re.S):
                        raise TranscriptError("%s: the server sent %r, which it must not (/%s/)"
                                              % (where, l, arg))
            elif kind == "R#":
                n, rx = arg.split(None, 1)
                got = [l for l in block if re.fullmatch(rx, l, re.S)]
                if len(got) != int(n):
                    raise TranscriptError("%s: expected %s line(s) matching /%s/, got %d:\n    %s"
                                          % (where, n, rx, len(got), "\n    ".join(block)))
            elif kind == "@ ":
                word = arg.split()[0] if arg.split() else ""
                rest = arg[len(word):].strip()
                if arg == "bytewise":
                    conn.bytewise = True
                elif arg == "wholesale":
                    conn.bytewise = False
                elif arg == "expect-close":
                    conn.expect_close()
                elif arg == "close":
                    conn.close()
                elif arg.startswith("octets "):
                    parts = arg.split()
                    ch = parts[2].encode() if len(parts) > 2 else b"x"
                    conn.send(ch * int(parts[1]))
                elif arg.startswith("sleep "):
                    time.sleep(float(arg.split()[1]))
                elif word == "timeout":
                    t = float(rest) if rest else self.args.timeout
                    for c in self.conns.values():
                        c.timeout = max(t, self.args.timeout)
                    self.step_timeout = t if rest else None
                elif word == "set":
                    name, expr = rest.split(None, 1)
                    self.vars[name] = str(self.evaluate(expr, where))
                elif arg.startswith("maildir "):
                    pass  # done before the server started
                elif arg == "login":
                    self.login(conn, where)
                elif word == "conn":
                    if rest not in self.conns:
                        self.conns[rest] = self.server.connect()
                        if self.step_timeout:
                            self.conns[rest].timeout = max(self.step_timeout, self.args.timeout)
                        if self.syntax:
                            from imapsyntax import ResponseChecker
                            self.conns[rest].checker = ResponseChecker()
                    self.conn = self.conns[rest]
                elif arg == "syntax-check":
                    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                    from imapsyntax import ResponseChecker
                    self.syntax = True
                    for c in self.conns.values():
                        c.checker = ResponseChecker()
                        # The greeting may be read already.
                        c.checker.greeted = any(l.startswith("S: ") for l in c.log)
                elif word == "idle":
                    # Under the sanitizers our server runs several times
                    # slower: the window an update must arrive in grows.
                    slow = 4.0 if self.ours and os.environ.get("SANITIZE") == "1" else 1.0
                    self.block = conn.read_for(float(rest) * slow)
                elif arg == "compress":
                    conn.start_compression()
                elif word == "deliver":
                    if not self.ours:
                        raise TranscriptError("%s: @ deliver needs our server (@ skip-unless-ours)" % where)
                    mbox, f = rest.split(None, 1)
                    self.server.deliver(self.vars.get(mbox, mbox),
                                        os.path.join(os.path.dirname(self.path), f), self.mail_user())
                elif word == "assert":
                    expr, _, msg = rest.partition(";;")
                    if not self.evaluate(expr, where):
                        why = ("%s: %s" % (where, self.evaluate(msg, where)) if msg.strip()
                               else "%s: assertion failed: %s" % (where, expr.strip()))
                        raise TranscriptError("%s\n  with %s" % (why, ", ".join(
                            "%s=%r" % kv for kv in sorted(self.vars.items())
                            if re.search(r"\b%s\b" % re.escape(kv[0]), expr))))
                elif word == "if":
                    if not self.evaluate(rest, where):
                        i = self.skip_branch(body, i, stop_at_else=True)
                elif arg == "else":
                    # reached the end of a taken branch: skip to its endif
                    i = self.skip_branch(body, i, stop_at_else=False)
                elif arg == "endif":
                    pass
                elif word == "skip":
                    raise SkipTest(rest)
                elif word == "collect":
                    var, rx = rest.split(None, 1)
                    self.vars[var] = " ".join(m.group(1) for m in (re.fullmatch(rx, l, re.S) for l in block)
                                              if m)
                elif arg == "keep-going":
                    self.keep_going = True
                elif arg == "lax-framing":
                    self.lax_framing = True
                elif word == "covers":
                    self.scope = rest.split() or None
                else:
                    raise TranscriptError("%s: unknown directive %r" % (where, arg))
        return i

    @staticmethod
    def skip_branch(body, i, stop_at_else):
        """Index of the matching @ else (if stop_at_else) or @ endif after body[i]."""
        depth = 0
        j = i + 1
        while j < len(body):
            kind, arg, _ = body[j]
            if kind == "@ ":
                if arg.startswith("if "):
                    depth += 1
                elif arg == "endif":
                    if depth == 0:
                        return j
                    depth -= 1
                elif arg == "else" and depth == 0 and stop_at_else:
                    return j
            j += 1
        raise TranscriptError("@ if without @ endif")

    def mail_user(self):
        """Whose maildir our server will open for the test."""
        return me() if self.args.login == "preauth" else self.args.user

    def login(self, conn, where):
        seen = [l[3:] for l in conn.log if l.startswith("S: ")]
        greeting = seen[0] if seen else conn.read_line()
        if seen and not greeting.startswith("* PREAUTH"):
            greeting = "* OK"  # greeted, not yet logged in
        if greeting is None:
            raise TranscriptError("%s: no greeting" % where)
        if greeting.startswith("* PREAUTH"):
            return
        if not greeting.startswith("* OK"):
            raise TranscriptError("%s: unexpected greeting %r" % (where, greeting))
        u, p = self.args.user, self.args.password
        if self.ours:
            args = (u.encode("utf-8"), p.encode("utf-8"))  # LITERAL+
        else:
            # Any server: quoted strings need no LITERAL+.
            q = lambda v: '"%s"' % v.replace("\\", "\\\\").replace('"', '\\"')  # noqa: E731
            args = (q(u), q(p))
        # A server may delay even a good login after failed ones from the
        # same address (Dovecot's auth penalty: up to 15 s).
        _, got = conn.cmd("LOGIN", *args, tag="L0", literal_plus=True,
                          timeout=max(conn.timeout, LOGIN_TIMEOUT))
        if got is None:
            raise TranscriptError("%s: server closed during login" % where)
        if not got.startswith("L0 OK"):
            raise TranscriptError("%s: login failed: %r" % (where, got))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tests", nargs="*", help="transcripts (default: every *.test here)")
    ap.add_argument("--imapd", default="bin/imapd", help="our server binary")
    ap.add_argument("--host", help="test a running server instead of our imapd")
    ap.add_argument("--port", type=int, default=143)
    ap.add_argument("--tls", action="store_true", help="implicit TLS to --host")
    ap.add_argument("--user", default="testuser")
    ap.add_argument("--password", default="testpass")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    ap.add_argument("--login", choices=("preauth", "sasl"), default="sasl",
                    help="how our server authenticates the test user: sasl (default: LOGIN "
                         "checked against a sasldb of the test's own) or preauth (rimapd)")
    ap.add_argument("--scratch-account", action="store_true",
                    help="the account of --user is a throwaway one: also run the transcripts "
                         "marked '@ scratch-account' (they change INBOX)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    args.imapd = os.path.abspath(args.imapd)
    tests = args.tests or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".test"))
    why = cannot_run(args)
    if why:
        Tap().bail(why)
    runner = Runner(args)
    tap = Tap(plan=len(tests), max_diag=None)
    for t in tests:
        name = os.path.basename(t)
        status, detail = run_one(runner, t)
        if status == "skip":
            tap.skip(name, detail)
        else:
            tap.ok(status == "ok", name, detail)
    return tap.done(exit=False)


def cannot_run(args):
    """Why the transcripts cannot run here at all (our imapd not built, a
    tool missing), or None."""
    if args.host is not None:
        return None
    gone = Tap.missing(args.imapd, *(["saslpasswd2"] if args.login == "sasl" else []))
    return "not installed: " + ", ".join(gone) if gone else None


def run_one(runner, path):
    """("ok" | "skip" | "fail", detail) of one transcript; a crash of the
    runner itself is a failure with its traceback."""
    try:
        return runner.run_file(path)
    except (TranscriptError, OSError) as e:
        return "fail", "%s: %s" % (type(e).__name__, e)
    except Exception:  # noqa: BLE001 - a broken runner fails the test, not the suite
        return "fail", traceback.format_exc()


if __name__ == "__main__":
    sys.exit(main())

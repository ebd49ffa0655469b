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
                           greets with PREAUTH
    @ skip-unless-ours     only run against our imapd (server-chosen behaviour)

Output is TAP (one "ok"/"not ok" per transcript), so prove(1) reads it.
"""

import argparse
import os
import re
import select
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time

DEFAULT_TIMEOUT = 10.0


class TranscriptError(Exception):
    pass


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


class Connection:
    """A client connection to the server under test."""

    def __init__(self, rfile, wfile, close_fn, timeout):
        self.rfile = rfile  # file descriptor to read
        self.wfile = wfile  # file descriptor to write
        self.close_fn = close_fn
        self.timeout = timeout
        self.buf = b""
        self.bytewise = False
        self.log = []

    def send(self, data):
        self.log.append("C: " + data.decode("utf-8", "replace").rstrip("\r\n"))
        if self.bytewise:
            for i in range(len(data)):
                self._write(data[i:i + 1])
                time.sleep(0.001)
        else:
            self._write(data)

    def _write(self, data):
        try:
            if isinstance(self.wfile, ssl.SSLSocket) or isinstance(self.wfile, socket.socket):
                self.wfile.sendall(data)
            else:
                os.write(self.wfile, data)
        except (BrokenPipeError, ConnectionResetError) as e:
            raise TranscriptError("server closed the connection while we sent: %s" % e)

    def _read_more(self, deadline):
        while True:
            left = deadline - time.time()
            if left <= 0:
                return False
            if isinstance(self.rfile, ssl.SSLSocket) and self.rfile.pending():
                r = [self.rfile]
            else:
                r, _, _ = select.select([self.rfile], [], [], left)
            if not r:
                return False
            try:
                if isinstance(self.rfile, (socket.socket, ssl.SSLSocket)):
                    chunk = self.rfile.recv(65536)
                else:
                    chunk = os.read(self.rfile, 65536)
            except (ConnectionResetError, ssl.SSLError):
                chunk = b""
            if not chunk:
                return None
            self.buf += chunk
            return True

    def read_line(self, timeout=None):
        """Next server line without CRLF, with literals folded in; None at EOF."""
        deadline = time.time() + (timeout or self.timeout)
        line = b""
        while True:
            i = self.buf.find(b"\r\n")
            if i < 0:
                r = self._read_more(deadline)
                if r is None:
                    if self.buf or line:
                        rest = line + self.buf
                        self.buf = b""
                        return rest.decode("utf-8", "surrogateescape")
                    return None
                if r is False:
                    raise TranscriptError("timed out waiting for the server (have %r)" % (line + self.buf)[:200])
                continue
            part = self.buf[:i]
            self.buf = self.buf[i + 2:]
            line += part
            m = re.search(rb"\{(\d+)\}$", part)
            if m:
                # A literal follows: fold it into the line, as text.
                n = int(m.group(1))
                while len(self.buf) < n:
                    r = self._read_more(deadline)
                    if not r:
                        raise TranscriptError("server literal cut short")
                line += b"\r\n" + self.buf[:n]
                self.buf = self.buf[n:]
                continue
            text = line.decode("utf-8", "surrogateescape")
            self.log.append("S: " + text)
            return text

    def expect_close(self, timeout=None):
        deadline = time.time() + (timeout or self.timeout)
        while True:
            if self.buf:
                extra = self.buf
                self.buf = b""
                raise TranscriptError("expected the server to close, got %r" % extra[:200])
            r = self._read_more(deadline)
            if r is None:
                return
            if r is False:
                raise TranscriptError("expected the server to close; it did not")

    def close(self):
        self.close_fn()


class OurServer:
    """Starts bin/imapd for one transcript, in a scratch directory."""

    def __init__(self, imapd, mode, config_lines, workdir, timeout, login="preauth",
                 user="testuser", password="testpass"):
        self.imapd = imapd
        self.login = login
        self.user = user
        self.uses_login = False
        self.mode = mode
        self.workdir = workdir
        self.timeout = timeout
        self.proc = None
        self.sock = None
        conf = os.path.join(workdir, "imapd.conf")
        mail = os.path.join(workdir, "mail")
        os.makedirs(os.path.join(workdir, "config"), exist_ok=True)
        base = [
            "configdirectory: %s" % os.path.join(workdir, "config"),
            "servername: imapd.test",
            "mail_location: %s/%%u" % mail,
            "failed_login_delay: 0",
        ]
        keys = set(l.split(":", 1)[0].strip() for l in config_lines)
        lines = [l for l in base if l.split(":", 1)[0] not in keys] + config_lines
        with open(conf, "w") as f:
            f.write("\n".join(lines) + "\n")
        self.conf = conf
        if login == "sasl":
            # A SASL user database of our own for the test user.
            db = os.path.join(workdir, "sasldb2")
            p = subprocess.run(["saslpasswd2", "-c", "-p", "-f", db, "-u", "imapd.test", user],
                               input=password.encode(), capture_output=True)
            if p.returncode != 0:
                raise TranscriptError("saslpasswd2 failed: %s" % p.stderr.decode(errors="replace"))
            # The realm is the servername ("imapd.test" above): imapd hands
            # it to SASL as the server's name, so "LOGIN testuser testpass"
            # finds testuser@imapd.test, as Cyrus does.  Test users are not
            # Unix accounts: run their mail as whoever runs the tests.
            import pwd
            extra = ["sasl_pwcheck_method: auxprop", "sasl_auxprop_plugin: sasldb",
                     "sasl_sasldb_path: %s" % db, "allowplaintext: yes",
                     "mail_user: %s" % pwd.getpwuid(os.getuid()).pw_name]
            with open(conf, "a") as f:
                for l in extra:
                    if l.split(":", 1)[0] not in keys:
                        f.write(l + "\n")
        self.env = dict(os.environ)
        self.env["IMAPD_LOG_FILE"] = os.path.join(workdir, "imapd.log")

    def connect(self):
        if self.mode == "pipe":
            prog = self.imapd
            if self.login == "preauth" and self.uses_login:
                # rimapd: imapd under the name that pre-authenticates as
                # the Unix user running it.
                prog = os.path.join(self.workdir, "rimapd")
                os.symlink(self.imapd, prog)
            self.proc = subprocess.Popen([prog, "-C", self.conf], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, env=self.env, cwd=self.workdir)
            return Connection(self.proc.stdout.fileno(), self.proc.stdin.fileno(), self._close_pipe,
                              self.timeout)
        if self.mode in ("tcp", "inetd"):
            # inetd "wait": imapd gets the listening socket as fd 0.
            lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            lsock.bind(("127.0.0.1", 0))
            lsock.listen(8)
            port = lsock.getsockname()[1]
            self.proc = subprocess.Popen([self.imapd, "-C", self.conf, "-U", "1", "-T", "30"],
                                         stdin=lsock.fileno(), stdout=subprocess.DEVNULL,
                                         env=self.env, cwd=self.workdir)
            lsock.close()
            s = socket.create_connection(("127.0.0.1", port), timeout=self.timeout)
            self.sock = s
            return Connection(s, s, self._close_sock, self.timeout)
        raise TranscriptError("unknown mode %s" % self.mode)

    def _close_pipe(self):
        if self.proc and self.proc.stdin:
            try:
                self.proc.stdin.close()
            except OSError:
                pass

    def _close_sock(self):
        if self.sock:
            try:
                self.sock.close()
            except OSError:
                pass
            self.sock = None

    def put_message(self, mailbox, path, user):
        root = os.path.join(self.workdir, "mail", user)
        folder = root if mailbox in (".", "INBOX") else os.path.join(root, "." + mailbox)
        for d in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(folder, d), exist_ok=True)
        name = "%d.M%dP%d.imaptest" % (time.time(), time.time_ns() % 1000000, os.getpid())
        shutil.copy(path, os.path.join(folder, "new", name))

    def stop(self):
        self._close_pipe()
        self._close_sock()
        if self.proc:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            for f in (self.proc.stdout, self.proc.stdin):
                if f:
                    try:
                        f.close()
                    except OSError:
                        pass
            rc = self.proc.returncode
            self.proc = None
            # A signal (ASan abort, segfault) is a failure whatever the transcript said.
            if rc is not None and rc < 0:
                raise TranscriptError("imapd died with signal %d" % -rc)
            if rc not in (0, None):
                raise TranscriptError("imapd exited with status %d" % rc)


class RemoteServer:
    """Any IMAP server at host:port (issue: runnable against any server)."""

    def __init__(self, host, port, use_tls, timeout):
        self.host, self.port, self.use_tls, self.timeout = host, port, use_tls, timeout
        self.sock = None

    def connect(self):
        s = socket.create_connection((self.host, self.port), timeout=self.timeout)
        if self.use_tls:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            s = ctx.wrap_socket(s, server_hostname=self.host)
        self.sock = s
        return Connection(s, s, self._close, self.timeout)

    def _close(self):
        if self.sock:
            self.sock.close()
            self.sock = None

    def stop(self):
        self._close()


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
            if kind not in ("C:", "C+", "S:", "S~", "S?", "S!", "S-", "@ "):
                raise TranscriptError("%s:%d: unknown line kind %r" % (path, lineno, line[:2]))
            if kind == "@ ":
                arg = line[2:].strip()
            steps.append((kind, arg, lineno))
    return steps, covers


class Runner:
    def __init__(self, args):
        self.args = args
        self.ours = args.host is None

    def run_file(self, path):
        steps, _ = parse_transcript(path)
        mode = "pipe"
        config = []
        body = []
        for kind, arg, lineno in steps:
            if kind == "@ " and arg.startswith("mode "):
                mode = arg.split()[1]
            elif kind == "@ " and arg.startswith("config "):
                config.append(arg[len("config "):])
            elif kind == "@ " and arg == "skip-unless-ours":
                if not self.ours:
                    return "skip", "depends on a behaviour our server chose"
            else:
                body.append((kind, arg, lineno))
        workdir = tempfile.mkdtemp(prefix="imaptest-")
        server = None
        conn = None
        try:
            if self.ours:
                server = OurServer(self.args.imapd, mode, config, workdir, self.args.timeout,
                                   self.args.login, self.args.user, self.args.password)
                server.uses_login = any(k == "@ " and a == "login" for k, a, _ in body)
                # Messages must be in place before the server starts.
                for kind, arg, lineno in body:
                    if kind == "@ " and arg.startswith("maildir "):
                        _, mbox, f = arg.split(None, 2)
                        server.put_message(mbox, os.path.join(os.path.dirname(path), f),
                                           self.mail_user())
            else:
                server = RemoteServer(self.args.host, self.args.port, self.args.tls, self.args.timeout)
            conn = server.connect()
            self.play(conn, body, path)
            if conn:
                conn.close()
            server.stop()
            return "ok", None
        except TranscriptError as e:
            detail = str(e)
            if conn:
                detail += "\n  last lines:\n    " + "\n    ".join(conn.log[-12:])
            if server:
                try:
                    server.stop()
                except TranscriptError as e2:
                    detail += "\n  " + str(e2)
            logf = os.path.join(workdir, "imapd.log")
            if os.path.exists(logf):
                with open(logf, errors="replace") as lf:
                    tail = lf.read().splitlines()[-8:]
                if tail:
                    detail += "\n  imapd.log:\n    " + "\n    ".join(tail)
            return "fail", detail
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def play(self, conn, body, path):
        i = 0
        while i < len(body):
            kind, arg, lineno = body[i]
            where = "%s:%d" % (os.path.basename(path), lineno)
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
                if got is None or not re.fullmatch(arg, got, re.S):
                    raise TranscriptError("%s: expected /%s/\n  got      %r" % (where, arg, got))
            elif kind == "S?":
                group = []
                while i < len(body) and body[i][0] == "S?":
                    group.append(body[i])
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
                        conn.buf = (got + "\r\n").encode("utf-8", "surrogateescape") + conn.buf
                        conn.log.pop()
                        break
            elif kind == "S-":
                for _ in range(int(arg)):
                    conn.read_line()
            elif kind == "@ ":
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
                elif arg.startswith("maildir "):
                    pass  # done before the server started
                elif arg == "login":
                    self.login(conn, where)
                else:
                    raise TranscriptError("%s: unknown directive %r" % (where, arg))
            i += 1

    def mail_user(self):
        """Whose maildir our server will open for the test."""
        if self.args.login == "preauth":
            import pwd
            return pwd.getpwuid(os.getuid()).pw_name
        return self.args.user

    def login(self, conn, where):
        greeting = conn.read_line()
        if greeting is None:
            raise TranscriptError("%s: no greeting" % where)
        if greeting.startswith("* PREAUTH"):
            return
        if not greeting.startswith("* OK"):
            raise TranscriptError("%s: unexpected greeting %r" % (where, greeting))
        u, p = self.args.user, self.args.password
        conn.send(("L0 LOGIN {%d+}\r\n" % len(u)).encode() + u.encode() +
                  (" {%d+}\r\n" % len(p)).encode() + p.encode() + b"\r\n")
        while True:
            got = conn.read_line()
            if got is None:
                raise TranscriptError("%s: server closed during login" % where)
            if got.startswith("L0 "):
                if not got.startswith("L0 OK"):
                    raise TranscriptError("%s: login failed: %r" % (where, got))
                return


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
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    args.imapd = os.path.abspath(args.imapd)
    here = os.path.dirname(os.path.abspath(__file__))
    tests = args.tests or sorted(os.path.join(here, f) for f in os.listdir(here) if f.endswith(".test"))
    runner = Runner(args)
    print("1..%d" % len(tests))
    failed = 0
    for n, t in enumerate(tests, 1):
        name = os.path.basename(t)
        try:
            status, detail = runner.run_file(t)
        except (TranscriptError, OSError) as e:
            status, detail = "fail", "%s: %s" % (type(e).__name__, e)
        if status == "ok":
            print("ok %d - %s" % (n, name))
        elif status == "skip":
            print("ok %d - %s # SKIP %s" % (n, name, detail))
        else:
            failed += 1
            print("not ok %d - %s" % (n, name))
            for l in (detail or "").splitlines():
                print("#   " + l)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

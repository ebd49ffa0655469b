#!/usr/bin/env python3
"""launchlib.py - what the launch, TLS, SASL, admin-file and master tests share.

Not a test itself (run alone it prints nothing).  It gives:
  Tap        TAP output: ok()/skip(), the plan at the end, exit status
  Sandbox    a scratch directory with imapd.conf, a sasldb holding
             testuser/testpass, a self-signed certificate, a log file, and
             every process it started killed on close()
  Client     a line-level IMAP client over a socket, pipe or TLS socket
"""

import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.abspath(os.path.join(TOP, os.environ.get("BIN", "bin")))
IMAPD = os.path.join(BIN, "imapd")
MASTER = os.path.join(BIN, "imapd-master")
USER, PASSWORD, REALM = "testuser", "testpass", "imapd.test"


class Tap:
    def __init__(self, name):
        self.name = name
        self.n = 0
        self.failed = 0

    def ok(self, cond, what, diag=None):
        self.n += 1
        print("%s %d - %s: %s" % ("ok" if cond else "not ok", self.n, self.name, what))
        if not cond:
            self.failed += 1
            for line in str(diag or "").splitlines()[-30:]:
                print("#   " + line)
        sys.stdout.flush()
        return cond

    def skip(self, what, why):
        self.n += 1
        print("ok %d - %s: %s # SKIP %s" % (self.n, self.name, what, why))
        sys.stdout.flush()

    def note(self, text):
        print("# %s: %s" % (self.name, text))
        sys.stdout.flush()

    def check(self, what, fn):
        """Run fn(); an exception is a failure with its text."""
        try:
            r = fn()
            return self.ok(r is None or bool(r), what, "returned %r" % (r,))
        except Exception as e:  # noqa: BLE001 - a test reports anything
            import traceback
            return self.ok(False, what, traceback.format_exc())

    def done(self):
        print("1..%d" % self.n)
        sys.stdout.flush()
        sys.exit(1 if self.failed else 0)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_for(cond, timeout=5.0, step=0.02):
    deadline = time.time() + timeout
    while time.time() < deadline:
        r = cond()
        if r:
            return r
        time.sleep(step)
    return cond()


def wait_port(port, timeout=5.0):
    def up():
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            return False
    return wait_for(up, timeout)


class Sandbox:
    """A scratch server setup; close() removes it and kills what it started."""

    def __init__(self, conf=None, sasl=True, tls=True):
        self.dir = tempfile.mkdtemp(prefix="imapd-launch-")
        os.chmod(self.dir, 0o755)
        self.procs = []
        self.configdir = os.path.join(self.dir, "config")
        os.makedirs(os.path.join(self.configdir, "msg"))
        os.makedirs(os.path.join(self.configdir, "log"))
        self.mail = os.path.join(self.dir, "mail")
        self.log = os.path.join(self.dir, "imapd.log")
        self.conf = os.path.join(self.dir, "imapd.conf")
        self.cert = os.path.join(self.dir, "cert.pem")
        self.key = os.path.join(self.dir, "key.pem")
        self.sasldb = os.path.join(self.dir, "sasldb2")
        import pwd
        me = pwd.getpwuid(os.getuid()).pw_name
        lines = {
            "configdirectory": self.configdir,
            "servername": REALM,
            "mail_location": self.mail + "/%u",
            "mail_user": me,
            "failed_login_delay": "0",
            "allowplaintext": "yes",
        }
        if tls:
            self.make_cert()
            lines["tls_server_cert"] = self.cert
            lines["tls_server_key"] = self.key
        if sasl:
            self.add_user(USER, PASSWORD)
            lines["sasl_pwcheck_method"] = "auxprop"
            lines["sasl_auxprop_plugin"] = "sasldb"
            lines["sasl_sasldb_path"] = self.sasldb
        lines.update(conf or {})
        self.settings = lines
        self.write_conf()
        self.env = dict(os.environ)
        self.env["IMAPD_LOG_FILE"] = self.log
        self.env.pop("LISTEN_PID", None)
        self.env.pop("LISTEN_FDS", None)

    def write_conf(self, extra_text=""):
        with open(self.conf, "w") as f:
            for k, v in self.settings.items():
                if v is not None:
                    f.write("%s: %s\n" % (k, v))
            f.write(extra_text)

    def set(self, **kv):
        self.settings.update(kv)
        self.write_conf()

    def add_user(self, user, password):
        p = subprocess.run(["saslpasswd2", "-c", "-p", "-f", self.sasldb, "-u", REALM, user],
                           input=password.encode(), capture_output=True)
        if p.returncode != 0:
            raise RuntimeError("saslpasswd2: %s" % p.stderr.decode(errors="replace"))
        os.chmod(self.sasldb, 0o644)

    def make_cert(self):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", self.key,
                        "-out", self.cert, "-days", "2", "-subj", "/CN=localhost"],
                       check=True, capture_output=True)

    def logtext(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def popen(self, argv, **kw):
        kw.setdefault("env", self.env)
        kw.setdefault("cwd", self.dir)
        p = subprocess.Popen(argv, **kw)
        self.procs.append(p)
        return p

    def imapd_pipe(self, *args, prog=None):
        """imapd with the client on stdin/stdout (inetd nowait, a pipe)."""
        p = self.popen([prog or IMAPD, "-C", self.conf] + list(args), stdin=subprocess.PIPE,
                       stdout=subprocess.PIPE)
        return p, Client.pipe(p)

    def imapd_listener(self, *args, port=None):
        """imapd handed a listening socket on fd 0 (inetd wait)."""
        port = port or free_port()
        ls = socket.socket()
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind(("127.0.0.1", port))
        ls.listen(16)
        p = self.popen([IMAPD, "-C", self.conf] + list(args), stdin=ls.fileno(),
                       stdout=subprocess.DEVNULL)
        ls.close()
        return p, port

    def close(self):
        for p in self.procs:
            if p.poll() is None:
                try:
                    p.kill()
                except OSError:
                    pass
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            for f in (p.stdin, p.stdout, p.stderr):
                if f:
                    try:
                        f.close()
                    except OSError:
                        pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Client:
    """IMAP over any byte stream: lines in, lines out."""

    def __init__(self, send, recv, closefn, sock=None):
        self._send, self._recv, self._close = send, recv, closefn
        self.sock = sock
        self.buf = b""
        self.tagn = 0

    @classmethod
    def tcp(cls, port, timeout=10):
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        return cls(s.sendall, lambda: s.recv(65536), s.close, s)

    @classmethod
    def tls(cls, port, timeout=10):
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=timeout))
        return cls(s.sendall, lambda: s.recv(65536), s.close, s)

    @classmethod
    def pipe(cls, p, timeout=10):
        import select

        def recv():
            r, _, _ = select.select([p.stdout], [], [], timeout)
            if not r:
                raise TimeoutError("no answer from imapd")
            return os.read(p.stdout.fileno(), 65536)

        def send(data):
            p.stdin.write(data)
            p.stdin.flush()

        def close():
            try:
                p.stdin.close()
            except OSError:
                pass
        return cls(send, recv, close)

    @classmethod
    def socket(cls, s):
        return cls(s.sendall, lambda: s.recv(65536), s.close, s)

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self._send(data)

    def line(self):
        """The next line without CRLF, or None at EOF."""
        while b"\r\n" not in self.buf:
            try:
                chunk = self._recv()
            except (ConnectionResetError, ssl.SSLError):
                chunk = b""
            if not chunk:
                if self.buf:
                    rest, self.buf = self.buf, b""
                    return rest.decode(errors="replace")
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line.decode(errors="replace")

    def lines_until_eof(self):
        out = []
        while True:
            l = self.line()
            if l is None:
                return out
            out.append(l)

    def cmd(self, text, tag=None):
        """Send `tag text`; return (untagged lines, tagged line)."""
        if tag is None:
            self.tagn += 1
            tag = "t%d" % self.tagn
        self.send("%s %s\r\n" % (tag, text))
        untagged = []
        while True:
            l = self.line()
            if l is None:
                return untagged, None
            if l.startswith(tag + " "):
                return untagged, l
            untagged.append(l)

    def greeting(self):
        return self.line()

    def close(self):
        try:
            self._close()
        except OSError:
            pass


def capabilities(text):
    m = re.search(r"CAPABILITY ([^\]]*)", text or "")
    return set(m.group(1).split()) if m else set()


def proc_status(pid, field):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return line.split()[1:]
    except OSError:
        return None
    return None


def children_of(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(x) for x in out.stdout.split()]


if __name__ == "__main__":
    pass

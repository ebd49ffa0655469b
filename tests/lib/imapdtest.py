#!/usr/bin/env python3
"""imapdtest.py - what every test that starts imapd or speaks IMAP shares.

Not a test itself.  The Python tests in tests/clients/, the transcript
runner in spec/rfc2060-tests/ and the benchmark in tools/bench/ import it:

  Connection  the IMAP client of imapclient.py (re-exported here): tagged
              commands with literals, untagged data collected, server
              literals folded into their line, STARTTLS, every read bounded
              by a deadline.  It needs no sandbox: the transcript runner
              uses it against any server (make conformance HOST=...).
  Sandbox     a scratch directory with an imapd.conf (extra keys on top of
              working defaults), a sasldb user, a certificate, maildir
              helpers, the server's log and protocol logs; it starts imapd on a pipe,
              inetd-style (one connection, or accepting many), on a
              listening socket (inetd wait) or under imapd-master, and
              close() ends every process it started (with their children)
              and removes the directory, at exit at the latest.
  Tap         TAP output: ok/skip/check, the plan, an honest exit status;
              a test that cannot run (a tool missing, an exception before
              its checks) says why in a "not ok" line and exits 1.
  StreamSession  imapd on a pipe read straight from its stdout fd, for
              tests that fetch literals too large to fold into a line.

Environment: BIN is the directory holding imapd (default bin/ at the top).
"""

import atexit
import hashlib
import os
import pwd
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# The client, re-exported: a test imports everything from here.
from imapclient import (DEFAULT_TIMEOUT, ClientFraming, Connection, IMAPError,  # noqa: E402
                        Timeout, capabilities, connect, no_verify_context, split_responses)

__all__ = [
    # imapclient.py
    "DEFAULT_TIMEOUT", "ClientFraming", "Connection", "IMAPError", "Timeout", "capabilities",
    "connect", "no_verify_context", "split_responses",
    # here
    "TOP", "BIN", "IMAPD", "MASTER", "USER", "PASSWORD", "REALM", "PACKAGES", "SANITIZED",
    "me", "Tap", "StreamSession",
    "free_port", "wait_for", "wait_port", "proc_status", "children_of", "descendants_of",
    "private_kb", "crlf", "make_message", "make_cert", "folder_path", "make_folder", "deliver",
    "maildir_messages", "flag_letters", "Sandbox", "Listener", "InetdServer", "Master",
    "run_client_test",
]

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.abspath(os.path.join(TOP, os.environ.get("BIN", "bin")))
IMAPD = os.path.join(BIN, "imapd")
MASTER = os.path.join(BIN, "imapd-master")
USER, PASSWORD, REALM = "testuser", "testpass", "imapd.test"

# The Debian package of each outside tool a test may need (Tap.need).
PACKAGES = {"saslpasswd2": "sasl2-bin", "openssl": "openssl", "curl": "curl", "mbsync": "isync",
            "strace": "strace", "groff": "groff", "man": "man-db", "ps": "procps",
            "systemd-socket-activate": "systemd", "make": "make",
            "getmail": "getmail6", "fetchmail": "fetchmail", "offlineimap": "offlineimap3",
            "mount": "mount", "umount": "mount",
            # Perl modules (Tap.need takes "Mail::IMAPClient" like a program)
            "Mail::IMAPClient": "libmail-imapclient-perl",
            "IO::Socket::SSL": "libio-socket-ssl-perl"}

# make check SANITIZE=1 (ASan + UBSan): resident-set sizes mean nothing
# there, AddressSanitizer's shadow memory counts in them (Tap.memory_ok).
SANITIZED = os.environ.get("SANITIZE") == "1"


def me():
    """The name of the Unix user running the tests."""
    return pwd.getpwuid(os.getuid()).pw_name


# ---- TAP ----------------------------------------------------------------------------

class Tap:
    """TAP lines "ok N - name: what".  name None leaves the prefix out;
    plan given prints the plan first (else done() prints it last)."""

    def __init__(self, name=None, plan=None, max_diag=30):
        self.name = name
        self.n = 0
        self.failed = 0
        self.max_diag = max_diag
        self.planned = plan is not None
        if self.planned:
            self._out("1..%d" % plan)

    @staticmethod
    def _out(text):
        print(text)
        sys.stdout.flush()

    def _label(self, what):
        return "%s: %s" % (self.name, what) if self.name else what

    def ok(self, cond, what, diag=None):
        self.n += 1
        self._out("%s %d - %s" % ("ok" if cond else "not ok", self.n, self._label(what)))
        if not cond:
            self.failed += 1
            lines = str(diag if diag is not None else "").splitlines()
            if self.max_diag is not None:
                lines = lines[-self.max_diag:]
            for line in lines:
                self._out("#   " + line)
        return bool(cond)

    def skip(self, what, why):
        self.n += 1
        self._out("ok %d - %s # SKIP %s" % (self.n, self._label(what), why))

    def note(self, text):
        self._out("# %s" % self._label(text))

    def memory_ok(self, cond, what, diag=None):
        """ok() of a resident-set size; a skip under SANITIZE=1, where
        AddressSanitizer's shadow memory is counted in it."""
        if SANITIZED:
            self.skip(what, "resident set sizes are meaningless under AddressSanitizer")
            return True
        return self.ok(cond, what, diag)

    def check(self, what, fn):
        """Run fn(); it passes when it returns None or something true; an
        exception is a failure with its traceback."""
        try:
            r = fn()
        except Exception:  # noqa: BLE001 - a test reports anything
            return self.ok(False, what, traceback.format_exc())
        return self.ok(r is None or bool(r), what, "returned %r" % (r,))

    def run(self, what, fn, **sandbox_kw):
        """check(what, fn(sb)) in a fresh Sandbox(**sandbox_kw), made inside
        the check (so that a failure to make it is this check's failure) and
        always removed."""
        def body():
            with Sandbox(**sandbox_kw) as sb:
                return fn(sb)
        return self.check(what, body)

    @staticmethod
    def missing(*tools):
        """What of tools is not there: a program name not on PATH, or a
        Perl module ("Mail::IMAPClient") perl cannot load, as "tool
        (Debian package p)"; a path (imapd) not executable, as "path (not
        built: make)"."""
        gone = []
        for t in tools:
            if "/" in t:
                if not os.access(t, os.X_OK):
                    gone.append("%s (not built: run make)" % t)
            elif "::" in t:
                if shutil.which("perl") is None or subprocess.run(
                        ["perl", "-M" + t, "-e", "1"], capture_output=True).returncode != 0:
                    gone.append("%s (Debian package %s)" % (t, PACKAGES.get(t, t)))
            elif shutil.which(t) is None:
                gone.append("%s (Debian package %s)" % (t, PACKAGES.get(t, t)))
        return gone

    def need(self, *tools):
        """Stop here, failed, unless every tool is installed (programs by
        name, our binaries by path)."""
        gone = self.missing(*tools)
        if gone:
            self.bail("not installed: " + ", ".join(gone))

    def bail(self, reason):
        """The test cannot run: one failed check that says why, exit 1."""
        self.ok(False, "cannot run: %s" % reason)
        self.done()

    def main(self, fn):
        """Run fn(); an exception that escapes it (before the first check or
        after) is a failed check with its traceback; then done()."""
        try:
            fn()
        except Exception:  # noqa: BLE001
            self.ok(False, "the test ran to the end", traceback.format_exc())
        self.done()

    def done(self, exit=True):
        """Print the plan if not printed yet; exit 1 if a check failed or
        none ran (a test that checked nothing did not run)."""
        if self.n == 0:
            self.ok(False, "no check ran", "the test ended before its first check")
        if not self.planned:
            self._out("1..%d" % self.n)
        status = 1 if self.failed else 0
        if exit:
            _close_all_sandboxes()
            sys.exit(status)
        return status


# ---- small helpers ---------------------------------------------------------------

def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_for(cond, timeout=5.0, step=0.02):
    """cond()'s first true value within timeout seconds, else its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = cond()
        if r:
            return r
        time.sleep(step)
    return cond()


def wait_port(port, timeout=5.0, host="127.0.0.1"):
    """True once something accepts connections on port."""
    def up():
        try:
            socket.create_connection((host, port), timeout=0.2).close()
            return True
        except OSError:
            return False
    return wait_for(up, timeout)


def proc_status(pid, field):
    """The words of one field of /proc/PID/status, or None."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return line.split()[1:]
    except OSError:
        return None
    return None


def children_of(pid):
    """Pids of the direct children of pid."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(d))
    return sorted(out)


def descendants_of(pid):
    out = []
    todo = [pid]
    while todo:
        kids = children_of(todo.pop())
        out += kids
        todo += kids
    return out


def private_kb(pid):
    """(Private_Dirty, Private_Clean) of a process in kB.  Dirty pages are
    its own memory; clean ones are file pages (libraries) only it has
    touched so far, shared through the page cache with any process that
    maps them."""
    got = {}
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            if line.startswith("Private_"):
                got[line.split(":")[0]] = int(line.split()[1])
    return got.get("Private_Dirty", 0), got.get("Private_Clean", 0)


def crlf(text):
    """text with every line end made CRLF, as octets."""
    return re.sub(r"\r?\n", "\r\n", text).encode()


def make_message(i, extra_headers=""):
    """A small message, numbered i, with LF line ends."""
    body = "This is message number %d.\nIt has two lines.\n" % i
    return ("From: sender%d@example.com\nTo: testuser@example.com\n"
            "Subject: message %d\nDate: Mon, 7 Feb 1994 21:52:%02d -0800\n"
            "Message-ID: <msg%d@example.com>\n%s\n%s" % (i, i, i % 60, i, extra_headers, body))


def make_cert(directory, key_mode=0o600):
    """A self-signed certificate for localhost: (cert path, key path)."""
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=localhost"], check=True, capture_output=True)
    os.chmod(key, key_mode)
    return cert, key


# ---- maildir ------------------------------------------------------------------------

def folder_path(root, mailbox):
    """The maildir++ folder of mailbox under a user's mail root."""
    if mailbox in (".", "") or mailbox.upper() == "INBOX":
        return root
    return os.path.join(root, "." + mailbox)


def make_folder(path):
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(path, d), exist_ok=True)
    return path


_deliveries = [0, None]  # counter, clock reading of the first delivery


def deliver(folder, data, suffix="deliver"):
    """What an MTA does: write into tmp/, then rename into new/.  Names sort
    in delivery order (one clock reading per process, then a counter), so
    UIDs come out in that order on any server that orders a scan by name.
    Returns the file name."""
    make_folder(folder)
    _deliveries[0] += 1
    if _deliveries[1] is None:
        _deliveries[1] = int(time.time())
    n = _deliveries[0]
    name = "%d.M%06dP%dQ%d.%s" % (_deliveries[1], n, os.getpid(), n, suffix)
    tmp = os.path.join(folder, "tmp", name)
    with open(tmp, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)
    os.rename(tmp, os.path.join(folder, "new", name))
    return name


def maildir_messages(folder):
    """{file name without flags: (flag letters, content)} of a maildir.
    A server at work renames files (new flags, new/ to cur/, expunge):
    one gone between the listing and its reading makes the scan start
    again, so that a test may poll a folder a client is changing."""
    for _ in range(50):
        out = {}
        try:
            for sub in ("new", "cur"):
                p = os.path.join(folder, sub)
                if not os.path.isdir(p):
                    continue
                for f in os.listdir(p):
                    base, _, info = f.partition(":2,")
                    with open(os.path.join(p, f), "rb") as fh:
                        out[base] = (info, fh.read())
            return out
        except FileNotFoundError:
            time.sleep(0.01)
    raise RuntimeError("%s: files kept vanishing under 50 scans" % folder)


def flag_letters(info):
    """System flag letters of a maildir info part (keywords a-z dropped)."""
    return "".join(sorted(c for c in info if c in "DFRST"))


# ---- a scratch server set-up --------------------------------------------------------

_sandboxes = set()
_guard_lock = threading.Lock()


def _close_all_sandboxes():
    for sb in list(_sandboxes):
        sb.close()


def _install_guards():
    """Remove every sandbox at exit, also when the test is killed with
    SIGTERM or SIGHUP (run-all.sh, a CI timeout)."""
    with _guard_lock:
        if getattr(_install_guards, "done", False):
            return
        _install_guards.done = True
    atexit.register(_close_all_sandboxes)
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(sig) == signal.SIG_DFL:
                signal.signal(sig, lambda n, f: sys.exit(128 + n))


def _kill(proc, group=False):
    """SIGKILL a process we started and whatever it started."""
    if proc.poll() is not None and not group:
        return
    kids = descendants_of(proc.pid) if proc.poll() is None else []
    try:
        if group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass
    for pid in kids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


class Sandbox:
    """A scratch server set-up.

    dir/imapd.conf holds `settings`: working defaults (configdirectory,
    servername, mail under dir/mail/<user>, mail_user the Unix user running
    the tests, no login delay, plaintext allowed), the TLS keys with tls,
    the SASL sasldb keys with sasl, then `conf` on top (a key set to None is
    left out).  With sasl, the sasldb holds user/password (realm
    imapd.test, the servername).  The server logs to dir/imapd.log."""

    def __init__(self, conf=None, sasl=True, tls=True, user=USER, password=PASSWORD,
                 imapd=None, prefix="imapd-test-"):
        _install_guards()
        self.dir = tempfile.mkdtemp(prefix=prefix)
        _sandboxes.add(self)
        self.procs = []           # (Popen, killed as a process group?)
        self._lock = threading.Lock()
        self.imapd = imapd or IMAPD
        try:
            self._setup(conf, sasl, tls, user, password)
        except BaseException:
            self.close()
            raise

    def _setup(self, conf, sasl, tls, user, password):
        os.chmod(self.dir, 0o755)
        self.configdir = os.path.join(self.dir, "config")
        os.makedirs(os.path.join(self.configdir, "msg"))
        os.makedirs(os.path.join(self.configdir, "log"))
        self.mail = os.path.join(self.dir, "mail")
        self.log = os.path.join(self.dir, "imapd.log")
        self.conf = os.path.join(self.dir, "imapd.conf")
        self.cert = os.path.join(self.dir, "cert.pem")
        self.key = os.path.join(self.dir, "key.pem")
        self.sasldb = os.path.join(self.dir, "sasldb2")
        lines = {
            "configdirectory": self.configdir,
            "servername": REALM,
            "mail_location": self.mail + "/%u",
            "mail_user": me(),
            "failed_login_delay": "0",
            "allowplaintext": "yes",
        }
        if tls:
            make_cert(self.dir)
            lines["tls_server_cert"] = self.cert
            lines["tls_server_key"] = self.key
        if sasl:
            self.add_user(user, password)
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

    # -- configuration --
    def write_conf(self, extra_text=""):
        """Write imapd.conf from settings, then extra_text as it is."""
        with open(self.conf, "w") as f:
            for k, v in self.settings.items():
                if v is not None:
                    f.write("%s: %s\n" % (k, v))
            f.write(extra_text)

    def set(self, **kv):
        """Change settings (None leaves a key out) and rewrite imapd.conf."""
        self.settings.update(kv)
        self.write_conf()

    def add_user(self, user, password):
        p = subprocess.run(["saslpasswd2", "-c", "-p", "-f", self.sasldb, "-u", REALM, user],
                           input=password.encode(), capture_output=True)
        if p.returncode != 0:
            raise RuntimeError("saslpasswd2: %s" % p.stderr.decode(errors="replace"))
        os.chmod(self.sasldb, 0o644)

    def logtext(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    # -- the per-user protocol log (src/proto/telemetry.h) --
    def enable_protocol_log(self, user):
        """Sessions that log in as user from now on write every octet they
        send and receive to log/<user>/<pid> in the config directory."""
        os.makedirs(os.path.join(self.configdir, "log", user), exist_ok=True)

    def protocol_log_mark(self, user):
        """{file: size} of user's protocol log now, for protocol_log(since=)."""
        d = os.path.join(self.configdir, "log", user)
        return {f: os.path.getsize(os.path.join(d, f))
                for f in (os.listdir(d) if os.path.isdir(d) else [])}

    def protocol_log(self, user, since=None):
        """user's protocol log as text, line ends made "\\n", one session's
        file after another in pid order; with since (a protocol_log_mark),
        only what was written after the mark (of a file that was there
        then, what it grew by)."""
        d = os.path.join(self.configdir, "log", user)
        names = os.listdir(d) if os.path.isdir(d) else []
        out = []
        for f in sorted(names, key=lambda n: (len(n), n)):
            with open(os.path.join(d, f), "rb") as fh:
                fh.seek((since or {}).get(f, 0))
                text = fh.read().decode(errors="replace")
            out.append(text.replace("\r\n", "\n").replace("\r", "\n"))
        return "\n".join(out)

    # -- mail --
    def folder(self, user, mailbox="INBOX"):
        """The maildir of a user's mailbox (not made)."""
        return folder_path(os.path.join(self.mail, user), mailbox)

    def make_folder(self, user, mailbox="INBOX"):
        return make_folder(self.folder(user, mailbox))

    def deliver_by_process(self, user, name, text, mailbox="INBOX"):
        """A delivery by another process, as a local delivery agent makes it
        (written to tmp/ under `name`, then renamed into new/): what a
        waiting IDLE must notice, as opposed to the test's own writes."""
        folder = self.folder(user, mailbox)
        script = ("import os,sys\n"
                  "d, n, t = sys.argv[1:]\n"
                  "for s in ('cur', 'new', 'tmp'): os.makedirs(os.path.join(d, s), exist_ok=True)\n"
                  "p = os.path.join(d, 'tmp', n)\n"
                  "open(p, 'w').write(t)\n"
                  "os.rename(p, os.path.join(d, 'new', n))\n")
        subprocess.run([sys.executable, "-c", script, folder, name, text], check=True, timeout=10)

    def deliver(self, user, mailbox, data, suffix="deliver"):
        """A message into the mailbox's new/, as an MTA writes it."""
        return deliver(self.folder(user, mailbox), data, suffix)

    def messages(self, user, mailbox="INBOX"):
        """{name without flags: (flag letters, content)} of a mailbox on disk."""
        return maildir_messages(self.folder(user, mailbox))

    # -- processes --
    def popen(self, argv, group=False, **kw):
        """Start a process that close() ends; group: in a session of its own,
        ended as a process group."""
        kw.setdefault("env", self.env)
        kw.setdefault("cwd", self.dir)
        if group:
            kw["start_new_session"] = True
        p = subprocess.Popen(argv, **kw)
        with self._lock:
            self.procs.append((p, group))
        return p

    def rimapd(self):
        """imapd under the name that pre-authenticates as the Unix user
        running it (a symlink in the sandbox)."""
        link = os.path.join(self.dir, "rimapd")
        if not os.path.lexists(link):
            os.symlink(self.imapd, link)
        return link

    def imapd_argv(self, args=(), prog=None, rimapd=False):
        prog = self.rimapd() if rimapd else (prog or self.imapd)
        return [prog, "-C", self.conf] + list(args)

    def imapd_pipe(self, *args, prog=None, rimapd=False, wrapper=(), env=None,
                   timeout=DEFAULT_TIMEOUT, tag_prefix="t"):
        """imapd with the client on its stdin and stdout (a pipe): (process,
        Connection).  wrapper: a command line to run imapd under (strace)."""
        kw = {"env": env} if env is not None else {}
        p = self.popen(list(wrapper) + self.imapd_argv(args, prog, rimapd),
                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, **kw)
        return p, Connection.over_pipe(p, timeout=timeout, tag_prefix=tag_prefix)

    def imapd_socketpair(self, *args):
        """imapd with one end of a socketpair as stdin and stdout."""
        a, b = socket.socketpair()
        p = self.popen(self.imapd_argv(args), stdin=b.fileno(), stdout=b.fileno())
        b.close()
        return p, Connection.over_socket(a)

    def imapd_inetd(self, *args):
        """inetd "nowait": imapd gets one accepted TCP connection as stdin
        and stdout: (process, Connection)."""
        ls = socket.socket()
        ls.bind(("127.0.0.1", 0))
        ls.listen(1)
        client = socket.create_connection(ls.getsockname(), timeout=DEFAULT_TIMEOUT)
        conn, _ = ls.accept()
        ls.close()
        p = self.popen(self.imapd_argv(args), stdin=conn.fileno(), stdout=conn.fileno())
        conn.close()
        return p, Connection.over_socket(client)

    def imapd_listener(self, *args, port=None):
        """inetd "wait": imapd handed a listening socket on fd 0."""
        port = port or free_port()
        ls = socket.socket()
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind(("127.0.0.1", port))
        ls.listen(16)
        p = self.popen(self.imapd_argv(args), stdin=ls.fileno(), stdout=subprocess.DEVNULL)
        ls.close()
        return Listener(p, port)

    def inetd(self, *args):
        """inetd "nowait" in a thread: one imapd per accepted connection."""
        return InetdServer(self, args)

    def master(self, services, args=()):
        """imapd-master with services (the text of its services file)."""
        return Master(self, services, args)

    def reap(self, timeout=5.0):
        """Close our ends of the processes' pipes, wait for them (killing
        those still running after timeout) and return their exit codes,
        in start order; they are forgotten afterwards."""
        with self._lock:
            procs, self.procs = self.procs, []
        codes = []
        for p, group in procs:
            if p.stdin:
                try:
                    p.stdin.close()
                except OSError:
                    pass
        for p, group in procs:
            try:
                codes.append(p.wait(timeout=timeout))
            except subprocess.TimeoutExpired:
                _kill(p, group)
                codes.append(p.wait())
            for f in (p.stdout, p.stderr):
                if f:
                    try:
                        f.close()
                    except OSError:
                        pass
        return codes

    def close(self):
        """End every process started here (and their children), remove the
        directory."""
        with self._lock:
            procs, self.procs = self.procs, []
        for p, group in procs:
            _kill(p, group)
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
        _sandboxes.discard(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Listener:
    """An imapd on a listening socket (inetd wait)."""

    def __init__(self, proc, port):
        self.proc, self.port = proc, port

    def connect(self, tls=False, timeout=DEFAULT_TIMEOUT):
        return connect(self.port, tls=tls, timeout=timeout)


class InetdServer:
    """inetd "nowait" in a thread: accept on 127.0.0.1, start one imapd per
    connection with the socket as its stdin and stdout, so that clients
    that open several connections in a row each get a fresh server."""

    def __init__(self, sb, args=()):
        self.sb = sb
        self.args = list(args)
        self.ls = socket.socket()
        self.ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.ls.bind(("127.0.0.1", 0))
        self.ls.listen(16)
        self.port = self.ls.getsockname()[1]
        self.procs = []
        self.stopping = False
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self):
        while not self.stopping:
            try:
                conn, _ = self.ls.accept()
            except OSError:
                return
            p = self.sb.popen(self.sb.imapd_argv(self.args), stdin=conn.fileno(),
                              stdout=conn.fileno())
            conn.close()
            self.procs.append(p)

    def stop(self):
        """Stop accepting; wait for the servers; return their exit codes."""
        self.stopping = True
        try:
            self.ls.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.ls.close()
        self.thread.join(5)
        codes = []
        for p in self.procs:
            try:
                codes.append(p.wait(timeout=10))
            except subprocess.TimeoutExpired:
                _kill(p)
                codes.append(p.wait())
        return codes


class Master:
    """imapd-master of a sandbox, with a services file of the test's own."""

    def __init__(self, sb, services, args=()):
        self.sb = sb
        self.path = os.path.join(sb.dir, "services.conf")
        self.write(services)
        self.p = sb.popen([MASTER, "-C", sb.conf, "-M", self.path] + list(args),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def ready(self, timeout=5):
        """Started: the log says so (probing the port would be a client)."""
        return wait_for(lambda: "started (pid %d)" % self.p.pid in self.sb.logtext(), timeout)

    def write(self, services):
        with open(self.path, "w") as f:
            f.write(services)

    def children(self):
        return sorted(children_of(self.p.pid))

    def settle(self, n, timeout=5):
        """True once the master has n children."""
        return wait_for(lambda: len(self.children()) == n, timeout)

    def stop(self):
        """SIGTERM; the master's exit status."""
        if self.p.poll() is None:
            self.p.terminate()
        return self.p.wait(15)


class StreamSession:
    """imapd pre-authenticated (rimapd) on a pipe, its answers read straight
    from the fd: literal() reads a literal octet by octet into a hash, at
    first as slowly as a slow client (so the server must stream, not
    buffer), where Connection.read_line would fold it into a line.  Lines
    and tags are bytes."""

    def __init__(self, sb, timeout=30):
        self.p = sb.popen(sb.imapd_argv(rimapd=True), stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE)
        self.fd = self.p.stdout.fileno()
        self.timeout = timeout
        self.buf = b""
        self.n = 0
        greeting = self.line()
        if not greeting.startswith(b"* PREAUTH"):
            raise RuntimeError("greeting %r" % greeting)

    def fill(self):
        r, _, _ = select.select([self.fd], [], [], self.timeout)
        if not r:
            raise Timeout("no answer from imapd in %s s" % self.timeout)
        d = os.read(self.fd, 1 << 16)
        if not d:
            raise IMAPError("server closed")
        self.buf += d

    def line(self):
        while b"\r\n" not in self.buf:
            self.fill()
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def write(self, data):
        """Octets as they are (a literal's content)."""
        view = memoryview(data)
        while view:
            view = view[os.write(self.p.stdin.fileno(), view):]

    def send(self, text):
        """A tagged command line; returns its tag."""
        self.n += 1
        tag = b"t%d" % self.n
        self.write(tag + b" " + text.encode() + b"\r\n")
        return tag

    def literal(self, n, slow_octets=0, hasher=None):
        """Read an n-octet literal, the first slow_octets of it slowly;
        returns its SHA-256 (or feeds hasher)."""
        h = hasher or hashlib.sha256()
        got = 0
        while got < n:
            if not self.buf:
                if got < slow_octets:
                    time.sleep(0.002)
                self.fill()
            take = min(len(self.buf), n - got)
            h.update(self.buf[:take])
            self.buf = self.buf[take:]
            got += take
        return h.hexdigest()

    def rss_peak_kb(self):
        """The server's peak resident set (VmHWM) in kB."""
        return int(proc_status(self.p.pid, "VmHWM")[0])


def run_client_test(name, body, tools=()):
    """The frame of a real-client test: body(tap, sandbox, server) against
    an inetd-style imapd (InetdServer: a fresh imapd per connection); a
    crash of the test is a failure with its traceback; every imapd must
    then exit cleanly; the sandbox is removed."""
    tap = Tap(name)

    def run():
        tap.need(IMAPD, "saslpasswd2", "openssl", *tools)
        with Sandbox() as sb:
            srv = sb.inetd()
            try:
                body(tap, sb, srv)
            except Exception:  # noqa: BLE001 - reported as a failure
                tap.ok(False, "%s tests ran to the end" % name, traceback.format_exc())
            finally:
                codes = srv.stop()
                tap.ok(all(c == 0 for c in codes), "every imapd exited cleanly",
                       "exit codes %r" % codes)
    tap.main(run)

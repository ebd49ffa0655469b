#!/usr/bin/env python3
"""bench.py - our imapd against Dovecot 2.3 on one generated maildir.

Run by `make bench` (see tools/bench/README.md).  Environment:

  BENCH_N=100000     messages in the mailbox
  BENCH_REPS=3       repetitions of the timed sequence (the table shows the best)
  BENCH_KEEP=1       keep build/bench/work/ (maildirs, configs, logs) afterwards
  BENCH_MEM=0        skip the memory measurement
  BENCH_COLD=0       skip the cold-cache row (it drops the page cache of the whole machine)
  BENCH_VERBOSE=1    also print every repetition's times
  BENCH_BIN=dir      where imapd, rimapd and imapd-master are (default build/bench/bin)
  DOVECOT_IMAP=path  Dovecot's imap binary (default /usr/lib/dovecot/imap)
  DOVECOT=path       Dovecot's master, for the memory figures (default /usr/sbin/dovecot)

Exit status: 0 when both servers ran every operation and gave the same
results (whether or not the speed targets are met), 1 when they disagree or
something failed, 2 when a prerequisite is missing.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(TOP, "tests", "lib"))
sys.dont_write_bytecode = True
import maildir_gen  # noqa: E402
# The IMAP client and helpers the tests use (tests/lib/).
from imapclient import Connection, IMAPError, connect  # noqa: E402
from imapdtest import children_of, free_port, make_cert, private_kb, wait_for, wait_port  # noqa: E402

N = int(os.environ.get("BENCH_N", "100000"))
REPS = max(1, int(os.environ.get("BENCH_REPS", "3")))
KEEP = os.environ.get("BENCH_KEEP", "") not in ("", "0")
VERBOSE = os.environ.get("BENCH_VERBOSE", "") not in ("", "0")
DO_MEM = os.environ.get("BENCH_MEM", "1") not in ("", "0")
DO_COLD = os.environ.get("BENCH_COLD", "1") not in ("", "0")
BIN = os.path.abspath(os.path.join(TOP, os.environ.get("BENCH_BIN", "build/bench/bin")))
DOVECOT_IMAP = os.environ.get("DOVECOT_IMAP", "/usr/lib/dovecot/imap")
DOVECOT = os.environ.get("DOVECOT", "/usr/sbin/dovecot")   # the service, for the memory figures
WORK = os.path.join(TOP, "build", "bench", "work")
NOBODY = 65534           # both servers touch the mail as this uid (Dovecot refuses root)
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAUSE = 2.0              # seconds between the index-building session and the next
F_SETPIPE_SZ = getattr(__import__("fcntl"), "F_SETPIPE_SZ", 1031)

# (key, label, target ratio or None).  Targets: issue 12 (SELECT, the
# repeated FETCH ENVELOPE and SEARCH SUBJECT, memory) and the earlier ones.
OPS = [
    ("select1", "SELECT, 1st session (no index)", 0.5),
    ("select2", "SELECT, 2nd session (index exists)", 0.5),
    ("select3", "SELECT, 3rd session (index current)", 0.5),
    ("flags", "UID FETCH 1:* (FLAGS)", 0.5),
    ("env1", "FETCH 1:* (ENVELOPE), first", 0.33),
    ("env2", "FETCH 1:* (ENVELOPE), again", 0.3),
    ("subj1", "SEARCH SUBJECT %s, first" % maildir_gen.SUBJECT_WORD, 0.33),
    ("subj2", "SEARCH SUBJECT %s, again" % maildir_gen.SUBJECT_WORD, 0.3),
    ("body", "SEARCH BODY %s" % maildir_gen.BODY_WORD, 0.33),
    ("bs", "FETCH 1:* (BODYSTRUCTURE)", None),
    ("store", "STORE one flag", None),
    ("cold", "FETCH 1:* (ENVELOPE), cold cache", None),
]
# The memory of an idle connection with the N-message mailbox selected,
# as a fraction of Dovecot's.
MEM_TARGET = 0.8

problems = []   # disagreements and failures: make the exit status 1


def log(msg):
    print(msg, flush=True)


# ---- IMAP over a pipe ------------------------------------------------------------

class Session:
    """One server process speaking IMAP on stdin/stdout, pre-authenticated."""

    def __init__(self, name, argv, env, **popen_kw):
        self.name = name
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=env, **popen_kw)
        for f in (self.p.stdin, self.p.stdout):
            try:
                __import__("fcntl").fcntl(f.fileno(), F_SETPIPE_SZ, 1 << 20)
            except OSError:
                pass
        self.conn = Connection.over_pipe(self.p, timeout=600, tag_prefix="b")
        greeting = self.conn.greeting()
        if greeting is None or not greeting.startswith("* PREAUTH"):
            raise RuntimeError("%s: greeting %r; stderr %r" % (name, greeting,
                                                               self.p.stderr.read(2000)))

    def cmd(self, text):
        """Send one command; return (responses before the tagged one, tagged
        line, seconds from the write of the command to the read of the tagged
        line).  The output is read in large blocks and only its end is looked
        at while the clock runs, so the time is the server's
        (Connection.timed_cmd)."""
        cpu0 = self.cpu()
        try:
            resps, tagged, secs = self.conn.timed_cmd(text)
        except (IMAPError, OSError) as e:  # the server closed, or said nothing for 600 s
            raise RuntimeError("%s: %s: %s" % (self.name, text, e))
        self.last_cpu = self.cpu() - cpu0
        if tagged.split()[1:2] != ["OK"]:
            raise RuntimeError("%s: %s -> %s" % (self.name, text, tagged))
        return resps, tagged, secs

    def cpu(self):
        """User + system CPU seconds the server process has used so far."""
        with open("/proc/%d/stat" % self.p.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def close(self):
        try:
            self.conn.send("z LOGOUT\r\n")
        except (IMAPError, OSError):
            pass
        try:
            self.p.stdin.close()
            self.p.stdout.read()
            self.p.wait(timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            self.p.kill()
            self.p.wait()
        err = [l for l in self.p.stderr.read().decode(errors="replace").splitlines()
               if l.strip() and ": Info: " not in l]
        self.p.stderr.close()
        self.p.stdout.close()
        if err:
            problems.append("%s wrote to stderr: %s" % (self.name, err[0][:300]))


class Imapd:
    name = "imapd"

    def __init__(self, work):
        self.work = work
        self.conf = os.path.join(work, "imapd.conf")
        self.log = os.path.join(work, "imapd.log")
        os.makedirs(os.path.join(work, "config"), exist_ok=True)
        os.chown(os.path.join(work, "config"), NOBODY, NOBODY)
        self.rimapd = os.path.join(BIN, "rimapd")

    def session(self, maildir):
        with open(self.conf, "w") as f:
            f.write("configdirectory: %s/config\nservername: bench\nmail_location: %s\n"
                    % (self.work, maildir))
        env = {"PATH": "/usr/bin:/bin", "IMAPD_LOG_FILE": self.log}
        # rimapd: pre-authenticated as the Unix user running it (nobody).
        return Session("imapd", [self.rimapd, "-C", self.conf], env, user=NOBODY, group=NOBODY,
                       extra_groups=[])


class Dovecot:
    name = "dovecot"

    def __init__(self, work):
        self.work = work
        self.conf = os.path.join(work, "dovecot.conf")
        self.log = os.path.join(work, "dovecot.log")

    def session(self, maildir):
        # Dovecot's standalone imap binary, pre-authenticated on stdin/stdout
        # (as tests/mime-corpus/regen-with-dovecot.sh runs it); it drops to
        # mail_uid itself.  Settings not named here are Dovecot's defaults.
        with open(self.conf, "w") as f:
            f.write("mail_location = maildir:%s\nmail_uid = %d\nmail_gid = %d\nlog_path = %s\n"
                    % (maildir, NOBODY, NOBODY, self.log))
        env = {"USER": "nobody", "HOME": maildir, "PATH": "/usr/bin:/bin"}
        return Session("dovecot", [DOVECOT_IMAP, "-c", self.conf], env)


# ---- what the answers say ----------------------------------------------------------

FETCH_RE = re.compile(rb"\* (\d+) FETCH \(")
UID_RE = re.compile(rb"[ (]UID (\d+)")
FLAGS_RE = re.compile(rb"FLAGS \(([^)]*)\)")


def exists_of(resps):
    for r in resps:
        m = re.match(rb"\* (\d+) EXISTS$", r)
        if m:
            return int(m.group(1))
    return None


def search_of(resps):
    got = []
    for r in resps:
        if r.startswith(b"* SEARCH"):
            got.extend(int(x) for x in r[8:].split())
    return got


def fetches_with(resps, item):
    return [r for r in resps if FETCH_RE.match(r) and item in r]


def flags_of(resps):
    """{uid: frozenset of flags} of the FETCH FLAGS answers (\\Recent left out:
    which session took it differs by design)."""
    out = {}
    for r in fetches_with(resps, b"FLAGS ("):
        u, f = UID_RE.search(r), FLAGS_RE.search(r)
        if u and f:
            out[int(u.group(1))] = frozenset(x for x in f.group(1).decode().split()
                                             if x != "\\Recent")
    return out


def truth_flags(truth):
    return {i + 1: frozenset(maildir_gen.FLAG_NAMES[c] for c in fl)
            for i, fl in enumerate(truth["flags"])}


# ---- one run of the sequence -----------------------------------------------------------

def fresh_copy(master, dest):
    """A copy of the generated maildir for one server and repetition: new
    directories, the message files hard-linked (maildir files are never
    rewritten, only renamed, and page-cache state is then the same for both
    servers)."""
    if os.path.exists(dest):
        shutil.rmtree(dest)
    subprocess.run(["cp", "-al", master, dest], check=True)


def warm(maildir):
    """Read every file once (page cache and dentries warm for both servers)."""
    total = 0
    for sub in ("cur", "new"):
        d = os.path.join(maildir, sub)
        for e in os.scandir(d):
            with open(e.path, "rb", buffering=0) as f:
                while True:
                    b = f.read(1 << 20)
                    if not b:
                        break
                    total += len(b)
    return total


def run_sequence(server, master, work, rep, truth, store_seq):
    """The timed operations on fresh copies; returns {op: (secs, result, cpu secs)}."""
    res = {}

    def timed(s, op, command, result):
        r, _, t = s.cmd(command)
        res[op] = (t, result(r), s.last_cpu)

    a = os.path.join(work, "%s-r%d-a" % (server.name, rep))
    b = os.path.join(work, "%s-r%d-b" % (server.name, rep))
    fresh_copy(master, a)
    fresh_copy(master, b)
    warm(a)
    warm(b)

    # Copy a: index building, flags, ENVELOPE, BODYSTRUCTURE.  The first
    # session moves the messages of new/ to cur/; the pause after it is as
    # a real client's would be, so that no server has to distrust a
    # directory mtime from this very second.  Dovecot still reads the
    # folder again in the second session and trusts its index from the third.
    s = server.session(a)
    timed(s, "select1", "SELECT INBOX", exists_of)
    s.close()
    time.sleep(PAUSE)
    s = server.session(a)
    timed(s, "select2", "SELECT INBOX", exists_of)
    s.close()
    s = server.session(a)
    timed(s, "select3", "SELECT INBOX", exists_of)
    timed(s, "flags", "UID FETCH 1:* (FLAGS)", flags_of)
    s.close()
    s = server.session(a)
    s.cmd("SELECT INBOX")
    timed(s, "env1", "FETCH 1:* (ENVELOPE)", lambda r: len(fetches_with(r, b"ENVELOPE (")))
    timed(s, "env2", "FETCH 1:* (ENVELOPE)", lambda r: len(fetches_with(r, b"ENVELOPE (")))

    def bodystructures(r):
        bs = fetches_with(r, b"BODYSTRUCTURE (")
        return len(bs), sum(1 for x in bs if b"BODYSTRUCTURE ((" in x)
    timed(s, "bs", "FETCH 1:* (BODYSTRUCTURE)", bodystructures)
    s.close()

    # Copy b: searches with an index but nothing cached, then a STORE.
    s = server.session(b)
    s.cmd("SELECT INBOX")
    s.close()
    time.sleep(PAUSE)
    s = server.session(b)
    s.cmd("SELECT INBOX")
    timed(s, "subj1", "SEARCH SUBJECT %s" % maildir_gen.SUBJECT_WORD, search_of)
    timed(s, "subj2", "SEARCH SUBJECT %s" % maildir_gen.SUBJECT_WORD, search_of)
    timed(s, "body", "SEARCH BODY %s" % maildir_gen.BODY_WORD, search_of)
    timed(s, "store", "STORE %d +FLAGS (\\Flagged)" % store_seq,
          lambda r: len(fetches_with(r, b"FLAGS (")))
    s.close()
    cache_sizes[server.name] = cache_size(server.name, a)

    # Copy c: the first FETCH ENVELOPE with nothing in the page cache (as
    # after a reboot): the index is built and current, then every cache
    # of the machine is dropped (as root; skipped otherwise).
    if DO_COLD and os.geteuid() == 0:
        c = os.path.join(work, "%s-r%d-c" % (server.name, rep))
        fresh_copy(master, c)
        for _ in range(2):
            s = server.session(c)
            s.cmd("SELECT INBOX")
            s.close()
            time.sleep(PAUSE)
        subprocess.run(["sync"], check=False)
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        s = server.session(c)
        s.cmd("SELECT INBOX")
        timed(s, "cold", "FETCH 1:* (ENVELOPE)", lambda r: len(fetches_with(r, b"ENVELOPE (")))
        s.close()
        if not KEEP:
            shutil.rmtree(c)
    else:
        res["cold"] = (float("nan"), N, 0.0)
    if not KEEP:
        shutil.rmtree(a)
        shutil.rmtree(b)
    return res


cache_sizes = {}   # server -> (bytes, file names) of its cache after copy a's FETCHes


def cache_size(name, maildir):
    """The size of the server's message cache after ENVELOPE and BODYSTRUCTURE
    of every message (copy a): ours imapd.cache, Dovecot's dovecot.index.cache."""
    files = ["imapd.cache"] if name == "imapd" else ["dovecot.index.cache"]
    total = 0
    for fn in files:
        try:
            total += os.path.getsize(os.path.join(maildir, fn))
        except OSError:
            pass
    return total, files


def summary(op, result):
    """A short, comparable form of a result."""
    if op == "flags":
        return "%d messages" % len(result)
    if op in ("subj1", "subj2", "body"):
        return "%d hits" % len(result)
    if op == "bs":
        return "%d (%d multipart)" % result
    return str(result)


def expected(op, truth, tflags):
    """What the generator knows the answer must be."""
    return {"select1": N, "select2": N, "select3": N, "flags": tflags, "env1": N, "env2": N,
            "subj1": truth["subject"], "subj2": truth["subject"], "body": truth["body"],
            "bs": (N, truth["multipart"]), "store": 1, "cold": N}[op]


def compare(rep, results, truth):
    tflags = truth_flags(truth)
    for op, _, _ in OPS:
        want = expected(op, truth, tflags)
        got = {name: results[name][op][1] for name in results}
        for name, g in got.items():
            if g != want:
                detail = ""
                if op == "flags":
                    bad = [u for u in want if g.get(u) != want[u]][:3]
                    detail = "; e.g. " + ", ".join("UID %d: %s, expected %s" % (
                        u, sorted(g.get(u, [])), sorted(want[u])) for u in bad)
                elif op in ("subj1", "subj2", "body"):
                    detail = "; only %s: %s; missing: %s" % (
                        name, sorted(set(g) - set(want))[:5], sorted(set(want) - set(g))[:5])
                problems.append("repetition %d, %s: %s gave %s, the generator expects %s%s"
                                % (rep + 1, op, name, summary(op, g), summary(op, want), detail))
        names = list(got)
        if len(names) == 2 and got[names[0]] != got[names[1]]:
            problems.append("repetition %d, %s: imapd and Dovecot disagree: %s vs %s"
                            % (rep + 1, op, summary(op, got[names[0]]), summary(op, got[names[1]])))


# ---- memory per idle connection --------------------------------------------------------

def children(pid):
    """{pid: command name} of pid's children."""
    return {p: comm_of(p) for p in children_of(pid)}


def comm_of(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return "?"


def client(port, tls=False):
    """A logged-out connection, greeting read."""
    c = connect(port, tls=tls, timeout=60, tag_prefix="m")
    if c.greeting() is None:
        raise RuntimeError("connection closed")
    return c


def ok(c, text):
    """One command that must succeed."""
    _, t = c.cmd(text)
    if t is None or t.split()[1:2] != ["OK"]:
        raise RuntimeError("%s -> %r" % (text, t))
    return t


def logout(c):
    try:
        ok(c, "LOGOUT")
    except (RuntimeError, IMAPError, OSError):
        pass
    c.close()


def small_maildir(root):
    maildir_gen.make_maildir(root, 20, seed=7)


MEM_USER, MEM_PASS = "benchuser", "benchpass"


def connections(port, tlsport, settle):
    """Three idle logged-in connections: plain + small INBOX, TLS + small
    INBOX, plain + the big mailbox.  Both mailboxes' indexes are built and
    current first (two sessions before, as in the timed runs): what is
    measured is a connection to a mailbox in use, not the one that indexed
    it.  settle(kind) returns the pids whose memory counts for that
    connection."""
    out = {}
    for k in range(2):
        c = client(port)
        ok(c, "LOGIN %s %s" % (MEM_USER, MEM_PASS))
        ok(c, "SELECT INBOX")
        ok(c, "SELECT Big")
        logout(c)
        settle(None)
        time.sleep(PAUSE if k == 0 else 0.2)
    for kind, p, tls, mbox in (("plain", port, False, "INBOX"), ("tls", tlsport, True, "INBOX"),
                               ("big", port, False, "Big")):
        c = client(p, tls)
        ok(c, "LOGIN %s %s" % (MEM_USER, MEM_PASS))
        ok(c, "SELECT %s" % mbox)
        ok(c, "NOOP")
        time.sleep(0.3)
        pids = settle(kind)
        out[kind] = [private_kb(x) + (comm_of(x),) for x in pids]
        out[kind + "_conn"] = c
    return out


def memory_imapd(work, master_maildir):
    d = os.path.join(work, "mem-imapd")
    os.makedirs(os.path.join(d, "config"))
    mail = os.path.join(d, "mail", MEM_USER)
    small_maildir(mail)
    subprocess.run(["cp", "-al", master_maildir, os.path.join(mail, ".Big")], check=True)
    subprocess.run(["chown", "-R", "%d:%d" % (NOBODY, NOBODY), os.path.join(d, "mail"),
                    os.path.join(d, "config")], check=True)
    cert, key = make_cert(d, key_mode=0o644)
    sasldb = os.path.join(d, "sasldb2")
    subprocess.run(["saslpasswd2", "-c", "-p", "-f", sasldb, "-u", "bench", MEM_USER],
                   input=MEM_PASS.encode(), check=True, capture_output=True)
    os.chmod(sasldb, 0o644)
    conf = os.path.join(d, "imapd.conf")
    with open(conf, "w") as f:
        f.write("configdirectory: %s/config\nservername: bench\nmail_location: %s/mail/%%u\n"
                "mail_user: nobody\nfailed_login_delay: 0\nallowplaintext: yes\n"
                "tls_server_cert: %s\ntls_server_key: %s\nsasl_pwcheck_method: auxprop\n"
                "sasl_auxprop_plugin: sasldb\nsasl_sasldb_path: %s\n" % (d, d, cert, key, sasldb))
    port, tlsport = free_port(), free_port()
    services = os.path.join(d, "services.conf")
    with open(services, "w") as f:
        f.write('imap  listen=127.0.0.1:%d prefork=1 maxchild=8 args="-U 1 -T 600"\n'
                'imaps listen=127.0.0.1:%d prefork=1 maxchild=8 args="-s -U 1 -T 600"\n'
                % (port, tlsport))
    logf = os.path.join(d, "imapd.log")
    env = dict(PATH="/usr/sbin:/usr/bin:/sbin:/bin", IMAPD_LOG_FILE=logf)
    m = subprocess.Popen([os.path.join(BIN, "imapd-master"), "-C", conf, "-M", services],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)

    def logtext():
        try:
            with open(logf, errors="replace") as f:
                return f.read()
        except OSError:
            return ""
    conns = {}
    try:
        if not wait_for(lambda: "started (pid %d)" % m.pid in logtext(), 10):
            raise RuntimeError("imapd-master did not start: %s" % logtext()[-500:])
        wait_for(lambda: len(children(m.pid)) >= 2, 10)
        seen = set()

        def settle(kind):
            # The child that logged this connection in (the log names it).
            pids = [int(x) for x in re.findall(r"imapd\[(\d+)\]: info: login: user=%s" % MEM_USER,
                                               logtext())]
            new = [p for p in pids if p not in seen]
            if kind is None:
                seen.update(new)
                return new
            if len(new) != 1:
                raise RuntimeError("cannot tell which imapd child serves the %s connection: %r"
                                   % (kind, new))
            seen.add(new[0])
            return new
        conns = connections(port, tlsport, settle)
    finally:
        for k, c in list(conns.items()):
            if k.endswith("_conn"):
                logout(c)
        m.terminate()
        try:
            m.wait(20)
        except subprocess.TimeoutExpired:
            m.kill()
            m.wait()
    return conns


def memory_dovecot(work, master_maildir):
    d = os.path.join(work, "mem-dovecot")
    os.makedirs(os.path.join(d, "run"))
    mail = os.path.join(d, "mail", MEM_USER)
    small_maildir(mail)
    subprocess.run(["cp", "-al", master_maildir, os.path.join(mail, ".Big")], check=True)
    subprocess.run(["chown", "-R", "%d:%d" % (NOBODY, NOBODY), os.path.join(d, "mail")],
                   check=True)
    cert, key = make_cert(d, key_mode=0o644)
    with open(os.path.join(d, "passwd"), "w") as f:
        f.write("%s:{PLAIN}%s::::::\n" % (MEM_USER, MEM_PASS))
    port, tlsport = free_port(), free_port()
    conf = os.path.join(d, "dovecot.conf")
    # A private instance (as spec/servers/dovecot.sh starts one); process
    # and login settings are Dovecot's defaults.
    with open(conf, "w") as f:
        f.write("""base_dir = {d}/run
state_dir = {d}/run
instance_name = bench-dovecot
protocols = imap
listen = 127.0.0.1
log_path = {d}/dovecot.log
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{d}/mail/%u
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {d}/passwd
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={d}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tlsport}
    ssl = yes
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    port = 0
  }}
  inet_listener pop3s {{
    port = 0
  }}
}}
namespace inbox {{
  inbox = yes
  separator = .
}}
""".format(d=d, cert=cert, key=key, port=port, tlsport=tlsport))
    m = subprocess.Popen([DOVECOT, "-F", "-c", conf], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    conns = {}
    try:
        if not wait_port(port, timeout=10):
            err = m.stderr.read1(2000) if m.poll() is not None else b""
            raise RuntimeError("dovecot did not start: %r" % err)
        seen = set()

        def settle(kind):
            # Dovecot's processes for this connection: the new imap process,
            # plus for TLS the imap-login process that stays as its proxy.
            def new():
                kids = children(m.pid)
                return [p for p, c in kids.items() if p not in seen and c in ("imap", "imap-login")]
            time.sleep(0.3)
            pids = new()
            seen.update(pids)
            if kind is None:
                return pids
            if sum(1 for p in pids if children(m.pid).get(p) == "imap") != 1:
                raise RuntimeError("cannot tell Dovecot's imap process for the %s connection: %r"
                                   % (kind, children(m.pid)))
            return pids
        conns = connections(port, tlsport, settle)
        conns["processes"] = children(m.pid)
    finally:
        for k, c in list(conns.items()):
            if k.endswith("_conn"):
                logout(c)
        m.terminate()
        try:
            m.wait(20)
        except subprocess.TimeoutExpired:
            m.kill()
            m.wait()
        # dovecot's master stops its children on SIGTERM; make sure.
        wait_for(lambda: not subprocess.run(["pgrep", "-f", d], capture_output=True).stdout, 5)
    return conns


# ---- main ---------------------------------------------------------------------------------

def fmt_secs(s):
    return "%.1f ms" % (s * 1000) if s < 1 else "%.2f s" % s


def main():
    if os.geteuid() != 0:
        log("bench: run as root (Dovecot serves mail as another uid; the maildir is chowned)")
        return 2
    if not os.access(DOVECOT_IMAP, os.X_OK) and DOVECOT_IMAP == "/usr/lib/dovecot/imap":
        # Debian starts the system service after installing; only our own
        # processes are wanted, so it is stopped again.
        log("bench: installing dovecot-imapd (apt-get)")
        subprocess.run(["apt-get", "install", "-y", "-q", "dovecot-imapd"],
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
                       stdout=subprocess.DEVNULL)
        subprocess.run("systemctl stop dovecot || service dovecot stop", shell=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for prog in (os.path.join(BIN, "rimapd"), os.path.join(BIN, "imapd-master"), DOVECOT_IMAP,
                 DOVECOT):
        if not os.access(prog, os.X_OK):
            log("bench: %s is missing (make O=build/bench; apt-get install -y dovecot-imapd)"
                % prog)
            return 2
    if os.path.exists(WORK):
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    os.chmod(WORK, 0o755)
    t0 = time.time()
    try:
        return run(t0)
    finally:
        if KEEP:
            log("kept %s" % WORK)
        else:
            shutil.rmtree(WORK, ignore_errors=True)


def run(t0):
    version = subprocess.run([DOVECOT, "--version"], capture_output=True,
                             text=True).stdout.strip() or "?"
    master = os.path.join(WORK, "master")
    tg = time.time()
    truth = maildir_gen.make_maildir(master, N)
    subprocess.run(["chown", "-R", "%d:%d" % (NOBODY, NOBODY), master], check=True)
    log("maildir: %d messages, %.0f MB, %d multipart, %d with ,S=/,W= in the name, %d in new/; "
        "SUBJECT %s matches %d, BODY %s matches %d (made in %.1f s)"
        % (N, truth["octets"] / 1e6, truth["multipart"], truth["sizes_in_name"], truth["in_new"],
           maildir_gen.SUBJECT_WORD, len(truth["subject"]), maildir_gen.BODY_WORD,
           len(truth["body"]), time.time() - tg))
    log("servers: imapd %s; Dovecot %s (%s), default settings"
        % (os.path.join(os.path.relpath(BIN, TOP), "rimapd"), version, DOVECOT_IMAP))
    log("each server gets fresh hard-linked copies per repetition; every file is read once "
        "before (warm page cache for both); times are client-side over a pipe, best of %d"
        % REPS)
    store_seq = next(i + 1 for i, f in enumerate(truth["flags"]) if "F" not in f)
    servers = [Imapd(WORK), Dovecot(WORK)]
    times = {s.name: {op: [] for op, _, _ in OPS} for s in servers}
    cpus = {s.name: {op: [] for op, _, _ in OPS} for s in servers}
    for rep in range(REPS):
        order = servers if rep % 2 == 0 else servers[::-1]
        results = {}
        for srv in order:
            tr = time.time()
            results[srv.name] = run_sequence(srv, master, WORK, rep, truth, store_seq)
            for op, _, _ in OPS:
                times[srv.name][op].append(results[srv.name][op][0])
                cpus[srv.name][op].append(results[srv.name][op][2])
            log("  repetition %d/%d %-7s %.1f s" % (rep + 1, REPS, srv.name, time.time() - tr))
        compare(rep, {s.name: results[s.name] for s in servers}, truth)

    with open(os.path.join(WORK, "times.json"), "w") as f:
        json.dump({"wall": times, "cpu": cpus}, f, indent=1)

    mem = {}
    if DO_MEM:
        for name, fn in (("imapd", memory_imapd), ("dovecot", memory_dovecot)):
            try:
                mem[name] = fn(WORK, master)
            except Exception as e:  # noqa: BLE001 - reported, makes the exit status 1
                problems.append("memory measurement of %s failed: %s" % (name, e))

    for srv in servers:
        try:
            with open(srv.log, errors="replace") as f:
                errs = [l.strip() for l in f if re.search(r"\b(Error|Panic|Fatal|error|fatal)\b", l)]
        except OSError:
            errs = []
        if errs:
            problems.append("%s log has %d error lines, e.g. %s" % (srv.name, len(errs), errs[0]))

    # ---- the table
    log("")
    log("%d messages, best of %d (client-side wall time)" % (N, REPS))
    hdr = "%-36s %10s %10s %7s %7s  %s" % ("operation", "imapd", "Dovecot", "ratio", "target", "")
    log(hdr)
    log("-" * len(hdr))
    met_all = []
    for op, label, target in OPS:
        a = min(times["imapd"][op])
        b = min(times["dovecot"][op])
        if a != a or b != b:  # NaN: not run
            log("%-36s %10s %10s %7s %7s  %s" % (label, "-", "-", "-", "-",
                                                 "skipped (BENCH_COLD=0, or not root)"))
            continue
        ratio = a / b if b > 0 else float("inf")
        if target is None:
            verdict, tgt = "", "-"
        else:
            ok = ratio <= target
            met_all.append(ok)
            verdict, tgt = ("met" if ok else "NOT MET"), "<= %.2g" % target
        log("%-36s %10s %10s %7.2f %7s  %s" % (label, fmt_secs(a), fmt_secs(b), ratio, tgt, verdict))
    if VERBOSE:
        log("")
        log("every repetition, wall ms, imapd | Dovecot; then the median of the server "
            "process's CPU time (user+sys, 1/%d s ticks)" % CLK_TCK)
        for op, label, _ in OPS:
            log("  %-36s %s | %s   cpu %.2f | %.2f s" % (
                label, " ".join("%.1f" % (x * 1e3) for x in times["imapd"][op]),
                " ".join("%.1f" % (x * 1e3) for x in times["dovecot"][op]),
                statistics.median(cpus["imapd"][op]), statistics.median(cpus["dovecot"][op])))
    if mem:
        log("")
        log("private memory per idle logged-in connection (smaps_rollup Private_Dirty; "
            "clean in parentheses):")

        def kb(lst):
            return "%d kB (%d)" % (sum(x[0] for x in lst), sum(x[1] for x in lst))

        def parts(lst):
            return " + ".join("%s %d" % (x[2], x[0]) for x in lst)
        for kind, what in (("plain", "plain, SELECT small INBOX"),
                           ("tls", "TLS, SELECT small INBOX"),
                           ("big", "plain, SELECT %d-message mailbox" % N)):
            if "imapd" in mem and "dovecot" in mem:
                a = sum(x[0] for x in mem["imapd"][kind])
                b = sum(x[0] for x in mem["dovecot"][kind])
                if kind == "big":
                    ok = a <= MEM_TARGET * b
                    verdict = "ratio %.2f, <= %.1f: %s" % (a / b if b else float("inf"), MEM_TARGET,
                                                         "met" if ok else "NOT MET")
                else:
                    ok = a < b
                    verdict = "below Dovecot: " + ("met" if ok else "NOT MET")
                met_all.append(ok)
                log("  %-38s imapd %-16s Dovecot %-16s %s" % (
                    what, kb(mem["imapd"][kind]), kb(mem["dovecot"][kind]), verdict))
        if "dovecot" in mem:
            log("  (Dovecot: its imap process; for TLS also the imap-login process that stays as "
                "its TLS proxy: %s kB)" % parts(mem["dovecot"]["tls"]))
    if cache_sizes:
        log("")
        log("message cache after FETCH 1:* (ENVELOPE) and (BODYSTRUCTURE) of every message:")
        for name, (size, files) in sorted(cache_sizes.items()):
            log("  %-8s %-22s %7.1f MB, %5.0f octets per message" % (
                name, "+".join(files), size / 1e6, size / N))
    log("")
    log("targets met: %d of %d; total time %.0f s" % (sum(met_all), len(met_all), time.time() - t0))
    if problems:
        log("")
        log("PROBLEMS (the comparison is not valid):")
        for p in problems:
            log("  - " + p)
        return 1
    log("both servers gave the same results as the generator expects for every operation")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)

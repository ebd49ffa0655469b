#!/usr/bin/env python3
"""master.py - imapd-master: login processes, session processes, caps,
respawn, signals.

Also measures what a connection costs (smaps_rollup Private_Dirty): an
idle login process, each connection a login process holds before login,
and a logged-in idle connection (its session process; for TLS also what
the relaying login process holds for it).
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (MASTER, TOP, USER, PASSWORD, Connection, Sandbox, Tap,  # noqa: E402
                       capabilities, children_of, free_port, wait_for, wait_port)

tap = Tap("master")


class Master:
    def __init__(self, sb, services):
        self.sb = sb
        self.path = os.path.join(sb.dir, "services.conf")
        self.write(services)
        self.p = sb.popen([MASTER, "-C", sb.conf, "-M", self.path], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)

    def ready(self):
        """Started: the log says so (probing the port would be a client)."""
        return wait_for(lambda: "started (pid %d)" % self.p.pid in self.sb.logtext(), 5)

    def write(self, services):
        with open(self.path, "w") as f:
            f.write(services)

    def children(self):
        return sorted(children_of(self.p.pid))

    def settle(self, n, timeout=5):
        return wait_for(lambda: len(self.children()) == n, timeout)

    def stop(self):
        if self.p.poll() is None:
            self.p.terminate()
        return self.p.wait(15)


def private_kb(pid):
    """(Private_Dirty, Private_Clean) in kB.  Dirty pages are this
    process's own memory; clean ones are file pages (libraries) only it
    has touched so far, shared through the page cache with any process
    that maps them."""
    got = {}
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            if line.startswith("Private_"):
                got[line.split(":")[0]] = int(line.split()[1])
    return got.get("Private_Dirty", 0), got.get("Private_Clean", 0)


def services(imap, imaps, imap_opts="prefork=2 maxchild=4", imap_args="-U 3 -T 30",
             imaps_opts="prefork=1 maxchild=2"):
    return ("# test services\n"
            "imap  listen=127.0.0.1:%d %s args=\"%s\"\n"
            "imaps listen=127.0.0.1:%d %s args=\"-s\"\n" % (imap, imap_opts, imap_args, imaps,
                                                           imaps_opts))


def comm(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return None


def login_procs(m):
    return [p for p in m.children() if comm(p) == "imapd-login"]


def sessions_of(m):
    return [p for p in m.children() if comm(p) == "imapd"]


def pool(sb):
    """prefork login processes per service hold the clients, not the
    master; a login starts a session process; the login process stays."""
    a, b = free_port(), free_port()
    m = Master(sb, services(a, b))
    assert m.ready()
    assert m.settle(3), "expected 2 + 1 login processes, have %r" % m.children()
    assert len(login_procs(m)) == 3, [(p, comm(p)) for p in m.children()]
    # TLS service
    c = Connection.tcp(b, tls=True)
    assert c.greeting().startswith("* OK [CAPABILITY IMAP4rev1")
    c.cmd("LOGOUT")
    c = Connection.tcp(a)
    assert c.greeting().startswith("* OK")
    before = set(login_procs(m))
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    assert wait_for(lambda: len(sessions_of(m)) == 1), m.children()
    assert set(login_procs(m)) == before, (before, m.children())
    _, t = c.cmd("NOOP")
    assert t.endswith("OK NOOP completed"), t
    c.cmd("LOGOUT")
    assert wait_for(lambda: not sessions_of(m)), m.children()
    text = sb.logtext()
    pids = set(int(x) for x in re.findall(r"imapd-login\[(\d+)\]: info: connect from", text))
    assert pids and m.p.pid not in pids and pids <= before, (pids, m.p.pid, before)
    logins = set(int(x) for x in re.findall(r"imapd\[(\d+)\]: info: login: user=", text))
    assert len(logins) == 1 and not logins & (pids | {m.p.pid}), (logins, pids)
    assert m.stop() == 0
    return True


def limits_of_service(sb):
    """maxchild caps logged-in sessions (a login over it is answered NO
    and may be retried); client_limit caps a login process's clients, and
    another login process is started for the next ones."""
    a, b = free_port(), free_port()
    m = Master(sb, services(a, b, imap_opts="prefork=1 maxchild=2 client_limit=2",
                            imaps_opts="prefork=0 maxchild=1"))
    assert m.ready() and m.settle(1)
    held = []
    for _ in range(2):
        c = Connection.tcp(a)
        assert c.greeting().startswith("* OK")
        _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
        assert " OK " in t, t
        held.append(c)
    c3 = Connection.tcp(a)
    assert c3.greeting().startswith("* OK")
    _, t = c3.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert t.startswith("t1 NO [UNAVAILABLE] Too many sessions"), t
    held[0].cmd("LOGOUT")
    assert wait_for(lambda: len(sessions_of(m)) == 1), m.children()
    _, t = c3.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    # two clients not logged in fill the first login process
    w = [Connection.tcp(a) for _ in range(3)]
    for c in w:
        assert c.greeting().startswith("* OK")
    assert len(login_procs(m)) == 2, [(p, comm(p)) for p in m.children()]
    for c in held + w + [c3]:
        c.close()
    assert m.stop() == 0
    return True


def on_demand(sb):
    """prefork=0: no login process until a client comes."""
    a, b = free_port(), free_port()
    m = Master(sb, services(a, b, imap_opts="prefork=0 maxchild=2",
                            imaps_opts="prefork=0 maxchild=1"))
    assert m.ready()
    time.sleep(0.3)
    assert m.children() == [], m.children()
    c = Connection.tcp(a)
    assert c.greeting().startswith("* OK")
    assert len(m.children()) == 1
    c.cmd("LOGOUT")
    assert m.stop() == 0
    return True


def uses_respawn(sb):
    """-U 2: a login process takes two connections, then is replaced (it
    leaves once its clients are gone)."""
    a, b = free_port(), free_port()
    m = Master(sb, services(a, b, imap_opts="prefork=1 maxchild=2", imap_args="-U 2",
                            imaps_opts="prefork=0 maxchild=1"))
    assert m.ready() and m.settle(1)
    first = m.children()[0]
    for _ in range(2):
        c = Connection.tcp(a)
        assert c.greeting().startswith("* OK")
        c.cmd("LOGOUT")
        c.close()
    assert wait_for(lambda: first not in m.children()), "login process %d still there" % first
    served = len(re.findall(r"imapd-login\[%d\]: info: connect from" % first, sb.logtext()))
    assert served == 2, "login process %d served %d connections" % (first, served)
    assert wait_for(lambda: len(m.children()) == 1), m.children()
    c = Connection.tcp(a)
    assert c.greeting().startswith("* OK")
    c.cmd("LOGOUT")
    assert m.stop() == 0
    return True


def idle_respawn(sb):
    """-T 1: a login process without clients for a second is replaced."""
    a, b = free_port(), free_port()
    m = Master(sb, services(a, b, imap_opts="prefork=1 maxchild=2", imap_args="-T 1",
                            imaps_opts="prefork=0 maxchild=1"))
    assert m.ready() and m.settle(1)
    first = m.children()[0]
    assert wait_for(lambda: first not in m.children() and len(m.children()) == 1, 4), m.children()
    assert m.stop() == 0
    return True


def login_session(sb):
    """Logins one after another go through the same login process, each
    to a session process of its own that ends with the session."""
    a, b = free_port(), free_port()
    m = Master(sb, services(a, b, imap_opts="prefork=1 maxchild=2", imap_args="",
                            imaps_opts="prefork=0 maxchild=1"))
    assert m.ready() and m.settle(1)
    lp = m.children()
    for _ in range(3):
        c = Connection.tcp(a)
        c.greeting()
        _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
        assert " OK " in t, t
        c.cmd("LOGOUT")
        c.close()
    assert wait_for(lambda: m.children() == lp), (lp, m.children())
    assert len(set(re.findall(r"imapd\[(\d+)\]: info: login: user=", sb.logtext()))) == 3
    assert m.stop() == 0
    return True


def reload_hup(sb):
    a, b, d = free_port(), free_port(), free_port()
    m = Master(sb, services(a, b))
    assert m.ready() and m.settle(3)
    old = set(m.children())
    held = Connection.tcp(a)
    assert held.greeting().startswith("* OK")
    # new file: imaps gone, a second plain service added
    m.write(services(a, b).splitlines()[1] + "\n" +
            "imap2 listen=127.0.0.1:%d prefork=1 maxchild=1\n" % d)
    m.p.send_signal(signal.SIGHUP)
    assert wait_port(d), "new service not listening"
    assert wait_for(lambda: not wait_port(b, 0.1), 3), "removed service still listening"
    # idle old children are gone; the busy one finishes its client first
    assert wait_for(lambda: len(set(m.children()) & old) == 1, 5), (old, m.children())
    _, t = held.cmd("NOOP")
    assert t.endswith("OK NOOP completed"), t
    held.cmd("LOGOUT")
    held.close()
    assert wait_for(lambda: not (set(m.children()) & old), 5), (old, m.children())
    assert m.settle(3)  # imap prefork 2 + imap2 prefork 1
    c = Connection.tcp(d)
    assert c.greeting().startswith("* OK")
    c.cmd("LOGOUT")
    assert m.stop() == 0
    return True


def stop_term(sb):
    a, b = free_port(), free_port()
    m = Master(sb, services(a, b))
    assert m.ready() and m.settle(3)
    kids = m.children()
    c = Connection.tcp(a)
    assert c.greeting().startswith("* OK")
    t0 = time.time()
    m.p.send_signal(signal.SIGTERM)
    lines = c.lines_until_eof()
    assert lines == ["* BYE Server shutting down"], lines
    assert m.p.wait(10) == 0
    assert time.time() - t0 < 5
    for pid in kids:
        assert not os.path.exists("/proc/%d" % pid) or open("/proc/%d/stat" % pid).read().split()[2] == "Z"
    try:
        socket.create_connection(("127.0.0.1", a), timeout=1).close()
        refused = False
    except OSError:
        refused = True
    assert refused, "port still open after SIGTERM"
    return True


def detach_pidfile(sb):
    """-d: the master detaches; -p: its pid in a file, removed at exit."""
    a, b = free_port(), free_port()
    path = os.path.join(sb.dir, "services.conf")
    with open(path, "w") as f:
        f.write(services(a, b, imap_opts="prefork=1 maxchild=2",
                         imaps_opts="prefork=0 maxchild=1"))
    pidfile = os.path.join(sb.dir, "master.pid")
    p = sb.popen([MASTER, "-d", "-C", sb.conf, "-M", path, "-p", pidfile],
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert p.wait(10) == 0, "the launching process did not return"
    assert wait_for(lambda: os.path.exists(pidfile) and open(pidfile).read().strip()), "no pid file"
    pid = int(open(pidfile).read())
    try:
        assert pid != p.pid
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        assert int(fields[3]) == pid, "not a session leader: %r" % fields[:4]  # setsid
        c = Connection.tcp(a)
        assert c.greeting().startswith("* OK")
        c.cmd("LOGOUT")
    finally:
        os.kill(pid, signal.SIGTERM)
    def gone():
        try:
            with open("/proc/%d/stat" % pid) as f:
                return f.read().rsplit(")", 1)[1].split()[0] == "Z"  # exited, not yet reaped
        except OSError:
            return True
    assert wait_for(gone, 10), "master still running"
    assert not os.path.exists(pidfile)
    return True


def bad_services_file(sb):
    path = os.path.join(sb.dir, "bad.conf")
    with open(path, "w") as f:
        f.write("imap listen=127.0.0.1:%d prefork=x\nimaps\n" % free_port())
    p = sb.popen([MASTER, "-C", sb.conf, "-M", path], stdout=subprocess.DEVNULL,
                 stderr=subprocess.PIPE)
    _, err = p.communicate(timeout=10)
    err = err.decode()
    assert p.returncode != 0, p.returncode
    assert "%s:1: bad or unknown setting prefork=x" % path in err, err
    assert "%s:2: service imaps has no listen=" % path in err, err
    return True


def example_services_file():
    """conf/imapd-master.conf parses (ports moved to free ones)."""
    with Sandbox() as sb:
        with open(os.path.join(TOP, "conf/imapd-master.conf")) as f:
            text = f.read()
        a, b = free_port(), free_port()
        text = text.replace("listen=143", "listen=127.0.0.1:%d" % a)
        text = text.replace("listen=993", "listen=127.0.0.1:%d" % b)
        m = Master(sb, text)
        assert m.ready()
        c = Connection.tcp(b, tls=True)
        assert c.greeting().startswith("* OK")
        assert m.stop() == 0
    return True


def memory(sb):
    """Private memory: an idle login process; each of 100 silent clients
    a login process holds before login; a logged-in idle connection (its
    session process; for TLS, plus what the relaying login process holds).
    Dovecot 2.3 costs about 490 kB per idle logged-in connection."""
    a, b = free_port(), free_port()
    sb.set(login_max_ip_connections="0")
    m = Master(sb, services(a, b, imap_opts="prefork=1 maxchild=3", imap_args="",
                            imaps_opts="prefork=1 maxchild=2"))
    assert m.ready() and m.settle(2)
    time.sleep(0.3)
    lps = login_procs(m)
    idle = [private_kb(pid)[0] for pid in lps]
    # 100 silent clients on the plain service's login process
    before = {p: private_kb(p)[0] for p in lps}
    silent = [socket.create_connection(("127.0.0.1", a)) for _ in range(100)]
    for s_ in silent:
        assert s_.recv(4096).startswith(b"* OK")
    time.sleep(0.2)
    assert login_procs(m) == lps, (lps, m.children())
    grown = max(private_kb(p)[0] - before[p] for p in lps)
    per_prelogin = grown / 100.0
    for s_ in silent:
        s_.close()
    c = Connection.tcp(a)
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    c.cmd("NOOP")
    tls_before = {p: private_kb(p)[0] for p in login_procs(m)}
    tls = Connection.tcp(b, tls=True)
    tls.greeting()
    _, t = tls.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    tls.cmd("NOOP")
    time.sleep(0.3)
    served = {}
    for line in sb.logtext().splitlines():
        mm = re.search(r"imapd\[(\d+)\]: info: login: user=testuser method=LOGIN", line)
        if mm:
            served[int(mm.group(1))] = "tls" if "tls=" in line else "plain"
    sizes = {kind: private_kb(pid)[0] for pid, kind in served.items()}
    relay = max(private_kb(p)[0] - tls_before.get(p, 0) for p in login_procs(m))
    tap.note("private dirty memory (smaps_rollup): idle login process %s kB; per client held "
             "before login %.1f kB (100 silent clients); logged-in idle connection: plain %d kB "
             "(session process), TLS %d kB (session process) + %d kB (relay in the login "
             "process)" % ("/".join(str(x) for x in idle), per_prelogin, sizes["plain"],
                           sizes["tls"], relay))
    c.close()
    tls.close()
    assert m.stop() == 0
    if os.environ.get("SANITIZE") == "1":
        return True
    assert per_prelogin < 64, per_prelogin
    assert max(sizes["plain"], sizes["tls"] + relay) < 490, (sizes, relay)
    return True


def main():
    tests = [
        ("prefork login processes hold the clients; a login starts a session process", pool),
        ("maxchild caps sessions; client_limit caps a login process", limits_of_service),
        ("prefork=0 starts a login process when a client comes", on_demand),
        ("a login process leaving after -U uses is replaced", uses_respawn),
        ("a login process idle for -T seconds is replaced", idle_respawn),
        ("logins one after another through one login process", login_session),
        ("SIGHUP re-reads the services file; busy children finish", reload_hup),
        ("SIGTERM: BYE to clients, children and listeners gone", stop_term),
        ("services file errors name file and line", bad_services_file),
        ("-d detaches, -p writes and removes the pid file", detach_pidfile),
        ("memory: below 64 kB per client before login, 490 kB per logged-in one", memory),
    ]
    for name, fn in tests:
        with Sandbox() as sb:
            tap.check(name, lambda: fn(sb))
    tap.check("conf/imapd-master.conf works as shipped", example_services_file)
    tap.done()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""master.py - imapd-master: prefork pool, status pipe, caps, respawn, signals.

Also measures what an idle connection costs: the private memory of a
preforked child (smaps_rollup Private_Clean + Private_Dirty) when idle,
and when holding a logged-in idle connection.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (IMAPD, MASTER, TOP, USER, PASSWORD, Sandbox, Tap, connect,  # noqa: E402
                       free_port, private_kb, wait_for, wait_port)

tap = Tap("master")


def services(imap, imaps, imap_opts="prefork=2 maxchild=4", imap_args="-U 3 -T 30",
             imaps_opts="prefork=1 maxchild=2"):
    return ("# test services\n"
            "imap  listen=127.0.0.1:%d %s args=\"%s\"\n"
            "imaps listen=127.0.0.1:%d %s args=\"-s\"\n" % (imap, imap_opts, imap_args, imaps,
                                                           imaps_opts))


def pool(sb):
    a, b = free_port(), free_port()
    m = sb.master(services(a, b))
    assert m.ready()
    assert m.settle(3), "expected 2 + 1 preforked children, have %r" % m.children()
    for pid in m.children():
        with open("/proc/%d/comm" % pid) as f:
            assert f.read().strip() == "imapd"
    # TLS service
    c = connect(b, tls=True)
    assert c.greeting().startswith("* OK [CAPABILITY IMAP4rev1")
    c.cmd("LOGOUT")
    # the master never serves: whoever logs the connect is a child
    c = connect(a)
    assert c.greeting().startswith("* OK")
    c.cmd("LOGOUT")
    time.sleep(0.2)
    pids = set(int(x) for x in re.findall(r"imapd\[(\d+)\]: info: connect from", sb.logtext()))
    assert pids and m.p.pid not in pids, (pids, m.p.pid)
    assert m.stop() == 0
    return True


def busy_children_replaced(sb):
    """A busy child is replaced so that prefork idle ones stay ready; the
    total never goes past maxchild."""
    a, b = free_port(), free_port()
    m = sb.master(services(a, b, imaps_opts="prefork=0 maxchild=1"))
    assert m.ready()
    assert m.settle(2), m.children()
    held = []
    c = connect(a)
    assert c.greeting().startswith("* OK")
    held.append(c)
    assert m.settle(3), "no replacement for the busy child: %r" % m.children()
    c = connect(a)
    assert c.greeting().startswith("* OK")
    held.append(c)
    assert m.settle(4), m.children()
    for _ in range(2):
        c = connect(a)
        held.append(c)
    # maxchild=4: four connections are served, the fifth waits
    time.sleep(0.5)
    assert len(m.children()) == 4, m.children()
    held[3].timeout = 5
    g = held[3].greeting()  # served by the 4th child
    assert g.startswith("* OK"), g
    c5 = connect(a, timeout=1)
    try:
        g5 = c5.greeting()
    except TimeoutError:
        g5 = None
    assert g5 is None, "a fifth client was served with maxchild=4: %r" % g5
    assert len(m.children()) == 4, m.children()
    # one leaves: the waiting client is served
    held[0].cmd("LOGOUT")
    c5.timeout = 5
    g5 = c5.greeting()
    assert g5 and g5.startswith("* OK"), g5
    assert len(m.children()) <= 4
    for c in held + [c5]:
        c.close()
    assert m.stop() == 0
    return True


def on_demand(sb):
    """prefork=0: no child until a client comes."""
    a, b = free_port(), free_port()
    m = sb.master(services(a, b, imap_opts="prefork=0 maxchild=2",
                            imaps_opts="prefork=0 maxchild=1"))
    assert m.ready()
    time.sleep(0.3)
    assert m.children() == [], m.children()
    c = connect(a)
    assert c.greeting().startswith("* OK")
    assert len(m.children()) == 1
    c.cmd("LOGOUT")
    assert m.stop() == 0
    return True


def uses_respawn(sb):
    """-U 2: a child leaves after two connections and is replaced."""
    a, b = free_port(), free_port()
    m = sb.master(services(a, b, imap_opts="prefork=1 maxchild=2", imap_args="-U 2",
                            imaps_opts="prefork=0 maxchild=1"))
    assert m.ready() and m.settle(1)
    first = m.children()[0]
    # Idle children race for each connection: go on until `first` had two.
    for _ in range(12):
        c = connect(a)
        assert c.greeting().startswith("* OK")
        c.cmd("LOGOUT")
        c.close()
        if wait_for(lambda: first not in m.children(), 0.3):
            break
    assert first not in m.children(), "child %d still there" % first
    served = len(re.findall(r"imapd\[%d\]: info: connect from" % first, sb.logtext()))
    assert served == 2, "child %d served %d connections" % (first, served)
    assert wait_for(lambda: 1 <= len(m.children()) <= 2), m.children()
    c = connect(a)
    assert c.greeting().startswith("* OK")
    c.cmd("LOGOUT")
    assert m.stop() == 0
    return True


def idle_respawn(sb):
    """-T 1: idle children leave after a second and are replaced."""
    a, b = free_port(), free_port()
    m = sb.master(services(a, b, imap_opts="prefork=1 maxchild=2", imap_args="-T 1",
                            imaps_opts="prefork=0 maxchild=1"))
    assert m.ready() and m.settle(1)
    first = m.children()[0]
    assert wait_for(lambda: first not in m.children() and len(m.children()) == 1, 4), m.children()
    assert m.stop() == 0
    return True


def login_respawn(sb):
    """A child whose session logged in (and was confined) is replaced."""
    a, b = free_port(), free_port()
    m = sb.master(services(a, b, imap_opts="prefork=1 maxchild=2",
                            imaps_opts="prefork=0 maxchild=1"))
    assert m.ready() and m.settle(1)
    c = connect(a)
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    c.cmd("LOGOUT")
    c.close()
    assert wait_for(lambda: len(m.children()) == 1), m.children()
    c = connect(a)
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    assert m.stop() == 0
    return True


def reload_hup(sb):
    a, b, d = free_port(), free_port(), free_port()
    m = sb.master(services(a, b))
    assert m.ready() and m.settle(3)
    old = set(m.children())
    held = connect(a)
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
    c = connect(d)
    assert c.greeting().startswith("* OK")
    c.cmd("LOGOUT")
    assert m.stop() == 0
    return True


def stop_term(sb):
    a, b = free_port(), free_port()
    m = sb.master(services(a, b))
    assert m.ready() and m.settle(3)
    kids = m.children()
    c = connect(a)
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
        c = connect(a)
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
        m = sb.master(text)
        assert m.ready()
        c = connect(b, tls=True)
        assert c.greeting().startswith("* OK")
        assert m.stop() == 0
    return True


def memory(sb):
    """Private memory of preforked children (idle; holding a logged-in idle
    connection).  Dovecot 2.3 costs about 490 kB per idle connection."""
    a, b = free_port(), free_port()
    m = sb.master(services(a, b, imap_opts="prefork=1 maxchild=3",
                            imaps_opts="prefork=1 maxchild=2"))
    assert m.ready() and m.settle(2)
    time.sleep(0.3)
    idle = [private_kb(pid) for pid in m.children()]
    c = connect(a)
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    c.cmd("NOOP")
    tls = connect(b, tls=True)
    tls.greeting()
    _, t = tls.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    time.sleep(0.2)
    served = {}
    for line in sb.logtext().splitlines():
        mm = re.search(r"imapd\[(\d+)\]: info: login: user=testuser method=LOGIN.*?( tls=)?", line)
        if mm:
            served[int(mm.group(1))] = "tls" if "tls=" in line else "plain"
    sizes = {kind: private_kb(pid) for pid, kind in served.items()}
    fmt = lambda d: "%d kB dirty + %d kB clean" % d  # noqa: E731
    tap.note("private memory (smaps_rollup): idle preforked child %s; child holding a "
             "logged-in idle connection: plain %s, TLS %s" %
             (" / ".join(fmt(x) for x in idle), fmt(sizes["plain"]), fmt(sizes["tls"])))
    c.close()
    tls.close()
    assert m.stop() == 0
    if os.environ.get("SANITIZE") == "1":
        return True
    assert max(d for d, _ in sizes.values()) < 490, sizes
    return True


def main():
    tests = [
        ("prefork pool per service; children, not the master, serve", pool),
        ("busy children are replaced; maxchild caps the total", busy_children_replaced),
        ("prefork=0 spawns when a client comes", on_demand),
        ("a child leaving after -U uses is replaced", uses_respawn),
        ("a child leaving after -T idle seconds is replaced", idle_respawn),
        ("a child that served a login is replaced", login_respawn),
        ("SIGHUP re-reads the services file; busy children finish", reload_hup),
        ("SIGTERM: BYE to clients, children and listeners gone", stop_term),
        ("services file errors name file and line", bad_services_file),
        ("-d detaches, -p writes and removes the pid file", detach_pidfile),
        ("private dirty memory per idle connection below 490 kB", memory),
    ]
    tap.need(IMAPD, MASTER, "saslpasswd2", "openssl")
    for name, fn in tests:
        tap.run(name, fn)
    tap.check("conf/imapd-master.conf works as shipped", example_services_file)
    tap.done()


if __name__ == "__main__":
    tap.main(main)

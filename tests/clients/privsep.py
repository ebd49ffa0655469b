#!/usr/bin/env python3
"""privsep.py - privilege separation and the login path of imapd-master.

- A client that has not logged in is held by a login process running as
  login_user, with no capabilities and no_new_privs, never by root.
- 30 silent connections no longer lock a real client out: they cost a
  login process a few kB each, not a process slot.
- login_max_ip_connections refuses the connection over the limit from one
  address; other addresses are served.
- login_max_failures closes a connection after N failed logins (also in
  imapd alone); login_max_ip_failures refuses an address after N failed
  logins within login_failure_window, and ends its waiting connections.
- maxlogins_per_user and mail_max_userip_connections answer NO
  [UNAVAILABLE] over the limit.
- With per-user uids (no mail_user), two users' sessions run under their
  own uids.
- TLS clients log in through the login process's relay; commands sent
  right behind LOGIN (pipelined) reach the session process.
- The rate of logins (connect, LOGIN, SELECT, FETCH, LOGOUT; 10 clients)
  is printed, not gated.

Needs root (it starts imapd-master, which switches users).
"""

import os
import pwd
import re
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (MASTER, TOP, USER, PASSWORD, Connection, Sandbox, Tap,  # noqa: E402
                       children_of, free_port, proc_status, wait_for)

tap = Tap("privsep")


class Master:
    def __init__(self, sb, services):
        self.sb = sb
        path = os.path.join(sb.dir, "services.conf")
        with open(path, "w") as f:
            f.write(services)
        self.p = sb.popen([MASTER, "-C", sb.conf, "-M", path], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
        assert wait_for(lambda: "started (pid %d)" % self.p.pid in sb.logtext(), 5), \
            sb.logtext()[-2000:]

    def children(self, comm=None):
        out = []
        for pid in children_of(self.p.pid):
            try:
                with open("/proc/%d/comm" % pid) as f:
                    c = f.read().strip()
            except OSError:
                continue
            if comm is None or c == comm:
                out.append(pid)
        return out

    def stop(self):
        if self.p.poll() is None:
            self.p.terminate()
        return self.p.wait(15)


def one_service(port, opts="prefork=1 maxchild=20", args=""):
    return "imap listen=127.0.0.1:%d %s args=\"%s\"\n" % (port, opts, args)


def connect_from(src, port, timeout=10):
    """A TCP connection from source address src (any of 127/8)."""
    s = socket.socket()
    s.settimeout(timeout)
    s.bind((src, 0))
    s.connect(("127.0.0.1", port))
    return s


def nobody():
    return pwd.getpwnam("nobody")


def prelogin_unprivileged(sb):
    """The process holding a client before login: login_user's uid, no
    capabilities, no_new_privs; not the master, not root."""
    port = free_port()
    m = Master(sb, one_service(port))
    c = Connection.tcp(port)
    assert c.greeting().startswith("* OK")
    logins = m.children("imapd-login")
    assert len(logins) == 1, m.children()
    pid = logins[0]
    assert "imapd-login[%d]: info: connect from" % pid in sb.logtext()
    nb = nobody()
    uid, gid = proc_status(pid, "Uid"), proc_status(pid, "Gid")
    assert uid == [str(nb.pw_uid)] * 4, uid
    assert gid == [str(nb.pw_gid)] * 4, gid
    for field in ("CapEff", "CapPrm", "CapInh", "CapBnd", "CapAmb"):
        assert proc_status(pid, field) == ["0000000000000000"], (field, proc_status(pid, field))
    assert proc_status(pid, "NoNewPrivs") == ["1"]
    # the master itself stays root and holds no client
    assert proc_status(m.p.pid, "Uid")[0] == "0"
    # it still authenticates (SASL works confined) and hands over
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    c.cmd("LOGOUT")
    assert m.stop() == 0
    return True


def silent_connections(sb):
    """30 silent clients (another address) do not lock out a real one."""
    port = free_port()
    sb.set(login_timeout="30", login_max_ip_connections="0")
    m = Master(sb, one_service(port, "prefork=1 maxchild=20"))
    silent = [connect_from("127.0.0.2", port) for _ in range(30)]
    time.sleep(0.5)
    start = time.time()
    c = Connection.tcp(port, timeout=5)
    g = c.greeting()
    assert g and g.startswith("* OK"), g
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    _, t = c.cmd("SELECT INBOX")
    assert " OK " in t, t
    c.cmd("LOGOUT")
    took = time.time() - start
    assert took < 3, took
    # every silent client got its greeting too: all 30 are held
    for s in silent:
        assert s.recv(4096).startswith(b"* OK")
    assert len(m.children("imapd-login")) == 1, m.children()
    for s in silent:
        s.close()
    assert m.stop() == 0
    return True


def ip_connection_limit(sb):
    """login_max_ip_connections: the connection over the limit gets BYE;
    another address is served; a freed slot is taken again."""
    port = free_port()
    sb.set(login_max_ip_connections="5")
    m = Master(sb, one_service(port))
    held = [connect_from("127.0.0.3", port) for _ in range(5)]
    for s in held:
        assert s.recv(4096).startswith(b"* OK")
    extra = connect_from("127.0.0.3", port)
    data = extra.recv(4096)
    assert data == b"* BYE Too many connections from your address\r\n", data
    assert extra.recv(4096) == b""
    c = Connection.tcp(port)
    assert c.greeting().startswith("* OK")
    held[0].close()
    ok = wait_for(lambda: connect_and_greet("127.0.0.3", port), 3)
    assert ok, "a freed slot was not taken again"
    assert "refused 127.0.0.3:" in sb.logtext()
    for s in held[1:]:
        s.close()
    assert m.stop() == 0
    return True


def connect_and_greet(src, port):
    s = connect_from(src, port)
    try:
        return s.recv(4096).startswith(b"* OK")
    finally:
        s.close()


def failure_limits(sb):
    """login_max_failures ends a connection; login_max_ip_failures refuses
    the address and ends its waiting connections; others are served."""
    port = free_port()
    sb.set(login_max_failures="2", login_max_ip_failures="3", login_failure_window="60")
    m = Master(sb, one_service(port))
    c1 = Connection.over_socket(connect_from("127.0.0.4", port))
    waiting = Connection.over_socket(connect_from("127.0.0.4", port))
    assert c1.greeting().startswith("* OK") and waiting.greeting().startswith("* OK")
    _, t = c1.cmd("LOGIN %s wrong1" % USER)
    assert t == "t1 NO [AUTHENTICATIONFAILED] Authentication failed", t
    _, t = c1.cmd("LOGIN %s wrong2" % USER)
    assert t == "t2 NO [AUTHENTICATIONFAILED] Authentication failed", t
    assert c1.lines_until_eof() == ["* BYE Too many failed logins"]
    c2 = Connection.over_socket(connect_from("127.0.0.4", port))
    assert c2.greeting().startswith("* OK")
    _, t = c2.cmd("LOGIN %s wrong3" % USER)
    assert t.startswith("t1 NO [AUTHENTICATIONFAILED]"), t
    # the third failure of the address: its connections are ended
    assert c2.lines_until_eof() == ["* BYE Too many failed logins from your address"]
    assert waiting.lines_until_eof() == ["* BYE Too many failed logins from your address"]
    s = connect_from("127.0.0.4", port)
    data = s.recv(4096)
    assert data.startswith(b"* BYE Too many failed logins from your address"), data
    s.close()
    # another address logs in
    c = Connection.tcp(port)
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    c.cmd("LOGOUT")
    assert "127.0.0.4: 3 failed logins within 60 s; refusing it for 60 s" in sb.logtext()
    assert m.stop() == 0
    return True


def failures_single_process(sb):
    """imapd alone (inetd): login_max_failures too."""
    sb.set(login_max_failures="3")
    p, c = sb.imapd_pipe()
    c.greeting()
    for i in range(3):
        _, t = c.cmd("LOGIN %s bad%d" % (USER, i))
        assert t.startswith("t%d NO [AUTHENTICATIONFAILED]" % (i + 1)), t
    assert c.lines_until_eof() == ["* BYE Too many failed logins"]
    assert p.wait(5) == 0
    return True


def session_limits(sb):
    """maxlogins_per_user and mail_max_userip_connections."""
    port = free_port()
    sb.set(maxlogins_per_user="2", mail_max_userip_connections="1")
    m = Master(sb, one_service(port))
    a = Connection.tcp(port)
    a.greeting()
    _, t = a.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    b = Connection.tcp(port)
    b.greeting()
    _, t = b.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert t == "t1 NO [UNAVAILABLE] Too many sessions of this user from your address", t
    c = Connection.over_socket(connect_from("127.0.0.5", port))
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    d = Connection.over_socket(connect_from("127.0.0.6", port))
    d.greeting()
    _, t = d.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert t == "t1 NO [UNAVAILABLE] Too many sessions of this user", t
    a.cmd("LOGOUT")
    assert a.lines_until_eof() == []
    # the refused client retries on the same connection
    def retry():
        _, t = b.cmd("LOGIN %s %s" % (USER, PASSWORD))
        return " OK " in t
    assert wait_for(retry, 3, 0.2), "b could not log in after a left"
    for x in (b, c, d):
        x.close()
    assert m.stop() == 0
    return True


def per_user_uids(sb):
    """No mail_user: each user's session process runs as that user."""
    users = [("nobody", "nobodypass"), ("daemon", "daemonpass")]
    for u, pw in users:
        sb.add_user(u, pw)
    os.makedirs(sb.mail)
    os.chmod(sb.mail, 0o1777)
    sb.set(mail_user=None)
    port = free_port()
    m = Master(sb, one_service(port))
    held = {}
    for u, pw in users:
        c = Connection.tcp(port)
        c.greeting()
        _, t = c.cmd("LOGIN %s %s" % (u, pw))
        assert " OK " in t, t
        _, t = c.cmd("SELECT INBOX")
        assert " OK " in t, t
        held[u] = c
    time.sleep(0.2)
    uids = {}
    for line in sb.logtext().splitlines():
        mm = re.search(r"imapd\[(\d+)\]: info: login: user=(\w+)", line)
        if mm:
            uids[mm.group(2)] = proc_status(int(mm.group(1)), "Uid")
    for u, _ in users:
        want = str(pwd.getpwnam(u).pw_uid)
        assert uids.get(u) == [want] * 4, (u, uids)
        assert os.stat(os.path.join(sb.mail, u)).st_uid == int(want)
    assert uids["nobody"] != uids["daemon"]
    for c in held.values():
        c.cmd("LOGOUT")
    assert m.stop() == 0
    return True


def tls_and_pipelining(sb):
    """imaps and STARTTLS logins go through the relay; commands sent in the
    same packet as LOGIN reach the session process, plain and TLS."""
    port, tport = free_port(), free_port()
    m = Master(sb, one_service(port) + "imaps listen=127.0.0.1:%d prefork=1 args=\"-s\"\n"
               % tport)
    for c in (Connection.tcp(port), Connection.tcp(tport, tls=True)):
        assert c.greeting().startswith("* OK")
        c.send("a LOGIN %s %s\r\nb SELECT INBOX\r\nc NOOP\r\n" % (USER, PASSWORD))
        lines = []
        while not (lines and lines[-1].startswith("c ")):
            line = c.read_line()
            assert line is not None, lines
            lines.append(line)
        assert lines[0].startswith("a OK [CAPABILITY IMAP4rev1"), lines
        assert any(x.startswith("b OK [READ-WRITE]") for x in lines), lines
        assert lines[-1] == "c OK NOOP completed", lines
        _, t = c.cmd("LOGOUT")
        assert t.endswith("OK LOGOUT completed"), t
    c = Connection.tcp(port)
    c.greeting()
    _, t = c.cmd("STARTTLS")
    import ssl
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    s = ctx.wrap_socket(c.sock)
    c = Connection.over_socket(s)
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    _, t = c.cmd("CAPABILITY")
    assert t.endswith("OK CAPABILITY completed"), t
    c.cmd("LOGOUT")
    text = sb.logtext()
    assert re.search(r"imapd\[\d+\]: info: login: user=testuser method=LOGIN from 127\.0\.0\.1:"
                     r"\d+ tls=TLSv1", text), text[-3000:]
    assert m.stop() == 0
    return True


def write_msg(box, name, subject):
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(box, d), exist_ok=True)
    with open(os.path.join(box, "cur", name), "w") as f:
        f.write("From: a@example.org\r\nSubject: %s\r\n\r\nsecret body\r\n" % subject)


def symlink_out_of_root(sb):
    """sandbox: no, mail_namespace: no, one uid for all users: a folder,
    or a folder's cur/, that is a symlink into another user's maildir is
    not read (the store's openat2 wall alone)."""
    sb.set(sandbox="no", mail_namespace="no")
    mine = os.path.join(sb.mail, USER)
    other = os.path.join(sb.mail, "otheruser")
    write_msg(mine, "1.M1.test:2,S", "mine")
    write_msg(other, "2.M2.test:2,S", "theirs")
    # a folder that is a symlink to the other user's INBOX (relative)
    os.symlink("../otheruser", os.path.join(mine, ".Stolen"))
    # a real folder whose cur/ points into the other user's maildir
    evil = os.path.join(mine, ".Evil")
    for d in ("new", "tmp"):
        os.makedirs(os.path.join(evil, d))
    os.symlink(os.path.join(other, "cur"), os.path.join(evil, "cur"))
    def files(root):
        return sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs)
    theirs = files(other)
    p, c = sb.imapd_pipe()
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    for box in ("Stolen", "Evil"):
        u, t = c.cmd("SELECT %s" % box)
        leaked = [x for x in u if re.match(r"\* [1-9]\d* EXISTS", x)]
        assert not leaked, (box, u, t)
        _, t2 = c.cmd("FETCH 1 BODY[]")
        assert "secret" not in t2, t2
    u, t = c.cmd("SELECT INBOX")
    assert "* 1 EXISTS" in u, u
    c.cmd("LOGOUT")
    assert files(other) == theirs, "files written in the other maildir: %r" % (
        sorted(set(files(other)) - set(theirs)))
    p.wait(5)
    assert "leads out of the mail root" in sb.logtext(), sb.logtext()[-2000:]
    return True


def login_setup_fails(sb):
    """A login_user that cannot reach configdirectory/msg: the login
    processes cannot start, and the master says so and stops (status 1)
    instead of starting one after another."""
    closed = os.path.join(sb.dir, "closed")
    os.makedirs(os.path.join(closed, "config", "msg"))
    os.chmod(closed, 0o700)
    sb.set(configdirectory=os.path.join(closed, "config"))
    path = os.path.join(sb.dir, "services.conf")
    with open(path, "w") as f:
        f.write(one_service(free_port()))
    p = sb.popen([MASTER, "-C", sb.conf, "-M", path], stdout=subprocess.DEVNULL,
                 stderr=subprocess.DEVNULL)
    try:
        rc = p.wait(15)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        raise AssertionError("the master kept going: " + sb.logtext()[-1500:])
    assert rc == 1, rc
    log = sb.logtext()
    assert "login processes cannot start as" in log, log[-1500:]
    assert log.count("cannot drop privileges") <= 4, log[-1500:]
    return True


def logged_in(sb):
    """A master on a free port and a client logged in through it."""
    port = free_port()
    m = Master(sb, one_service(port))
    c = Connection.tcp(port)
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    return m, c


def mail_namespace(sb):
    """A session process sees its own mail root and not another user's:
    a mount namespace and chroot per session (the second wall)."""
    mine = os.path.join(sb.mail, USER)
    other = os.path.join(sb.mail, "otheruser")
    write_msg(mine, "1.M1.test:2,S", "mine")
    write_msg(other, "2.M2.test:2,S", "theirs")
    m, c = logged_in(sb)
    u, t = c.cmd("SELECT INBOX")
    assert "* 1 EXISTS" in u, u
    _, t = c.cmd("FETCH 1 BODY[HEADER.FIELDS (SUBJECT)]")
    sess = m.children("imapd")
    assert len(sess) == 1, m.children()
    view = "/proc/%d/root" % sess[0]
    assert os.path.isdir(view + mine), view + mine
    assert not os.path.exists(view + other), "another user's maildir is in the view"
    assert not os.path.exists(view + sb.conf), "the configuration is in the view"
    assert os.path.isdir(view + "/usr/lib")
    assert os.readlink(view) != "/", os.readlink(view)
    # /usr is there read-only
    with open("/proc/%d/mountinfo" % sess[0]) as f:
        usr = [line.split() for line in f if line.split()[4] == "/usr"]
    assert usr and usr[0][5].startswith("ro"), usr
    c.cmd("LOGOUT")
    assert m.stop() == 0
    return True


def mail_namespace_first_login(sb):
    """The first login of an account whose mail root does not exist yet:
    the root is made (owned as the session would make it) and the session
    gets its own view all the same (it had none before: the view was
    built around an existing root only)."""
    mine = os.path.join(sb.mail, USER)
    other = os.path.join(sb.mail, "otheruser")
    write_msg(other, "2.M2.test:2,S", "theirs")
    assert not os.path.exists(mine)
    m, c = logged_in(sb)
    u, t = c.cmd("SELECT INBOX")
    assert "* 0 EXISTS" in u and " OK " in t, (u, t)
    sess = m.children("imapd")
    assert len(sess) == 1, m.children()
    view = "/proc/%d/root" % sess[0]
    assert os.readlink(view) != "/", "the first session has no view of its own"
    assert os.path.isdir(view + mine + "/cur"), view + mine
    assert not os.path.exists(view + other), "another user's maildir is in the view"
    st = os.stat(mine)
    ids = os.stat("/proc/%d" % sess[0])
    assert (st.st_uid, st.st_gid) == (ids.st_uid, ids.st_gid), \
        "mail root owned by %d:%d, the session runs as %d:%d" % (st.st_uid, st.st_gid,
                                                                 ids.st_uid, ids.st_gid)
    c.cmd("LOGOUT")
    assert m.stop() == 0
    assert "does not exist yet" not in sb.logtext(), sb.logtext()[-1500:]
    return True


def login_rate(sb):
    """logins/s through imapd-master, 10 clients, 3 s (printed, not gated)."""
    exe = os.path.join(sb.dir, "loginload")
    subprocess.run(["cc", "-O2", "-o", exe, os.path.join(TOP, "tools/bench/loginload.c")],
                   check=True)
    port = free_port()
    inbox = os.path.join(sb.mail, USER)
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(inbox, d))
    with open(os.path.join(inbox, "cur", "1.M1.test:2,S"), "w") as f:
        f.write("From: a@example.org\r\nSubject: one\r\n\r\nbody\r\n")
    sb.set(login_max_ip_connections="0", mail_max_userip_connections="0")
    m = Master(sb, one_service(port, "prefork=2 maxchild=100"))
    out = subprocess.run([exe, "-p", str(port), "-c", "10", "-t", "3", "-u", USER, "-w",
                          PASSWORD], capture_output=True, text=True, timeout=60)
    kv = dict(w.split("=", 1) for w in out.stdout.split())
    tap.note("logins/s through imapd-master (10 clients; LOGIN, SELECT, FETCH, LOGOUT): %s "
             "(%s rounds, %s failed; load generator used %s of a core)"
             % (kv.get("rate"), kv.get("logins"), kv.get("errors"), kv.get("cpu")))
    assert kv and int(kv["logins"]) > 0 and int(kv["errors"]) == 0, (out.stdout,
                                                                      out.stderr[-500:])
    assert m.stop() == 0
    return True


def main():
    tests = [
        ("a client before login is held by an unprivileged login process", prelogin_unprivileged),
        ("30 silent connections do not lock out a real client", silent_connections),
        ("login_max_ip_connections refuses the connection over the limit", ip_connection_limit),
        ("login_max_failures and login_max_ip_failures", failure_limits),
        ("login_max_failures in imapd alone", failures_single_process),
        ("maxlogins_per_user and mail_max_userip_connections", session_limits),
        ("per-user uids: two users' sessions under their own uids", per_user_uids),
        ("TLS relay and pipelined commands after LOGIN", tls_and_pipelining),
        ("a symlink out of the mail root is refused with sandbox: no", symlink_out_of_root),
        ("mail_namespace: a session sees its own mail root only", mail_namespace),
        ("mail_namespace: the first login of a new account gets its view too",
         mail_namespace_first_login),
        ("a login_user that cannot reach configdirectory stops the master", login_setup_fails),
        ("logins per second (printed)", login_rate),
    ]
    for name, fn in tests:
        if os.getuid() != 0:
            tap.skip(name, "needs root")
            continue
        with Sandbox() as sb:
            tap.check(name, lambda: fn(sb))
    tap.done()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""launch_modes.py - every way imapd is started (man/imapd.8), and its options.

stdin/stdout (pipe, socketpair, inetd nowait with conf/inetd.conf's and
conf/xinetd.d/imap's arguments), a listening socket on fd 0 (inetd wait:
-U, -T, -T 0), systemd socket activation (fd 3 listening, Accept=no; fd 3
connected, Accept=yes; the real systemd-socket-activate tool with
conf/systemd/imapd@.service's command), rimapd, -D, -C, config errors.
"""

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (IMAPD, TOP, USER, PASSWORD, Connection, Tap, connect,  # noqa: E402
                       free_port, me, no_verify_context, wait_port)

tap = Tap("launch")


def login_logout(c):
    g = c.greeting()
    assert g and g.startswith("* OK "), g
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert t and " OK " in t, t
    _, t = c.cmd("LOGOUT")
    assert t and " OK " in t, t
    return True


def pipe_mode(sb):
    p, c = sb.imapd_pipe()
    g = c.greeting()
    assert g.startswith("* OK [CAPABILITY IMAP4rev1"), g
    u, t = c.cmd("CAPABILITY")
    assert t.endswith("OK CAPABILITY completed"), t
    c.cmd("LOGOUT")
    assert p.wait(5) == 0
    return True


def socketpair_mode(sb):
    p, c = sb.imapd_socketpair()
    assert login_logout(c)
    assert p.wait(5) == 0
    c.close()
    return True


def conf_args(path, pattern):
    """The imapd arguments in one of conf/'s example files."""
    with open(os.path.join(TOP, path)) as f:
        text = f.read()
    m = re.search(pattern, text, re.M)
    assert m, "no match for %r in %s" % (pattern, path)
    args = shlex.split(m.group(1))
    # Point the example's -C at the sandbox's file.
    out = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-C":
            skip = True
            continue
        out.append(a)
    return out


def inetd_conf_nowait(sb):
    args = conf_args("conf/inetd.conf", r"^imap\s+stream\s+tcp\s+nowait\s+\S+\s+\S+\s+imapd(.*)$")
    p, c = sb.imapd_inetd(*args)
    assert login_logout(c)
    assert p.wait(5) == 0
    return True


def inetd_conf_imaps(sb):
    args = conf_args("conf/inetd.conf", r"^imaps\s+stream\s+tcp\s+nowait\s+\S+\s+\S+\s+imapd(.*)$")
    assert "-s" in args, args
    p, c = sb.imapd_inetd(*args)
    c.tls_handshake(no_verify_context())
    assert login_logout(c)
    assert p.wait(5) == 0
    return True


def xinetd_conf(sb):
    args = conf_args("conf/xinetd.d/imap", r"^\s*server_args\s*=(.*)$")
    p, c = sb.imapd_inetd(*args)
    assert login_logout(c)
    assert p.wait(5) == 0
    return True


def inetd_wait_uses(sb):
    """-U 2: two connections, then exit.  With no identity switch and no
    sandbox, a logged-in connection counts like any other."""
    sb.set(sandbox="no")
    srv = sb.imapd_listener("-U", "2", "-T", "30")
    for _ in range(2):
        c = srv.connect()
        assert login_logout(c)
        c.close()
    assert srv.proc.wait(5) == 0, "imapd did not exit after -U 2 connections"
    return True


def inetd_wait_uses_anonymous(sb):
    """-U counts connections that never log in too."""
    srv = sb.imapd_listener("-U", "3", "-T", "30")
    for i in range(3):
        assert srv.proc.poll() is None, "exited after %d connections" % i
        c = srv.connect()
        assert c.greeting().startswith("* OK")
        c.cmd("LOGOUT")
        c.close()
    assert srv.proc.wait(5) == 0, "imapd did not exit after -U 3 connections"
    return True


def inetd_wait_login_ends_confined(sb):
    """A process confined to one user's mail root (sandbox: yes) serves
    nobody after that user: it exits when the session ends."""
    srv = sb.imapd_listener("-U", "5", "-T", "30")
    c = srv.connect()
    assert login_logout(c)
    assert srv.proc.wait(5) == 0, "a confined imapd went on accepting"
    return True


def inetd_wait_default_uses(sb):
    """Default -U is 250: after 3 connections imapd still listens."""
    srv = sb.imapd_listener("-T", "30")
    for _ in range(3):
        c = srv.connect()
        g = c.greeting()
        assert g.startswith("* OK"), g
        c.cmd("LOGOUT")
        c.close()
    time.sleep(0.2)
    assert srv.proc.poll() is None, "imapd exited early"
    srv.proc.terminate()
    assert srv.proc.wait(5) == 0
    return True


def inetd_wait_timeout(sb):
    p = sb.imapd_listener("-T", "1").proc
    t0 = time.time()
    rc = p.wait(5)
    took = time.time() - t0
    assert rc == 0 and 0.8 <= took < 3, "exit %r after %.1f s" % (rc, took)
    return True


def inetd_wait_timeout_zero(sb):
    srv = sb.imapd_listener("-T", "0", "-U", "0")
    time.sleep(1.5)
    assert srv.proc.poll() is None, "imapd -T 0 exited while idle"
    c = srv.connect()
    assert c.greeting().startswith("* OK")
    c.cmd("LOGOUT")
    srv.proc.terminate()
    assert srv.proc.wait(5) == 0
    return True


def on_fd3(sock):
    """A sh command line that moves `sock` to fd 3 and sets LISTEN_PID to
    its own pid, which exec keeps for imapd; and the fd to pass."""
    high = os.dup2(sock.fileno(), 9, inheritable=True)  # dash: fds 0-9
    return 'exec 3<&%d %d<&-; LISTEN_PID=$$ LISTEN_FDS=1 exec "$0" "$@"' % (high, high), high


def systemd_listening(sb):
    """Accept=no: the listening socket is fd 3, LISTEN_PID our pid."""
    sb.set(sandbox="no")
    port = free_port()
    ls = socket.socket()
    ls.bind(("127.0.0.1", port))
    ls.listen(8)
    cmd, fd = on_fd3(ls)
    p = sb.popen(["sh", "-c", cmd, IMAPD, "-C", sb.conf, "-U", "2", "-T", "30"],
                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, pass_fds=[fd])
    os.close(fd)
    ls.close()
    for _ in range(2):
        c = connect(port)
        assert login_logout(c)
        c.close()
    assert p.wait(5) == 0
    return True


def systemd_wrong_pid(sb):
    """LISTEN_PID of another process: fd 3 is not ours; stdin is served."""
    env = dict(sb.env)
    env["LISTEN_PID"] = "1"
    env["LISTEN_FDS"] = "1"
    p = sb.popen([IMAPD, "-C", sb.conf], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    c = Connection.over_pipe(p)
    assert c.greeting().startswith("* OK")
    c.cmd("LOGOUT")
    assert p.wait(5) == 0
    return True


def systemd_accept_yes(sb):
    """Accept=yes with the real systemd-socket-activate and the command
    line of conf/systemd/imapd@.service."""
    tool = shutil.which("systemd-socket-activate")
    with open(os.path.join(TOP, "conf/systemd/imapd@.service")) as f:
        m = re.search(r"^ExecStart=\S+(.*)$", f.read(), re.M)
    args = [a for a in shlex.split(m.group(1))]
    i = args.index("-C")
    args[i + 1] = sb.conf
    with open(os.path.join(TOP, "conf/systemd/imapd.socket")) as f:
        assert re.search(r"^Accept=yes$", f.read(), re.M)
    port = free_port()
    p = sb.popen([tool, "-l", "127.0.0.1:%d" % port, "--accept", IMAPD] + args,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_port(port)
    for _ in range(2):
        c = connect(port)
        assert login_logout(c)
        c.close()
    p.terminate()
    p.wait(5)
    return True


def systemd_accept_yes_emulated(sb):
    """Accept=yes without the tool: fd 3 is one connected socket."""
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(1)
    client = socket.create_connection(ls.getsockname(), timeout=10)
    conn, _ = ls.accept()
    ls.close()
    cmd, fd = on_fd3(conn)
    p = sb.popen(["sh", "-c", cmd, IMAPD, "-C", sb.conf], stdin=subprocess.DEVNULL,
                 stdout=subprocess.DEVNULL, pass_fds=[fd])
    os.close(fd)
    conn.close()
    c = Connection.over_socket(client)
    assert login_logout(c)
    assert p.wait(5) == 0
    return True


def rimapd(sb):
    """Invoked as rimapd: PREAUTH as the Unix user running it."""
    p, c = sb.imapd_pipe(rimapd=True)
    g = c.greeting()
    assert g.startswith("* PREAUTH [CAPABILITY IMAP4rev1") and g.endswith("logged in as %s" % me()), g
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " BAD " in t, t  # already authenticated
    c.cmd("LOGOUT")
    assert p.wait(5) == 0
    assert os.path.isdir(os.path.join(sb.mail, me())), "mail root of %s not created" % me()
    assert "login: user=%s method=preauth" % me() in sb.logtext()
    return True


def rimapd_home(sb):
    """%h in mail_location is the home directory of the user running
    rimapd: the mail root is created there (and removed again here)."""
    import pwd
    pw = pwd.getpwuid(os.getuid())
    name = ".imapd-test-%d" % os.getpid()
    top = os.path.join(pw.pw_dir, name)
    assert not os.path.exists(top)
    sb.set(mail_location="%%h/%s/Maildir" % name)
    try:
        p, c = sb.imapd_pipe(rimapd=True)
        g = c.greeting()
        c.cmd("LOGOUT")
        p.wait(5)
        assert g.startswith("* PREAUTH"), g
        assert os.path.isdir(os.path.join(top, "Maildir")), "no %s/Maildir" % top
    finally:
        shutil.rmtree(top, ignore_errors=True)
    return True


def debug_option(sb):
    out = os.path.join(sb.dir, "debugger-ran")
    sb.set(debug_command="echo %%s %%d > %s" % out)
    p, c = sb.imapd_pipe("-D")
    assert c.greeting().startswith("* OK"), "imapd did not go on after the debugger"
    c.cmd("LOGOUT")
    assert p.wait(5) == 0
    with open(out) as f:
        prog, pid = f.read().split()
    assert os.path.realpath(prog) == os.path.realpath(IMAPD), prog
    assert int(pid) == p.pid, (pid, p.pid)
    return True


def config_option(sb):
    """-C names the file; a missing -C file is an error; without -C the
    default /etc/imapd.conf is what imapd reads."""
    p = sb.popen([IMAPD, "-C", os.path.join(sb.dir, "missing.conf")], stdin=subprocess.PIPE,
                 stdout=subprocess.PIPE)
    out, _ = p.communicate(timeout=5)
    assert p.returncode == 75, p.returncode
    assert "missing.conf" in sb.logtext()
    if not os.path.exists("/etc/imapd.conf"):
        p = sb.popen([IMAPD], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        out, _ = p.communicate(b"a LOGOUT\r\n", timeout=5)
        assert b"a OK" in out, out
        assert "no configuration file at /etc/imapd.conf" in sb.logtext(), sb.logtext()
    return True


def config_errors(sb):
    sb.write_conf("no_such_key: 1\ntimeout: 5\nallowplaintext: maybe\nnot a key value line\n")
    base = len(sb.settings)
    p, c = sb.imapd_pipe()
    assert c.greeting().startswith("* OK")
    c.cmd("LOGOUT")
    p.wait(5)
    log = sb.logtext()
    want = ["%s:%d: unknown key \"no_such_key\"" % (sb.conf, base + 1),
            "%s:%d: timeout: value out of range" % (sb.conf, base + 2),
            "%s:%d: allowplaintext: expected yes or no" % (sb.conf, base + 3),
            "%s:%d: expected \"key: value\"" % (sb.conf, base + 4)]
    for w in want:
        assert w in log, "missing %r in\n%s" % (w, log)
    return True


def bad_option(sb):
    p = sb.popen([IMAPD, "-U", "x"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                 stderr=subprocess.PIPE)
    _, err = p.communicate(timeout=5)
    assert p.returncode == 64 and b"usage: imapd" in err, (p.returncode, err)
    return True


def connect_logged(sb):
    srv = sb.imapd_listener("-U", "1")
    c = srv.connect()
    login_logout(c)
    srv.proc.wait(5)
    log = sb.logtext()
    assert re.search(r"connect from 127\.0\.0\.1:\d+", log), log
    assert "login: user=testuser method=LOGIN from 127.0.0.1:" in log, log
    return True


def main():
    tests = [
        ("stdin/stdout is a pipe", pipe_mode),
        ("stdin/stdout is a socketpair", socketpair_mode),
        ("inetd nowait with conf/inetd.conf's imap arguments", inetd_conf_nowait),
        ("inetd nowait with conf/inetd.conf's imaps arguments (-s)", inetd_conf_imaps),
        ("xinetd with conf/xinetd.d/imap's server_args", xinetd_conf),
        ("inetd wait: exits after -U 2 connections", inetd_wait_uses),
        ("inetd wait: -U counts connections without login", inetd_wait_uses_anonymous),
        ("inetd wait: a confined session is the process's last", inetd_wait_login_ends_confined),
        ("inetd wait: default -U serves more than 3", inetd_wait_default_uses),
        ("inetd wait: exits after -T 1 idle second", inetd_wait_timeout),
        ("inetd wait: -T 0 never times out", inetd_wait_timeout_zero),
        ("systemd Accept=no: listener on fd 3, LISTEN_PID/LISTEN_FDS", systemd_listening),
        ("systemd variables for another pid are ignored", systemd_wrong_pid),
        ("systemd Accept=yes: connection on fd 3", systemd_accept_yes_emulated),
        ("rimapd: PREAUTH as the Unix user", rimapd),
        ("rimapd: mail under the user's home (%h)", rimapd_home),
        ("-D runs debug_command with program and pid, then serves", debug_option),
        ("-C: file used, missing file fatal, default /etc/imapd.conf", config_option),
        ("imapd.conf errors are reported with file and line", config_errors),
        ("a bad option prints the usage", bad_option),
        ("connects and logins are logged", connect_logged),
    ]
    tap.need(IMAPD, "saslpasswd2", "openssl")
    for name, fn in tests:
        tap.run(name, fn)
    what = "systemd-socket-activate --accept with conf/systemd/imapd@.service"
    gone = tap.missing("systemd-socket-activate")
    if gone:
        tap.ok(False, what, "not installed: " + gone[0])
    else:
        tap.run(what, systemd_accept_yes)
    tap.done()


if __name__ == "__main__":
    tap.main(main)

#!/usr/bin/env python3
"""admin_files.py - files under configdirectory and logging (imapd.conf(5)).

msg/shutdown (new connections and running sessions), msg/motd, the
protocol log log/<user>/<pid> (Cyrus layout, secrets masked), syslog
facility mail, and the autologout timer's floor of 30 minutes.
"""

import base64
import os
import re
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from launchlib import USER, PASSWORD, Client, Sandbox, Tap  # noqa: E402

tap = Tap("admin")


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def shutdown_new_connection(sb):
    write(os.path.join(sb.configdir, "msg", "shutdown"), "Down for maintenance until 18:00\nsecond line\n")
    p, c = sb.imapd_pipe()
    lines = c.lines_until_eof()
    assert lines == ["* BYE Down for maintenance until 18:00"], lines
    assert p.wait(5) == 0
    return True


def shutdown_running_session(sb):
    p, c = sb.imapd_pipe()
    assert c.greeting().startswith("* OK")
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    _, t = c.cmd("NOOP")
    assert t.endswith("OK NOOP completed"), t
    write(os.path.join(sb.configdir, "msg", "shutdown"), "Going down now\n")
    c.send("t9 NOOP\r\n")
    lines = c.lines_until_eof()
    assert lines == ["* BYE Going down now"], lines
    assert p.wait(5) == 0
    return True


def motd(sb):
    write(os.path.join(sb.configdir, "msg", "motd"), "Welcome to the test server\nmore\n")
    p, c = sb.imapd_pipe()
    assert c.greeting().startswith("* OK [CAPABILITY")
    assert c.line() == "* OK [ALERT] Welcome to the test server"
    _, t = c.cmd("NOOP")
    assert t.endswith("OK NOOP completed"), t
    c.cmd("LOGOUT")
    p.wait(5)
    return True


def telemetry_login(sb):
    os.makedirs(os.path.join(sb.configdir, "log", USER))
    p, c = sb.imapd_pipe()
    c.greeting()
    c.cmd("NOOP")  # before login: not in the log
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    c.cmd("CAPABILITY")
    c.cmd("LOGOUT")
    p.wait(5)
    path = os.path.join(sb.configdir, "log", USER, str(p.pid))
    with open(path, "rb") as f:
        text = f.read().decode()
    lines = text.split("\n")
    assert re.fullmatch(r"---------- testuser \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}", lines[0]), lines[0]
    body = "\n".join(lines[1:])
    assert PASSWORD not in text, text
    assert re.search(r"^<\d+<t2 LOGIN testuser \*\*\*\r$", body, re.M), body
    assert re.search(r"^>\d+>t2 OK \[CAPABILITY IMAP4rev1[^\]]*\] LOGIN completed\r$", body, re.M), body
    assert re.search(r"^<\d+<t3 CAPABILITY\r$", body, re.M), body
    assert re.search(r"^>\d+>\* CAPABILITY IMAP4rev1", body, re.M), body
    assert re.search(r"^<\d+<t4 LOGOUT\r$", body, re.M), body
    assert re.search(r"^>\d+>\* BYE ", body, re.M), body
    assert "t1 NOOP" not in text, text
    stamps = [int(x) for x in re.findall(r"^[<>](\d+)[<>]", body, re.M)]
    assert stamps and all(abs(s - time.time()) < 60 for s in stamps), stamps
    return True


def telemetry_authenticate(sb):
    """SASL responses are masked; a failed attempt leaves nothing."""
    os.makedirs(os.path.join(sb.configdir, "log", USER))
    p, c = sb.imapd_pipe("-p", "256")
    c.greeting()
    bad = base64.b64encode(b"\0testuser\0wrongpassword").decode()
    _, t = c.cmd("AUTHENTICATE PLAIN " + bad)
    assert " NO " in t, t
    good = base64.b64encode(b"\0testuser\0" + PASSWORD.encode()).decode()
    c.send("a AUTHENTICATE PLAIN\r\n")
    assert c.line().startswith("+")
    c.send(good + "\r\n")
    l = c.line()
    assert l.startswith("a OK [CAPABILITY"), l
    c.cmd("LOGOUT")
    p.wait(5)
    with open(os.path.join(sb.configdir, "log", USER, str(p.pid)), newline="") as f:
        text = f.read()
    for secret in (PASSWORD, good, bad, "wrongpassword"):
        assert secret not in text, (secret, text)
    assert re.search(r"^<\d+<a AUTHENTICATE PLAIN\r$", text, re.M), text
    assert re.search(r"^>\d+>\+ \*\*\*\r$", text, re.M), text
    assert re.search(r"^<\d+<\*\*\*\r$", text, re.M), text
    assert "t1 AUTHENTICATE" not in text, text
    return True


def telemetry_off(sb):
    """No log/<user>/ directory: no protocol log."""
    p, c = sb.imapd_pipe()
    c.greeting()
    c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    c.cmd("LOGOUT")
    p.wait(5)
    assert os.listdir(os.path.join(sb.configdir, "log")) == []
    return True


def syslog_mail(sb):
    """Without IMAPD_LOG_FILE, messages go to syslog, facility mail."""
    path = os.path.join(sb.dir, "log.sock")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.bind(path)
    s.settimeout(0.5)
    sb.env.pop("IMAPD_LOG_FILE")
    sb.env["IMAPD_SYSLOG_SOCKET"] = path
    p, c = sb.imapd_pipe()
    c.greeting()
    c.cmd("LOGIN %s wrong" % USER)
    c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    c.cmd("LOGOUT")
    p.wait(5)
    got = []
    while True:
        try:
            got.append(s.recv(4096).decode())
        except socket.timeout:
            break
    s.close()
    text = "\n".join(got)
    # <PRI> = facility mail (2) * 8 + severity: info 6 -> 22, notice 5 -> 21
    assert re.search(r"^<22>\w{3} [ \d]\d \d\d:\d\d:\d\d imapd\[%d\]: info: connect from" % p.pid,
                     text, re.M), text
    assert re.search(r"^<21>.*login failed: user=testuser method=LOGIN", text, re.M), text
    assert re.search(r"^<22>.*login: user=testuser method=LOGIN", text, re.M), text
    return True


def log_escapes_controls(sb):
    """Control characters of a user name reach no log raw: the log file,
    syslog and the protocol log's header get \\xHH."""
    hostile = b"bob\x1b[2J\x07"
    sb.add_user("esc\x07user", "pw")
    os.makedirs(os.path.join(sb.configdir, "log", "esc\x07user"))
    path = os.path.join(sb.dir, "log.sock")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.bind(path)
    s.settimeout(0.5)
    for where in ("file", "syslog"):
        if where == "syslog":
            sb.env.pop("IMAPD_LOG_FILE")
            sb.env["IMAPD_SYSLOG_SOCKET"] = path
        p, c = sb.imapd_pipe()
        c.greeting()
        c.send(b"a LOGIN {%d}\r\n" % len(hostile))
        assert c.line().startswith("+")
        c.send(hostile + b" wrong\r\n")
        l = c.line()
        assert l.startswith("a NO "), l
        c.send(b"b LOGIN {8}\r\n")
        assert c.line().startswith("+")
        c.send(b"esc\x07user pw\r\n")
        l = c.line()
        assert l.startswith("b NO [UNAVAILABLE]"), l
        c.cmd("LOGOUT")
        p.wait(5)
        if where == "file":
            with open(sb.log, "rb") as f:
                text = f.read()
        else:
            got = []
            while True:
                try:
                    got.append(s.recv(4096))
                except socket.timeout:
                    break
            text = b"\n".join(got)
        assert b"\x1b" not in text and b"\x07" not in text, text
        assert b"login failed: user=bob\\x1b[2J\\x07 method=LOGIN" in text, text
        assert b"login of esc\\x07user by LOGIN refused" in text, text
    s.close()
    logdir = os.path.join(sb.configdir, "log", "esc\x07user")
    for name in os.listdir(logdir):
        with open(os.path.join(logdir, name), "rb") as f:
            header = f.readline()
        assert header.startswith(b"---------- esc\\x07user "), header
    assert os.listdir(logdir), "no protocol log"
    return True


def timeout_floor(sb):
    """timeout is in minutes and at least 30 (RFC 2060 §5.4)."""
    sb.write_conf("timeout: 29\n")
    p, c = sb.imapd_pipe()
    c.greeting()
    c.cmd("LOGOUT")
    p.wait(5)
    assert re.search(r"imapd\.conf:\d+: timeout: value out of range", sb.logtext()), sb.logtext()
    return True


def main():
    tests = [
        ("msg/shutdown: a new connection gets BYE <first line>", shutdown_new_connection),
        ("msg/shutdown: a running session ends before its next command", shutdown_running_session),
        ("msg/motd: ALERT after the greeting", motd),
        ("log/<user>/<pid>: Cyrus layout, password masked", telemetry_login),
        ("log/<user>/<pid>: SASL responses masked, failures not logged", telemetry_authenticate),
        ("no log/<user>/: no protocol log", telemetry_off),
        ("syslog facility mail: connects, logins, failures", syslog_mail),
        ("timeout below 30 minutes is refused", timeout_floor),
        ("control characters of a user name are escaped in every log", log_escapes_controls),
    ]
    for name, fn in tests:
        with Sandbox() as sb:
            tap.check(name, lambda: fn(sb))
    tap.done()


if __name__ == "__main__":
    main()

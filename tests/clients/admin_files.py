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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, USER, PASSWORD, Tap  # noqa: E402

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
    assert c.read_line() == "* OK [ALERT] Welcome to the test server"
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
    assert c.read_line().startswith("+")
    c.send(good + "\r\n")
    l = c.read_line()
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


def telemetry_pipelined(sb):
    """Commands sent in the same packet as LOGIN are in the log: they were
    already buffered when the log started."""
    os.makedirs(os.path.join(sb.configdir, "log", USER))
    p, c = sb.imapd_pipe()
    c.greeting()
    c.send("t1 LOGIN %s %s\r\nt2 NOOP\r\nt3 SELECT INBOX\r\nt4 LOGOUT\r\n" % (USER, PASSWORD))
    lines = c.lines_until_eof()
    assert lines[-1].startswith("t4 OK"), lines
    p.wait(5)
    with open(os.path.join(sb.configdir, "log", USER, str(p.pid)), newline="") as f:
        text = f.read()
    assert PASSWORD not in text, text
    for want in (r"t1 LOGIN testuser \*\*\*", "t2 NOOP", "t3 SELECT INBOX", "t4 LOGOUT"):
        assert re.search(r"^<\d+<%s\r$" % want, text, re.M), (want, text)
    for want in ("t2 OK NOOP", r"t3 OK \[READ-WRITE\]", "t4 OK LOGOUT"):
        assert re.search(r"^>\d+>%s" % want, text, re.M), (want, text)
    return True


def tagged(c, tag):
    """The tagged response for tag, skipping untagged lines."""
    while True:
        l = c.read_line()
        if l is None or l.startswith(tag + " "):
            return l


def telemetry_secrets_after_login(sb):
    """LOGIN and AUTHENTICATE sent after login (refused) are logged with
    their secrets masked, in every form: quoted, literal, non-synchronising
    literal, pipelined, initial response; literals of other commands and a
    refused synchronising literal do not confuse the masking."""
    os.makedirs(os.path.join(sb.configdir, "log", USER))
    p, c = sb.imapd_pipe()
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    secrets = ["Secret1a", "Secret 2b", "Secret3c", "Secret4d", "Secret5e", "Secret6f",
               base64.b64encode(b"\0testuser\0Secret7g").decode()]
    _, t = c.cmd("LOGIN testuser Secret1a", tag="u1")
    assert t.startswith("u1 BAD") or t.startswith("u1 NO"), t
    _, t = c.cmd('LOGIN "testuser" "Secret 2b"', tag="u2")
    assert t.startswith("u2 "), t
    c.send("u3 LOGIN testuser {8}\r\n")
    assert c.read_line().startswith("+")
    c.send("Secret3c\r\n")
    t = tagged(c, "u3")
    assert t.startswith("u3 "), t
    c.send("u4 LOGIN {8+}\r\ntestuser {8+}\r\nSecret4d\r\nu5 NOOP\r\n")
    assert tagged(c, "u4")
    assert tagged(c, "u5").startswith("u5 OK")
    # A refused synchronising literal: the client must not send it, and
    # what it sends next is a command again.
    c.send("u6 APPEND INBOX {99999999999}\r\n")
    l = c.read_line()
    assert l.startswith("u6 NO") or l.startswith("u6 BAD"), l
    _, t = c.cmd("LOGIN testuser Secret5e", tag="u7")
    assert t.startswith("u7 "), t
    # A literal of another command that looks like a LOGIN is logged as it is.
    msg = "Subject: x\r\n\r\nu8 LOGIN testuser notasecret\r\n"
    c.send("u8 APPEND INBOX {%d}\r\n" % len(msg))
    assert c.read_line().startswith("+")
    c.send(msg + "\r\n")
    t = tagged(c, "u8")
    assert t.startswith("u8 OK"), t
    c.send("u9 login testuser Secret6f\r\nu10 AUTHENTICATE PLAIN %s\r\n" % secrets[-1])
    assert tagged(c, "u9")
    assert tagged(c, "u10")
    c.cmd("LOGOUT")
    p.wait(5)
    with open(os.path.join(sb.configdir, "log", USER, str(p.pid)), newline="") as f:
        text = f.read()
    for secret in secrets + [PASSWORD]:
        assert secret not in text, (secret, text)
    for want in (r"u1 LOGIN testuser \*\*\*", r'u2 LOGIN "testuser" \*\*\*',
                 r"u3 LOGIN testuser \*\*\*", r"u4 LOGIN \*\*\*", r"\*\*\*", "u5 NOOP",
                 r"u6 APPEND INBOX \{99999999999\}", r"u7 LOGIN testuser \*\*\*",
                 "u8 LOGIN testuser notasecret", r"u9 login testuser \*\*\*",
                 r"u10 AUTHENTICATE PLAIN \*\*\*"):
        assert re.search(r"^<\d+<%s\r$" % want, text, re.M), (want, text)
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
    syslog and the protocol log's header get \\xHH (8-bit octets too)."""
    hostile = b"bob\x1b[2J\x07"
    sb.add_user("esc\x07user", "pw")
    sb.add_user("h\u00e9l\u00e8ne", "pw")
    os.makedirs(os.path.join(sb.configdir, "log", "h\u00e9l\u00e8ne"))
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
        assert c.read_line().startswith("+")
        c.send(hostile + b" wrong\r\n")
        l = c.read_line()
        assert l.startswith("a NO "), l
        c.send(b"b LOGIN {8}\r\n")
        assert c.read_line().startswith("+")
        c.send(b"esc\x07user pw\r\n")
        l = c.read_line()
        assert l.startswith("b NO [UNAVAILABLE]"), l
        if where == "file":
            name = "h\u00e9l\u00e8ne".encode()
            c.send(b"c LOGIN {%d}\r\n" % len(name))
            assert c.read_line().startswith("+")
            c.send(name + b" pw\r\n")
            l = c.read_line()
            assert l.startswith("c OK"), l
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
    logdir = os.path.join(sb.configdir, "log", "h\u00e9l\u00e8ne")
    for name in os.listdir(logdir):
        with open(os.path.join(logdir, name), "rb") as f:
            header = f.readline()
        assert header.startswith(b"---------- h\\xc3\\xa9l\\xc3\\xa8ne "), header
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
        ("log/<user>/<pid>: commands pipelined with LOGIN are logged", telemetry_pipelined),
        ("log/<user>/<pid>: LOGIN and AUTHENTICATE after login masked", telemetry_secrets_after_login),
        ("no log/<user>/: no protocol log", telemetry_off),
        ("syslog facility mail: connects, logins, failures", syslog_mail),
        ("timeout below 30 minutes is refused", timeout_floor),
        ("control characters of a user name are escaped in every log", log_escapes_controls),
    ]
    tap.need(IMAPD, "saslpasswd2", "openssl")
    for name, fn in tests:
        tap.run(name, fn)
    tap.done()


if __name__ == "__main__":
    tap.main(main)

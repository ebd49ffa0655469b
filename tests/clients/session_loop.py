#!/usr/bin/env python3
"""session_loop.py - the session event loop against hostile and slow
clients, and the commands that wait on it (src/server/session_loop.c).

- Deadlines: a client trickling one octet every half second, a silent
  imaps connection (no TLS handshake) and a silent client after STARTTLS
  are all cut off at login_timeout, counted from connecting.
- Back-pressure: a client that sends FETCH 1:* BODY[] for 40 MB of mail
  and reads nothing leaves the server's resident set small, and then gets
  every octet when it reads.
- IDLE: a message delivered into new/ by another process (as an MTA does)
  is announced within a second, and an idle session uses no CPU.
- COMPRESS=DEFLATE over TLS, checked with Python's zlib.
"""
import os
import re
import socket
import ssl
import sys
import time
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import imapdtest  # noqa: E402
from imapdtest import PASSWORD, USER, Connection  # noqa: E402

TAP = imapdtest.Tap("session-loop")
SANITIZED = os.environ.get("SANITIZE") == "1"


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def closed_within(c, seconds):
    """Read until EOF; return (seconds it took, lines read)."""
    start = time.time()
    lines = []
    while True:
        try:
            line = c.read_line(timeout=seconds + 5)
        except (imapdtest.IMAPError, OSError):
            return None, lines
        if line is None:
            return time.time() - start, lines
        lines.append(line)


def maildir(sb):
    root = os.path.join(sb.mail, USER)
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    return root


def login(c):
    c.greeting()
    _, ok = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert ok and " OK " in ok, ok


def deadlines(sb):
    sb.set(login_timeout="2")
    lst = sb.imapd_listener("-U", "0")
    p, port = lst.proc, lst.port
    imapdtest.wait_port(port)
    # One octet every half second: the deadline counts from connecting.
    c = Connection.tcp(port)
    start = time.time()
    c.greeting()
    closed = False
    for ch in b"a NOOP AND SO ON":
        try:
            c.sock.sendall(bytes([ch]))
        except OSError:
            closed = True
            break
        time.sleep(0.5)
        if time.time() - start > 6:
            break
    took, lines = closed_within(c, 6)
    TAP.ok((closed or took is not None) and time.time() - start < 4.5,
           "a client trickling an octet per half second is cut off at login_timeout",
           "after %.1f s, %r" % (time.time() - start, lines))
    c.close()
    p.kill()
    p.wait()
    # imaps: a TCP connection that never starts the handshake.
    lst = sb.imapd_listener("-U", "0", "-s")
    p, port = lst.proc, lst.port
    imapdtest.wait_port(port)
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(8)
    start = time.time()
    try:
        data = s.recv(100)
    except OSError:
        data = b""
    took = time.time() - start
    TAP.ok(data == b"" and 1.5 < took < 4, "a silent imaps connection is closed at login_timeout",
           "%.1f s, %r" % (took, data))
    s.close()
    # A real client gets served right after.
    c = Connection.tcp(port, tls=True)
    g = c.greeting()
    TAP.ok(g is not None and g.startswith("* OK"), "the next imaps client is greeted", g)
    c.close()
    p.kill()
    p.wait()
    # STARTTLS, then silence.
    lst = sb.imapd_listener("-U", "0")
    p, port = lst.proc, lst.port
    imapdtest.wait_port(port)
    c = Connection.tcp(port)
    c.greeting()
    start = time.time()
    _, ok = c.cmd("STARTTLS")
    took, _ = closed_within(c, 6)
    TAP.ok(ok is not None and " OK " in ok and took is not None and time.time() - start < 4,
           "a client silent after STARTTLS is cut off at login_timeout", "%r %r" % (ok, took))
    c.close()
    p.kill()
    p.wait()
    sb.set(login_timeout="60")


def backpressure(sb):
    root = maildir(sb)
    body = (b"x" * 75 + b"\n") * 13000  # about 1 MB
    for i in range(40):
        with open(os.path.join(root, "cur", "%d.bp%d.host:2,S" % (2000 + i, i)), "wb") as f:
            f.write(b"Subject: %d\n\n" % i + body)
    lst = sb.imapd_listener("-U", "0")
    p, port = lst.proc, lst.port
    imapdtest.wait_port(port)
    c = Connection.tcp(port, timeout=30)
    login(c)
    c.cmd("SELECT INBOX")
    c.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    c.send("f FETCH 1:* BODY.PEEK[]\r\n")
    time.sleep(2)
    child = imapdtest.children_of(p.pid)
    pid = child[0] if child else p.pid
    rss = imapdtest.proc_status(pid, "VmRSS")
    rss_kb = int(rss[0]) if rss else 0
    if SANITIZED:
        TAP.skip("a client that reads nothing does not grow the server", "RSS under ASan")
    else:
        TAP.ok(0 < rss_kb < 16 * 1024, "a client that reads none of 40 MB of FETCH output "
               "leaves the server at %d kB resident" % rss_kb)
    got = 0
    literal_octets = 0
    while True:
        line = c.read_line()
        if line is None or line.startswith("f "):
            break
        m = re.match(r"\* \d+ FETCH \(BODY\[\] \{(\d+)\}\r\n", line)
        if m:
            n = int(m.group(1))
            if len(line) - m.end() - 1 == n:  # the literal, then ")"
                literal_octets += n
                got += 1
    TAP.ok(got == 40 and line is not None and line.startswith("f OK"),
           "then it reads all 40 messages (%d octets) and the tagged OK" % literal_octets,
           "%d %r" % (got, line))
    c.close()
    p.kill()
    p.wait()


def idle_delivery(sb):
    root = maildir(sb)
    lst = sb.imapd_listener("-U", "0")
    p, port = lst.proc, lst.port
    imapdtest.wait_port(port)
    c = Connection.tcp(port)
    login(c)
    untagged, _ = c.cmd("SELECT INBOX")
    exists = [int(l.split()[1]) for l in untagged if l.endswith(" EXISTS")][0]
    c.send("i IDLE\r\n")
    cont = c.read_line()
    pid = imapdtest.children_of(p.pid)
    pid = pid[0] if pid else p.pid
    time.sleep(0.3)
    before = cpu_ticks(pid)
    time.sleep(3)
    ticks = cpu_ticks(pid) - before
    TAP.ok(cont.startswith("+") and ticks == 0,
           "a session in IDLE uses no CPU (%d ticks in 3 s)" % ticks, cont)
    tmp = os.path.join(root, "tmp", "3000.mta.host")
    with open(tmp, "wb") as f:
        f.write(b"Subject: delivered\n\nhello\n")
    start = time.time()
    os.rename(tmp, os.path.join(root, "new", "3000.mta.host"))
    line = c.read_line(timeout=5)
    took = time.time() - start
    TAP.ok(line == "* %d EXISTS" % (exists + 1) and took < 1.0,
           "a delivery into new/ shows during IDLE in %.0f ms" % (took * 1000), line)
    c.send("DONE\r\n")
    rest = []
    while True:
        line = c.read_line()
        rest.append(line)
        if line is None or line.startswith("i "):
            break
    TAP.ok(rest[-1] is not None and rest[-1].startswith("i OK"), "DONE ends IDLE with OK", rest)
    c.close()
    p.kill()
    p.wait()


# covers: R4978-3-h (COMPRESS inside TLS: spec/requirements/rfc4978.tsv)
def compress_tls(sb):
    lst = sb.imapd_listener("-U", "0", "-s")
    p, port = lst.proc, lst.port
    imapdtest.wait_port(port)
    c = Connection.tcp(port, tls=True)
    login(c)
    _, ok = c.cmd("COMPRESS DEFLATE")
    TAP.ok(ok is not None and ok.split()[1] == "OK", "COMPRESS DEFLATE over TLS answers OK", ok)
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    dec = zlib.decompressobj(-15)
    c.sock.sendall(comp.compress(b"a SELECT INBOX\r\nb NOOP\r\nc LOGOUT\r\n") + comp.flush(zlib.Z_SYNC_FLUSH))
    out = dec.decompress(bytes(c.buf))
    c.sock.settimeout(5)
    while b"c OK" not in out:
        try:
            data = c.sock.recv(65536)
        except (OSError, ssl.SSLError):
            break
        if not data:
            break
        out += dec.decompress(data)
    text = out.decode(errors="replace")
    TAP.ok("a OK [READ-WRITE]" in text and "b OK" in text and "* BYE" in text and "c OK" in text,
           "commands and responses travel compressed inside TLS", text[-400:])
    c.close()
    p.kill()
    p.wait()


def regular_files(sb):
    """rimapd with a script on stdin and a file for stdout (as UW imapd
    allows): epoll cannot watch regular files, which never need waiting
    for, and the session must run through all the same."""
    script = os.path.join(sb.dir, "script.txt")
    out = os.path.join(sb.dir, "out.txt")
    with open(script, "wb") as f:
        f.write(b"a CAPABILITY\r\nb SELECT INBOX\r\nc LOGOUT\r\n")
    with open(script, "rb") as fin, open(out, "wb") as fout:
        p = sb.popen(sb.imapd_argv(rimapd=True), stdin=fin, stdout=fout)
        rc = p.wait(10)
    with open(out, "rb") as f:
        text = f.read().decode(errors="replace")
    TAP.ok(rc == 0 and "a OK" in text and "b OK [READ-WRITE]" in text and "c OK" in text,
           "rimapd reading a script from a file and writing to a file", "rc %r, %r" % (rc, text))


def main():
    TAP.need(imapdtest.IMAPD, "saslpasswd2", "openssl")
    with imapdtest.Sandbox() as sb:
        for name, fn in (("deadlines", deadlines), ("back-pressure", backpressure),
                         ("IDLE delivery", idle_delivery), ("COMPRESS over TLS", compress_tls),
                         ("regular files", regular_files)):
            try:
                fn(sb)
            except Exception:  # noqa: BLE001
                import traceback
                TAP.ok(False, name, traceback.format_exc())
    TAP.done()


if __name__ == "__main__":
    main()

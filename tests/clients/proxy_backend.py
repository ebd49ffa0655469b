#!/usr/bin/env python3
"""proxy_backend.py - imapd as a backend behind a proxy (imapd.conf's
proxy_trusted_networks, proxy_protocol), without the proxy: this test
plays it, octet by octet, from 127.0.0.1 (trusted) and 127.0.0.2 (not).

- With allowplaintext: no, LOGIN over plain TCP works from a trusted
  proxy and is refused (LOGINDISABLED) from anyone else.
- PROXY v1 and v2 headers from the trusted proxy name the client: the
  log's "login:" line and the protocol log carry the client's address;
  nothing (greeting included) is sent before the header; a header sent
  one octet at a time works; a TLS ClientHello right behind the header
  (imaps behind HAProxy) is left for TLS.
- The LOGIN reply to a proxy is exactly one tagged line with
  [CAPABILITY ...] and no untagged line before it (what nginx insists on),
  also when imapd-master hands the session over, and no motd alert.
- Malformed headers (too long, bad fields, unknown v2 family, garbage)
  end the connection with a BYE; a trusted proxy that sends nothing is
  dropped after proxy_protocol_timeout.
- A PROXY header from an untrusted address is refused (BYE), v1 and v2.
- Under imapd-master, per-address limits count the client a header
  named, not the proxy: login_max_ip_connections from one proxied client
  is refused while other clients of the same proxy are served.

Needs root for the imapd-master part (it switches users).
"""

import os
import re
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (USER, PASSWORD, Connection, Master, Sandbox, Tap,  # noqa: E402
                       free_port, no_verify_context, wait_for)

tap = Tap("proxy_backend")

V2_SIG = b"\r\n\r\n\x00\r\nQUIT\n"


def v1(src="192.0.2.7", sport=40001, dst="192.0.2.1", dport=143, fam="TCP4"):
    return ("PROXY %s %s %s %d %d\r\n" % (fam, src, dst, sport, dport)).encode()


def v2(src="198.51.100.9", sport=50002, dst="198.51.100.1", dport=143, tlvs=b""):
    addrs = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!HH", sport, dport)
    body = addrs + tlvs
    return V2_SIG + bytes([0x21, 0x11]) + struct.pack("!H", len(body)) + body


def v2_6(src="2001:db8::7", sport=50003, dst="2001:db8::1", dport=143):
    body = (socket.inet_pton(socket.AF_INET6, src) + socket.inet_pton(socket.AF_INET6, dst)
            + struct.pack("!HH", sport, dport))
    return V2_SIG + bytes([0x21, 0x21]) + struct.pack("!H", len(body)) + body


def raw(port, source="127.0.0.1"):
    s = socket.socket()
    s.settimeout(10)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def nothing_for(s, seconds):
    """True when the server sends nothing for that long."""
    s.settimeout(seconds)
    try:
        got = s.recv(100)
        return False if got else True
    except socket.timeout:
        return True
    finally:
        s.settimeout(10)


def login_like_nginx(c, user=USER, password=PASSWORD):
    """LOGIN as nginx sends it (two synchronising literals); the raw lines
    of the answer up to the tagged one."""
    tag = "IOCG1"
    c.send(("%s LOGIN {%d}\r\n" % (tag, len(user))).encode())
    assert c.read_line().startswith("+")
    c.send(("%s {%d}\r\n" % (user, len(password))).encode())
    assert c.read_line().startswith("+")
    c.send(password.encode() + b"\r\n")
    lines = []
    while True:
        line = c.read_line()
        if line is None:
            return lines
        lines.append(line)
        if line.startswith(tag + " "):
            return lines


def one_tagged_ok(lines):
    return (len(lines) == 1 and re.match(r"IOCG1 OK \[CAPABILITY IMAP4rev1 [^]]*\] ", lines[0])
            is not None)


def plain_imapd(tap):
    with Sandbox(conf={"allowplaintext": "no", "proxy_trusted_networks": "127.0.0.1/32 ::1",
                       "proxy_protocol": "yes", "proxy_protocol_timeout": "2"}) as sb:
        os.makedirs(os.path.join(sb.configdir, "log", USER))
        with open(os.path.join(sb.configdir, "msg", "motd"), "w") as f:
            f.write("Maintenance on Sunday\n")
        srv = sb.inetd()

        # v1: nothing before the header; then the greeting and one tagged OK
        s = raw(srv.port)
        tap.ok(nothing_for(s, 0.3), "no greeting before the PROXY header")
        s.sendall(v1())
        c = Connection.over_socket(s)
        g = c.greeting()
        tap.ok(g.startswith("* OK [CAPABILITY") and "LOGINDISABLED" not in g,
               "greeting after a v1 header; no LOGINDISABLED for a trusted proxy", g)
        lines = login_like_nginx(c)
        tap.ok(one_tagged_ok(lines), "LOGIN through literals: one tagged OK [CAPABILITY] line",
               repr(lines))
        _, t = c.cmd("LOGOUT")
        c.close()
        tap.ok(wait_for(lambda: re.search(r"login: user=%s method=LOGIN from 192\.0\.2\.7:40001"
                                          % USER, sb.logtext()), 5),
               "the log names the client of the v1 header", sb.logtext()[-1500:])
        tap.ok(wait_for(lambda: any("from 192.0.2.7:40001" in open(os.path.join(
            sb.configdir, "log", USER, f)).read() for f in os.listdir(
            os.path.join(sb.configdir, "log", USER))), 5),
               "the protocol log names the client too")

        # v2, one octet at a time
        s = raw(srv.port)
        for b in v2():
            s.sendall(bytes([b]))
            time.sleep(0.002)
        c = Connection.over_socket(s)
        tap.ok(c.greeting().startswith("* OK"), "v2 header sent octet by octet")
        tap.ok(one_tagged_ok(login_like_nginx(c)), "LOGIN after a v2 header")
        c.close()
        tap.ok(wait_for(lambda: "from 198.51.100.9:50002" in sb.logtext(), 5),
               "the log names the client of the v2 header")

        # v2 IPv6 with pipelined greeting request, and TLVs
        s = raw(srv.port)
        s.sendall(v2_6())
        c = Connection.over_socket(s)
        tap.ok(c.greeting().startswith("* OK") and one_tagged_ok(login_like_nginx(c)),
               "v2 IPv6 header")
        c.close()
        tap.ok(wait_for(lambda: "from [2001:db8::7]:50003" in sb.logtext(), 5),
               "the log names the IPv6 client")
        s = raw(srv.port)
        s.sendall(v2(tlvs=b"\x01\x00\x04imap" + b"\x04\x00\x00"))
        c = Connection.over_socket(s)
        tap.ok(c.greeting().startswith("* OK"), "v2 header with TLVs")
        c.close()

        # Bad headers: BYE and closed
        bad = {
            "garbage": b"HELLO there\r\n",
            "v1 bad address": v1(src="192.0.2.007"),
            "v1 double space": b"PROXY TCP4 192.0.2.7  192.0.2.1 1 2\r\n",
            "v1 port out of range": v1(sport=70000),
            "v1 IPv6 address as TCP4": v1(src="2001:db8::1"),
            "v1 too long": b"PROXY UNKNOWN " + b"x" * 120 + b"\r\n",
            "v1 LF without CR": b"PROXY TCP4 192.0.2.7 192.0.2.1 1 2\n",
            "v2 UDP": V2_SIG + bytes([0x21, 0x12, 0, 12]) + b"\0" * 12,
            "v2 version 3": V2_SIG + bytes([0x31, 0x11, 0, 12]) + b"\0" * 12,
            "v2 too long": V2_SIG + bytes([0x21, 0x11, 0x10, 0x00]) + b"\0" * 12,
            "v2 short address block": V2_SIG + bytes([0x21, 0x11, 0, 4]) + b"\0" * 4,
            "v2 broken TLV": v2(tlvs=b"\x01\x00\x09ab"),
        }
        for what, data in bad.items():
            s = raw(srv.port)
            s.sendall(data)
            c = Connection.over_socket(s)
            got = c.lines_until_eof(timeout=5)
            tap.ok(got == ["* BYE Bad PROXY protocol header"], "refused: " + what, repr(got))
            c.close()

        # No header in time: dropped, nothing said
        s = raw(srv.port)
        t0 = time.monotonic()
        c = Connection.over_socket(s)
        got = c.lines_until_eof(timeout=6)
        took = time.monotonic() - t0
        tap.ok(got == [] and 1.5 < took < 5, "silent proxy dropped after proxy_protocol_timeout",
               "%r after %.1f s" % (got, took))
        c.close()

        # imaps behind a proxy: header, then the ClientHello in the same packet
        srv_s = sb.inetd("-s")
        s = raw(srv_s.port)
        s.sendall(v1(src="192.0.2.8", sport=40002))
        ts = no_verify_context().wrap_socket(s, server_hostname="localhost")
        c = Connection.over_socket(ts)
        tap.ok(c.greeting().startswith("* OK"), "imaps after a PROXY header")
        c.close()

        # Untrusted: plaintext refused, PROXY headers refused
        s = raw(srv.port, "127.0.0.2")
        c = Connection.over_socket(s)
        g = c.greeting()
        tap.ok("LOGINDISABLED" in g, "untrusted peer: greeted at once, LOGINDISABLED", g)
        tap.ok(c.read_line() == "* OK [ALERT] Maintenance on Sunday",
               "untrusted peer: the motd alert (a proxy gets none)")
        _, t = c.cmd("LOGIN", USER, PASSWORD)
        tap.ok(t is not None and " NO " in t, "untrusted peer: LOGIN refused over plaintext", t)
        c.close()
        for what, data in (("v1", v1()), ("v2", v2()), ("v1 UNKNOWN", b"PROXY UNKNOWN\r\n")):
            s = raw(srv.port, "127.0.0.2")
            c = Connection.over_socket(s)
            c.greeting()
            c.send(data)
            got = [x for x in c.lines_until_eof(timeout=5) if "[ALERT]" not in x]
            tap.ok(got == ["* BYE PROXY protocol header refused"],
                   "untrusted peer: %s header refused" % what, repr(got))
            c.close()
        tap.ok("PROXY header from a peer not in proxy_trusted_networks" in sb.logtext(),
               "the refusal is logged")
        # A tag "PROXY" is still a tag
        s = raw(srv.port, "127.0.0.2")
        c = Connection.over_socket(s)
        c.greeting()
        _, t = c.cmd("NOOP", tag="PROXY")
        tap.ok(t == "PROXY OK NOOP completed", "a command tagged PROXY is a command", t)
        c.close()
        codes = srv.stop() + srv_s.stop()
        tap.ok(all(x == 0 for x in codes), "every imapd exited cleanly", repr(codes))


def under_master(tap):
    if os.geteuid() != 0:
        tap.skip("imapd-master with a proxy", "needs root")
        return
    with Sandbox(conf={"allowplaintext": "no", "proxy_trusted_networks": "127.0.0.1",
                       "proxy_protocol": "yes", "login_max_ip_connections": "2"}) as sb:
        port = free_port()
        m = Master(sb, "imap listen=127.0.0.1:%d prefork=1\n" % port)
        tap.ok(m.ready(), "imapd-master started")
        s = raw(port)
        s.sendall(v1(src="203.0.113.5", sport=1234))
        c = Connection.over_socket(s)
        tap.ok(c.greeting().startswith("* OK"), "master: greeting after the header")
        lines = login_like_nginx(c)
        tap.ok(one_tagged_ok(lines), "master: the handed-over LOGIN answers one tagged line",
               repr(lines))
        _, t = c.cmd("SELECT", "INBOX")
        tap.ok(t is not None and " OK " in t, "master: the session serves after the hand-off", t)
        c.close()
        tap.ok(wait_for(lambda: "login: user=%s method=LOGIN from 203.0.113.5:1234" % USER
                        in sb.logtext(), 5), "master: the session's log names the client",
               sb.logtext()[-1500:])
        # Limits count the named client: two waiting from 203.0.113.6 fill it
        held = []
        for i in range(2):
            s = raw(port)
            s.sendall(v1(src="203.0.113.6", sport=2000 + i))
            c = Connection.over_socket(s)
            c.greeting()
            held.append(c)
        s = raw(port)
        s.sendall(v1(src="203.0.113.6", sport=2100))
        c = Connection.over_socket(s)
        got = c.lines_until_eof(timeout=5)
        tap.ok(any("Too many connections from your address" in x for x in got),
               "master: the third waiting connection of one proxied client is refused", repr(got))
        c.close()
        s = raw(port)
        s.sendall(v1(src="203.0.113.7", sport=3000))
        c = Connection.over_socket(s)
        g = c.greeting()
        tap.ok(g.startswith("* OK") and one_tagged_ok(login_like_nginx(c)),
               "master: another client of the same proxy is served", g)
        c.close()
        for h in held:
            h.close()
        tap.ok(m.stop() == 0, "master: stopped cleanly")


def main():
    tap.need("saslpasswd2", "openssl")
    for fn in (plain_imapd, under_master):
        tap.check(fn.__name__, lambda fn=fn: fn(tap))


tap.main(main)

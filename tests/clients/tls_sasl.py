#!/usr/bin/env python3
"""tls_sasl.py - STARTTLS, imaps (-s), LOGIN and AUTHENTICATE through Cyrus SASL.

Clients: python's imaplib (starttls, login, authenticate), curl (imap://
with --ssl-reqd, imaps://, --login-options AUTH=...), openssl s_client,
and SASL mechanisms written here from their RFCs (PLAIN RFC 4616, LOGIN,
CRAM-MD5 RFC 2195, SCRAM RFC 5802/7677) where no ready client exists.
"""

import base64
import hashlib
import hmac
import imaplib
import os
import re
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (IMAPD, USER, PASSWORD, Sandbox, Tap, capabilities,  # noqa: E402
                       no_verify_context)

tap = Tap("tls-sasl")
b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731


# ---- SASL mechanisms, client side ---------------------------------------------

def mech_plain(user, pw):
    def step(challenge, n):
        return b"\0" + user.encode() + b"\0" + pw.encode()
    return step


def mech_login(user, pw):
    def step(challenge, n):
        return user.encode() if n == 0 else pw.encode()
    return step


def mech_cram(user, pw):
    def step(challenge, n):
        digest = hmac.new(pw.encode(), challenge, hashlib.md5).hexdigest()
        return ("%s %s" % (user, digest)).encode()
    return step


def mech_scram(hashname, user, pw):
    state = {}

    def H(b):
        return hashlib.new(hashname, b).digest()

    def HMAC(k, b):
        return hmac.new(k, b, hashname).digest()

    def step(challenge, n):
        if n == 0:
            state["nonce"] = b64(os.urandom(18))
            state["first_bare"] = "n=%s,r=%s" % (user, state["nonce"])
            return ("n,," + state["first_bare"]).encode()
        if n == 1:
            server_first = challenge.decode()
            attrs = dict(kv.split("=", 1) for kv in server_first.split(","))
            assert attrs["r"].startswith(state["nonce"])
            salted = hashlib.pbkdf2_hmac(hashname, pw.encode(), base64.b64decode(attrs["s"]),
                                         int(attrs["i"]))
            client_key = HMAC(salted, b"Client Key")
            without_proof = "c=%s,r=%s" % (b64(b"n,,"), attrs["r"])
            auth_msg = ",".join([state["first_bare"], server_first, without_proof]).encode()
            sig = HMAC(H(client_key), auth_msg)
            proof = bytes(a ^ b for a, b in zip(client_key, sig))
            state["server_sig"] = HMAC(HMAC(salted, b"Server Key"), auth_msg)
            return (without_proof + ",p=" + b64(proof)).encode()
        # server-final: check the server knows the password too
        assert challenge.decode() == "v=" + b64(state["server_sig"]), challenge
        return b""
    return step


SCRAM_HASH = {"SCRAM-SHA-1": "sha1", "SCRAM-SHA-224": "sha224", "SCRAM-SHA-256": "sha256",
              "SCRAM-SHA-384": "sha384", "SCRAM-SHA-512": "sha512"}
CURL_MECHS = {"DIGEST-MD5", "NTLM"}


def client_mech(mech, user, pw):
    if mech == "PLAIN":
        return mech_plain(user, pw)
    if mech == "LOGIN":
        return mech_login(user, pw)
    if mech == "CRAM-MD5":
        return mech_cram(user, pw)
    if mech in SCRAM_HASH:
        return mech_scram(SCRAM_HASH[mech], user, pw)
    return None


def authenticate(c, mech, step, initial=False, tag="A"):
    """Run AUTHENTICATE over Connection c; returns (untagged, tagged line)."""
    n = 0
    if initial:
        first = step(b"", 0)
        n = 1
        c.send("%s AUTHENTICATE %s %s\r\n" % (tag, mech, b64(first) if first else "="))
    else:
        c.send("%s AUTHENTICATE %s\r\n" % (tag, mech))
    untagged = []
    while True:
        line = c.read_line()
        if line is None:
            return untagged, None
        if line.startswith("+"):
            challenge = base64.b64decode(line[2:]) if len(line) > 2 else b""
            c.send(b64(step(challenge, n)) + "\r\n")
            n += 1
        elif line.startswith(tag + " "):
            return untagged, line
        else:
            untagged.append(line)


# ---- a server for a test ------------------------------------------------------------

def Server(sb, *args):
    """imapd on a listening socket (inetd wait), many connections: one
    process serving several logins in a row, so no user switch and no
    confinement (launch_modes.py tests those)."""
    sb.set(sandbox="no")
    return sb.imapd_listener("-U", "0", "-T", "60", *args)


def starttls(c):
    t = c.starttls()
    assert t.endswith("OK Begin TLS negotiation now"), t
    return c


# ---- tests ----------------------------------------------------------------------------

def before_tls(sb):
    srv = Server(sb)
    c = srv.connect()
    g = c.greeting()
    caps = capabilities(g)
    assert {"STARTTLS", "LOGINDISABLED", "SASL-IR"} <= caps, caps
    assert "AUTH=PLAIN" not in caps and "AUTH=LOGIN" not in caps, caps
    assert "AUTH=CRAM-MD5" in caps or any(x.startswith("AUTH=SCRAM") for x in caps), caps
    u, t = c.cmd("CAPABILITY")
    assert capabilities(u[0]) == caps, (u, caps)
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert re.match(r"t\d+ NO ", t), t
    _, t = authenticate(c, "PLAIN", mech_plain(USER, PASSWORD), initial=True)
    assert " NO " in t, t
    return True


def imaplib_starttls(sb):
    srv = Server(sb)
    m = imaplib.IMAP4("127.0.0.1", srv.port)
    assert "LOGINDISABLED" in m.capabilities
    m.starttls(ssl_context=no_verify_context())
    caps = set(m.capabilities)
    assert "STARTTLS" not in caps and "LOGINDISABLED" not in caps, caps
    assert "AUTH=PLAIN" in caps, caps
    typ, data = m.login(USER, PASSWORD)
    assert typ == "OK", (typ, data)
    assert data[0].startswith(b"[CAPABILITY IMAP4rev1"), data
    m.logout()
    return True


def starttls_injection(sb):
    """Plaintext pipelined after STARTTLS is never executed under TLS."""
    srv = Server(sb)
    c = srv.connect()
    c.greeting()
    c.send("a STARTTLS\r\nb CAPABILITY\r\n")
    assert c.read_line() == "a OK Begin TLS negotiation now"
    c.tls_handshake()
    u, t = c.cmd("NOOP", tag="c")
    assert u == [] and t == "c OK NOOP completed", (u, t)
    c.cmd("LOGOUT")
    time.sleep(0.1)
    assert "discarded 14 octets" in sb.logtext(), sb.logtext()
    return True


def starttls_then_plaintext(sb):
    """A client that answers the OK with cleartext instead of a handshake
    gets nothing back in the clear: the connection is closed."""
    srv = Server(sb)
    c = srv.connect()
    c.greeting()
    _, t = c.cmd("STARTTLS", tag="a")
    assert t == "a OK Begin TLS negotiation now", t
    c.send("b CAPABILITY\r\n")
    rest = c.lines_until_eof()
    assert rest == [], rest
    time.sleep(0.1)
    assert "STARTTLS: TLS handshake failed" in sb.logtext(), sb.logtext()
    return True


def starttls_twice(sb):
    srv = Server(sb)
    c = srv.connect()
    c.greeting()
    c2 = starttls(c)
    _, t = c2.cmd("STARTTLS")
    assert " BAD " in t, t
    _, t = c2.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    _, t = c2.cmd("STARTTLS")
    assert " BAD " in t, t  # not valid once authenticated
    return True


def starttls_unconfigured():
    with Sandbox(tls=False, conf={"allowplaintext": "no"}) as sb:
        srv = Server(sb)
        c = srv.connect()
        caps = capabilities(c.greeting())
        assert "STARTTLS" not in caps, caps
        _, t = c.cmd("STARTTLS")
        assert " NO " in t, t
        # imapd -s without a certificate refuses to start
        p = sb.popen([IMAPD, "-C", sb.conf, "-s"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        out, _ = p.communicate(timeout=5)
        assert p.returncode == 75 and out == b"", (p.returncode, out)
    return True


def implicit_tls_python(sb):
    srv = Server(sb, "-s")
    m = imaplib.IMAP4_SSL("127.0.0.1", srv.port, ssl_context=no_verify_context())
    assert "STARTTLS" not in m.capabilities and "AUTH=PLAIN" in m.capabilities, m.capabilities
    typ, _ = m.login(USER, PASSWORD)
    assert typ == "OK"
    m.logout()
    return True


def s_client(port, extra=(), send=b"a CAPABILITY\r\nb LOGOUT\r\n"):
    p = subprocess.run(["openssl", "s_client", "-connect", "127.0.0.1:%d" % port, "-quiet",
                        "-ign_eof"] + list(extra), input=send, capture_output=True, timeout=20)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def implicit_tls_s_client(sb):
    srv = Server(sb, "-s")
    rc, out, err = s_client(srv.port)
    assert "* OK [CAPABILITY IMAP4rev1" in out and "b OK LOGOUT completed" in out, out + err
    return True


def s_client_starttls(sb):
    srv = Server(sb)
    rc, out, err = s_client(srv.port, ["-starttls", "imap"],
                            ("a LOGIN %s %s\r\nb LOGOUT\r\n" % (USER, PASSWORD)).encode())
    assert re.search(r"^a OK \[CAPABILITY IMAP4rev1", out, re.M), out + err
    return True


def tls_versions(sb):
    sb.set(tls_versions="tls1_3")
    srv = Server(sb, "-s")
    rc, out, err = s_client(srv.port, ["-tls1_2"])
    assert "* OK" not in out, out
    rc, out, err = s_client(srv.port, ["-tls1_3"])
    assert "* OK" in out, out + err
    return True


def curl(args, timeout=20):
    p = subprocess.run(["curl", "-s", "-S", "-k", "--max-time", "15"] + args, capture_output=True,
                       timeout=timeout)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def curl_imaps(sb):
    srv = Server(sb, "-s")
    rc, out, err = curl(["imaps://127.0.0.1:%d/" % srv.port, "-u", "%s:%s" % (USER, PASSWORD),
                         "-X", "CAPABILITY", "-v"])
    assert rc == 0 and "CAPABILITY IMAP4rev1" in out, (rc, out, err[-2000:])
    return True


def curl_starttls(sb):
    srv = Server(sb)
    rc, out, err = curl(["--ssl-reqd", "imap://127.0.0.1:%d/" % srv.port, "-u",
                         "%s:%s" % (USER, PASSWORD), "--login-options", "AUTH=PLAIN",
                         "-X", "NOOP", "-v"])
    assert rc == 0 and "STARTTLS" in err and "AUTHENTICATE PLAIN" in err, (rc, out, err[-2000:])
    return True


def curl_wrong_password(sb):
    srv = Server(sb, "-s")
    rc, out, err = curl(["imaps://127.0.0.1:%d/" % srv.port, "-u", "%s:nope" % USER,
                         "-X", "NOOP"])
    assert rc == 67, (rc, out, err)  # CURLE_LOGIN_DENIED
    return True


def every_mechanism(sb):
    """Each mechanism the SASL library offers here logs in (under TLS, so
    that the plaintext ones are offered too)."""
    srv = Server(sb, "-s")
    c = srv.connect(tls=True)
    offered = sorted(x[5:] for x in capabilities(c.greeting()) if x.startswith("AUTH="))
    c.close()
    assert "PLAIN" in offered, offered
    tested = []
    for mech in offered:
        step = client_mech(mech, USER, PASSWORD)
        if step is not None:
            # SASL-IR is for client-first mechanisms (RFC 4959 §3).
            for initial in (False, True) if mech != "CRAM-MD5" else (False,):
                c = srv.connect(tls=True)
                c.greeting()
                u, t = authenticate(c, mech, client_mech(mech, USER, PASSWORD), initial=initial)
                ok = t is not None and t.startswith("A OK [CAPABILITY IMAP4rev1") and u == []
                tap.ok(ok, "AUTHENTICATE %s%s" % (mech, " with SASL-IR" if initial else ""),
                       "%r %r" % (u, t))
                c.close()
            tested.append(mech)
        elif mech in CURL_MECHS:
            rc, out, err = curl(["imaps://127.0.0.1:%d/" % srv.port, "-u",
                                 "%s:%s" % (USER, PASSWORD), "--login-options", "AUTH=" + mech,
                                 "-X", "NOOP", "-v"])
            tap.ok(rc == 0 and ("AUTHENTICATE " + mech) in err,
                   "AUTHENTICATE %s (curl)" % mech, "%r %s %s" % (rc, out, err[-1500:]))
            tested.append(mech)
        else:
            tap.skip("AUTHENTICATE %s" % mech, "no client for it in this test")
        # A wrong password fails with each mechanism too.
        step = client_mech(mech, USER, "wrong")
        if step is not None:
            c = srv.connect(tls=True)
            c.greeting()
            try:
                u, t = authenticate(c, mech, step)
            except (AssertionError, ValueError):
                t = "A NO (client gave up)"
            tap.ok(t is not None and t.startswith("A NO"), "AUTHENTICATE %s, wrong password" % mech,
                   t)
            c.close()
    tap.note("mechanisms offered: %s" % " ".join(offered))
    return True  # each mechanism had its own checks above


def cancel_and_bad_base64(sb):
    srv = Server(sb, "-s")
    c = srv.connect(tls=True)
    c.greeting()
    c.send("a AUTHENTICATE PLAIN\r\n")
    assert c.read_line().startswith("+"), "no continuation"
    c.send("*\r\n")
    assert c.read_line() == "a BAD AUTHENTICATE cancelled"
    c.send("b AUTHENTICATE LOGIN\r\n")
    assert c.read_line().startswith("+")
    c.send("not&base64\r\n")
    l = c.read_line()
    assert l.startswith("b BAD "), l
    _, t = c.cmd("AUTHENTICATE PLAIN abc!", tag="c")
    assert t.startswith("c BAD "), t
    _, t = c.cmd("AUTHENTICATE PLAIN =", tag="d")  # empty PLAIN message
    assert t.startswith("d NO "), t
    _, t = c.cmd("AUTHENTICATE X-NO-SUCH-MECH", tag="e")
    assert t.startswith("e NO "), t
    # authorization identity other than the authenticated one: refused
    _, t = c.cmd("AUTHENTICATE PLAIN " + b64(b"root\0testuser\0testpass"), tag="f")
    assert t.startswith("f NO "), t
    # and after all that, a good one still works
    _, t = authenticate(c, "PLAIN", mech_plain(USER, PASSWORD), initial=True, tag="g")
    assert t.startswith("g OK "), t
    return True


def failed_login(sb):
    sb.set(failed_login_delay="1", allowplaintext="yes")
    srv = Server(sb)
    c = srv.connect()
    c.greeting()
    t0 = time.time()
    _, t1 = c.cmd("LOGIN %s wrong" % USER)
    took = time.time() - t0
    _, t2 = c.cmd("LOGIN nosuchuser wrong")
    assert t1 == "t1 NO [AUTHENTICATIONFAILED] Authentication failed", t1
    assert t2 == "t2 NO [AUTHENTICATIONFAILED] Authentication failed", t2  # same text
    assert took >= 0.95, "answered after %.2f s" % took
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t  # the connection stays usable
    log = sb.logtext()
    assert re.search(r"login failed: user=testuser method=LOGIN from 127\.0\.0\.1:\d+", log), log
    assert "login failed: user=nosuchuser method=LOGIN" in log, log
    return True


def nginx_style_login(sb):
    """nginx's mail proxy: LOGIN with two synchronising literals, and it
    takes exactly one tagged OK line, with the capabilities as a code."""
    sb.set(allowplaintext="yes")
    srv = Server(sb)
    c = srv.connect()
    c.greeting()
    c.send("1 LOGIN {%d}\r\n" % len(USER))
    assert c.read_line().startswith("+ ")
    c.send("%s {%d}\r\n" % (USER, len(PASSWORD)))
    assert c.read_line().startswith("+ ")
    c.send(PASSWORD + "\r\n")
    l = c.read_line()
    assert re.fullmatch(r"1 OK \[CAPABILITY IMAP4rev1[^\]]*\] LOGIN completed", l), l
    c.sock.settimeout(0.3)
    try:
        extra = bytes(c.buf) + c.sock.recv(100)
    except socket.timeout:
        extra = bytes(c.buf)
    assert extra == b"", extra
    return True


def allowplaintext(sb):
    sb.set(allowplaintext="yes")
    srv = Server(sb)
    c = srv.connect()
    caps = capabilities(c.greeting())
    assert "LOGINDISABLED" not in caps and "AUTH=PLAIN" in caps, caps
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " OK " in t, t
    return True


def external_ssf(sb):
    """-p 1 is integrity only: plaintext still refused; -p 2+ is privacy."""
    for ssf, plain in (("1", False), ("256", True)):
        p, c = sb.imapd_pipe("-p", ssf)
        caps = capabilities(c.greeting())
        assert ("LOGINDISABLED" not in caps) == plain, (ssf, caps)
        assert ("AUTH=PLAIN" in caps) == plain, (ssf, caps)
        _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
        assert (" OK " in t) == plain, (ssf, t)
        c.close()
        p.wait(5)
    return True


def external_ssf_to_sasl(sb):
    """The -p ssf reaches SASL: with sasl_minimum_layer 56 no mechanism
    qualifies on a bare pipe, and all do with -p 128."""
    sb.set(sasl_minimum_layer="56")
    p, c = sb.imapd_pipe()
    caps = capabilities(c.greeting())
    assert not any(x.startswith("AUTH=") for x in caps), caps
    _, t = authenticate(c, "PLAIN", mech_plain(USER, PASSWORD), initial=True)
    assert t.startswith("A NO "), t
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " NO " in t, t
    c.close()
    p.wait(5)
    p, c = sb.imapd_pipe("-p", "40")
    caps = capabilities(c.greeting())
    assert not any(x.startswith("AUTH=") for x in caps), caps
    c.close()
    p.wait(5)
    p, c = sb.imapd_pipe("-p", "128")
    caps = capabilities(c.greeting())
    assert "AUTH=PLAIN" in caps and "AUTH=CRAM-MD5" in caps, caps
    _, t = authenticate(c, "PLAIN", mech_plain(USER, PASSWORD), initial=True)
    assert t.startswith("A OK "), t
    c.close()
    p.wait(5)
    return True


def sasl_options(sb):
    """sasl_* keys reach the library: sasl_mech_list limits the mechanisms,
    sasl_sasldb_path is where users are looked up."""
    sb.set(sasl_mech_list="PLAIN CRAM-MD5")
    p, c = sb.imapd_pipe("-p", "256")
    caps = capabilities(c.greeting())
    mechs = sorted(x for x in caps if x.startswith("AUTH="))
    assert mechs == ["AUTH=CRAM-MD5", "AUTH=PLAIN"], mechs
    c.close()
    p.wait(5)
    sb.set(sasl_mech_list=None, sasl_sasldb_path=sb.sasldb + ".missing")
    p, c = sb.imapd_pipe("-p", "256")
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    assert " NO " in t, t
    c.close()
    p.wait(5)
    return True


def main():
    tests = [
        ("before TLS: LOGINDISABLED, no plaintext mechanisms, LOGIN refused", before_tls),
        ("python imaplib starttls() then login", imaplib_starttls),
        ("plaintext pipelined after STARTTLS is discarded", starttls_injection),
        ("STARTTLS under TLS and after login is BAD", starttls_twice),
        ("cleartext instead of a TLS handshake ends the session", starttls_then_plaintext),
        ("imapd -s: python IMAP4_SSL", implicit_tls_python),
        ("imapd -s: openssl s_client", implicit_tls_s_client),
        ("openssl s_client -starttls imap", s_client_starttls),
        ("tls_versions: tls1_3 refuses TLS 1.2", tls_versions),
        ("curl imaps://", curl_imaps),
        ("curl imap:// --ssl-reqd (STARTTLS) AUTH=PLAIN", curl_starttls),
        ("curl with a wrong password is denied", curl_wrong_password),
        ("every SASL mechanism offered", every_mechanism),
        ("AUTHENTICATE: * cancels, bad base64 is BAD, bad mech NO", cancel_and_bad_base64),
        ("failed logins: delayed, same text, logged", failed_login),
        ("nginx-style LOGIN gets one tagged OK with CAPABILITY", nginx_style_login),
        ("allowplaintext: yes allows LOGIN without TLS", allowplaintext),
        ("-p 1 keeps plaintext refused, -p 256 allows it", external_ssf),
        ("-p ssf is SASL's external SSF (sasl_minimum_layer)", external_ssf_to_sasl),
        ("sasl_mech_list and sasl_sasldb_path go to Cyrus SASL", sasl_options),
    ]
    tap.need(IMAPD, "saslpasswd2", "openssl", "curl")
    for name, fn in tests:
        tap.run(name, fn, conf={"allowplaintext": "no"})
    tap.check("STARTTLS and -s without a certificate", starttls_unconfigured)
    tap.done()


if __name__ == "__main__":
    tap.main(main)

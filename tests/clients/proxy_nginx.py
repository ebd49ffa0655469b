#!/usr/bin/env python3
"""proxy_nginx.py - users sharded across imapd backends behind nginx's
mail proxy (conf/nginx-mail-proxy.conf), on loopback: nginx (STARTTLS,
imaps), imapd-auth-http with a shard map, two imapd-master backends and
a standby for one of them that serves the same mail root.

- Each user lands on the backend the map names (the backends' logs).
- A wrong password is refused by nginx after imapd-auth-http's answer
  (Auth-Wait), and no backend sees the attempt.
- The client's real address (it connects from 127.0.0.3; nginx from
  127.0.0.1) reaches the backend's log through the PROXY header.
- IDLE through the proxy is woken by a delivery on the backend; a 4 MB
  FETCH BODY[] arrives octet for octet.
- A backend killed mid-test: the session on it ends; the user's next
  login lands on the standby, with the same mail; after the backend
  is back (and the map reloaded with SIGHUP), logins go to it again.
- imaplib over STARTTLS and imaps, and mbsync over both, through the
  proxy.

Needs root (imapd-master switches users; nginx's workers run as nobody)
and nginx-light with libnginx-mod-mail (tools/deps.list).
"""

import imaplib
import os
import re
import socket
import ssl
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import Tap, crlf, make_message, wait_for  # noqa: E402
from proxydeploy import AUTH_HTTP, MAIL_MODULE, NGINX, Deployment, connect_from  # noqa: E402

tap = Tap("proxy_nginx")
PASSWORDS = {"alice": "alice-pw", "bob": "bob pw%1", "carol": "carol-pw"}


def tls_ctx():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


class FromIMAP4(imaplib.IMAP4):
    """imaplib from 127.0.0.3, so that the backend can tell us from nginx."""

    def _create_socket(self, timeout):
        return connect_from(self.port, timeout=timeout or 10)


class FromIMAP4_SSL(imaplib.IMAP4_SSL):
    def _create_socket(self, timeout):
        return self.ssl_context.wrap_socket(connect_from(self.port, timeout=timeout or 10),
                                            server_hostname=self.host)


def login_starttls(d, user, password=None):
    m = FromIMAP4("127.0.0.1", d.imap_port, timeout=15)
    m.starttls(ssl_context=tls_ctx())
    m.login(user, password if password is not None else PASSWORDS[user])
    return m


def login_imaps(d, user):
    """(imaplib, the tagged OK's text)"""
    m = FromIMAP4_SSL("127.0.0.1", d.imaps_port, ssl_context=tls_ctx(), timeout=15)
    _, data = m.login(user, PASSWORDS[user])
    return m, data[0].decode()


def mbsync(tap, d, user, port, ssltype, local, what):
    rc = os.path.join(local + ".rc")
    os.makedirs(local)
    with open(rc, "w") as f:
        f.write("""IMAPAccount a
Host localhost
Port %d
User %s
Pass "%s"
SSLType %s
CertificateFile %s
SystemCertificates no

IMAPStore remote
Account a

MaildirStore local
Path %s/
Inbox %s/INBOX
SubFolders Verbatim

Channel c
Far :remote:
Near :local:
Patterns *
Create Both
SyncState *
""" % (port, user, PASSWORDS[user], ssltype, d.home.cert, local, local))
    p = subprocess.run(["mbsync", "-c", rc, "-a"], capture_output=True, timeout=120)
    tap.ok(p.returncode == 0, "mbsync through the proxy, %s" % what,
           (p.stdout + p.stderr).decode(errors="replace")[-1500:])
    return p.returncode == 0


def run(tap):
    with Deployment(PASSWORDS, {"a": ["alice", "carol"], "b": ["bob"]},
                    standby={"a2": "a"}, backend_conf={"failed_login_delay": "1"}) as d:
        a, b, a2 = d.backends["a"], d.backends["b"], d.backends["a2"]
        for i in range(3):
            a.sb.deliver("alice", "INBOX", make_message(i))
            b.sb.deliver("bob", "INBOX", make_message(10 + i))

        # 1. Users land on their own backend, the client's address with them
        m = login_starttls(d, "alice")
        typ, data = m.select("INBOX")
        tap.ok(typ == "OK" and data == [b"3"], "alice over STARTTLS: her 3 messages", repr(data))
        m.logout()
        tap.ok(wait_for(lambda: a.logins("alice"), 5) and not b.logins("alice"),
               "alice's session ran on backend a", a.sb.logtext()[-1500:])
        tap.ok(any(re.search(r"from 127\.0\.0\.3:\d+", x) for x in a.logins("alice")),
               "backend a's log names the client (127.0.0.3), not the proxy",
               "\n".join(a.logins("alice")))
        m, ok_text = login_imaps(d, "bob")
        typ, data = m.select("INBOX")
        tap.ok(typ == "OK" and data == [b"3"], "bob over imaps (a password with a space and "
               "a %): his 3 messages", repr(data))
        m.logout()
        tap.ok(wait_for(lambda: b.logins("bob"), 5) and not a.logins("bob"),
               "bob's session ran on backend b")
        tap.ok(re.match(r"\[CAPABILITY IMAP4rev1 .*\bMOVE\b.*\] ", ok_text) is not None,
               "the LOGIN's OK carries the backend's capabilities to the client", ok_text)
        tap.ok(re.search(r"login: user=bob client=127\.0\.0\.3 backend=127\.0\.0\.1:%d"
                         % b.port, d.auth_text()) is not None,
               "imapd-auth-http logs whom it sent where", d.auth_text()[-1000:])

        # 2. A wrong password
        t0 = time.monotonic()
        try:
            login_starttls(d, "alice", "wrong")
            refused = False
        except imaplib.IMAP4.error as e:
            refused = "Invalid login or password" in str(e)
        took = time.monotonic() - t0
        tap.ok(refused, "a wrong password is refused with imapd-auth-http's reason")
        tap.ok(took >= 0.9, "after Auth-Wait (failed_login_delay 1 s): %.1f s" % took)
        tap.ok(re.search(r"login failed: user=alice client=127\.0\.0\.3", d.auth_text()),
               "the failure is logged with the client's address")
        tap.ok(len(a.logins("alice")) == 1 and "wrong" not in a.sb.logtext(),
               "no backend saw the failed attempt")

        # 3. IDLE through the proxy
        m = login_starttls(d, "alice")
        m.select("INBOX")
        tag = m._new_tag().decode()
        m.send(("%s IDLE\r\n" % tag).encode())
        cont = m.readline()
        tap.ok(cont.startswith(b"+"), "IDLE through the proxy", repr(cont))
        time.sleep(0.3)
        a.sb.deliver("alice", "INBOX", make_message(99))
        m.sock.settimeout(10)
        got = m.readline()
        tap.ok(re.match(rb"\* 4 EXISTS", got) is not None,
               "a delivery on the backend wakes IDLE through nginx", repr(got))
        m.send(b"DONE\r\n")
        line = m.readline()
        while line.startswith(b"*"):
            line = m.readline()
        tap.ok(line.startswith(tag.encode() + b" OK"), "DONE ends IDLE", repr(line))

        # 4. A large FETCH
        big = make_message(7, "X-Big: yes\n") + "".join(
            "%07d abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.....\n" % i
            for i in range(55000))
        a.sb.deliver("alice", "INBOX", big, suffix="big")
        big = crlf(big)
        m.noop()
        typ, data = m.fetch("5", "(BODY.PEEK[])")
        body = data[0][1] if typ == "OK" and data and isinstance(data[0], tuple) else b""
        tap.ok(body == big, "FETCH BODY[] of %.1f MB through the proxy, octet for octet"
               % (len(big) / 1e6), "got %d octets" % len(body))

        # 5. mbsync over STARTTLS and imaps (carol's mailbox on a)
        for i in range(5):
            a.sb.deliver("carol", "INBOX", make_message(200 + i))
        local = os.path.join(d.home.dir, "mbsync-starttls")
        if mbsync(tap, d, "carol", d.imap_port, "STARTTLS", local, "STARTTLS"):
            got = os.listdir(os.path.join(local, "INBOX", "cur")) + \
                os.listdir(os.path.join(local, "INBOX", "new"))
            tap.ok(len(got) == 5, "mbsync (STARTTLS) fetched carol's 5 messages", repr(got))
        local2 = os.path.join(d.home.dir, "mbsync-imaps")
        if mbsync(tap, d, "carol", d.imaps_port, "IMAPS", local2, "imaps"):
            got = os.listdir(os.path.join(local2, "INBOX", "cur")) + \
                os.listdir(os.path.join(local2, "INBOX", "new"))
            tap.ok(len(got) == 5, "mbsync (imaps) fetched carol's 5 messages", repr(got))
        tap.ok(len(a.logins("carol")) == 2 and not b.logins("carol"),
               "both mbsync sessions ran on backend a")

        # 6. Backend a dies under alice's session
        a.kill()
        try:
            m.noop()
            m.noop()
            ended = False
        except (imaplib.IMAP4.abort, OSError):
            ended = True
        tap.ok(ended, "the session on the dead backend ends")
        time.sleep(0.5)  # the auth service's last probe of a grows stale (-f 300 ms)
        m = None
        for attempt in range(5):
            try:
                m = login_starttls(d, "alice")
                break
            except (imaplib.IMAP4.error, imaplib.IMAP4.abort, OSError):
                time.sleep(0.5)
        tap.ok(m is not None, "alice logs in again (attempts: %d)" % (attempt + 1))
        if m is not None:
            typ, data = m.select("INBOX")
            tap.ok(typ == "OK" and data == [b"5"], "on the standby, with the same mail",
                   repr(data))
            m.logout()
        tap.ok(wait_for(lambda: a2.logins("alice"), 5), "alice's new session ran on the "
               "standby", a2.sb.logtext()[-1000:])
        tap.ok(re.search(r"backend 127\.0\.0\.1:%d is down" % a.port, d.auth_text()),
               "imapd-auth-http logged the backend down")
        tap.ok(re.search(r"user=alice client=127\.0\.0\.3 backend=127\.0\.0\.1:%d \(standby\)"
                         % a2.port, d.auth_text()), "and named the standby")
        m = login_starttls(d, "bob")
        tap.ok(m.select("INBOX")[0] == "OK", "bob on backend b is not affected")
        m.logout()

        # 7. Backend a back; a map edit (bob moved to a) taken with SIGHUP
        a.start()
        time.sleep(0.5)
        n_before = len(a.logins("alice"))
        m = login_starttls(d, "alice")
        m.logout()
        tap.ok(wait_for(lambda: len(a.logins("alice")) > n_before, 5),
               "backend a back: alice lands on it again")
        d.reload_map("alice %s %s\nbob %s\n* %s\n" % (a.addr, a2.addr, a.addr, b.addr))
        tap.ok(wait_for(lambda: d.auth_text().count("shard map") >= 2, 5),
               "SIGHUP: the map is read again")
        m = login_starttls(d, "bob")
        m.logout()
        tap.ok(wait_for(lambda: a.logins("bob"), 5), "after the map edit, bob lands on a")
        d.reload_map("bob 127.0.0.1\n")
        tap.ok(wait_for(lambda: "keeping the shard map in use" in d.auth_text(), 5),
               "a map with an error is not taken")
        m = login_starttls(d, "bob")
        m.logout()
        tap.ok(len(a.logins("bob")) == 2, "the old map still serves")
        # (but for the client that wrote NOOPs into the session whose
        # backend had just been killed: nginx calls that crit)
        serious = [x for x in d.nginx_errors().splitlines()
                   if re.search(r"\[(alert|crit|emerg)\]", x)
                   and "application data after close notify" not in x]
        tap.ok(not serious, "nginx logged nothing serious", "\n".join(serious[:10]))
        tap.ok(d.auth.poll() is None, "imapd-auth-http still runs")
        uid = int(open("/proc/%d/status" % d.auth.pid).read().split("Uid:")[1].split()[0])
        tap.ok(uid != 0, "imapd-auth-http does not run as root (uid %d)" % uid)


def main():
    if os.geteuid() != 0:
        tap.skip("the scale-out deployment", "needs root (imapd-master, nginx)")
        return
    tap.need(NGINX, "mbsync", "saslpasswd2", "openssl")
    if not os.path.exists(MAIL_MODULE):
        tap.ok(False, "nginx's mail module", "%s missing: apt-get install libnginx-mod-mail "
               "(tools/deps.list)" % MAIL_MODULE)
        return
    tap.need(AUTH_HTTP)
    tap.check("the scale-out deployment", lambda: run(tap))


tap.main(main)

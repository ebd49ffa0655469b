#!/usr/bin/env python3
"""proxydeploy.py - the scale-out deployment of conf/nginx-mail-proxy.conf
on loopback, for tests/clients/proxy_nginx.py and tools/bench/proxy.py.

Not a test itself.  Deployment() starts, each in a scratch Sandbox:

  backends   imapd-master per backend (proxy_trusted_networks 127.0.0.1,
             proxy_protocol yes, allowplaintext no), each with its own
             mail root; a standby shares the mail root of the backend it
             stands in for (as shared storage would);
  auth       imapd-auth-http with a shard map naming them;
  nginx      the mail module: IMAP with STARTTLS, imaps, and (for the load
             generator, which speaks no TLS) plain IMAP, auth_http at the
             auth service, proxy_protocol on.

Every user has the same password on every backend (one sasldb each, as
a directory service would give them).  close() stops everything.
"""

import os
import signal
import socket
import subprocess

from imapdtest import (MASTER, BIN, TOP, Sandbox, free_port, wait_for, wait_port)

NGINX = "/usr/sbin/nginx"
MAIL_MODULE = "/usr/lib/nginx/modules/ngx_mail_module.so"
AUTH_HTTP = os.path.join(BIN, "imapd-auth-http")

NGINX_CONF = os.path.join(TOP, "conf", "nginx-mail-proxy.conf")


def nginx_conf(ndir, auth_port, cert, key, imap_port, imaps_port, plain_port):
    """conf/nginx-mail-proxy.conf as shipped, with loopback ports, the
    sandbox's paths and certificate, info logging, and one more server
    without TLS for the load generator; each line changed must be there
    exactly once, so the file the test runs is the file shipped."""
    with open(NGINX_CONF) as f:
        text = f.read()
    changes = [
        ("pid /run/nginx.pid;", "pid %s/nginx.pid;" % ndir),
        ("error_log /var/log/nginx/error.log notice;", "error_log %s/error.log info;" % ndir),
        # -p moves nginx's prefix, which Debian's load_module line is relative to
        ("include /etc/nginx/modules-enabled/*.conf;", "load_module %s;" % MAIL_MODULE),
        ("auth_http 127.0.0.1:9143/auth;", "auth_http 127.0.0.1:%d/auth;" % auth_port),
        ("/etc/ssl/imapd/cert.pem;", cert + ";"),
        ("/etc/ssl/imapd/key.pem;", key + ";"),
        ("listen 143;", "listen 127.0.0.1:%d;" % imap_port),
        ("listen 993 ssl;", "listen 127.0.0.1:%d ssl;" % imaps_port),
    ]
    for old, new in changes:
        if text.count(old) != 1:
            raise RuntimeError("%s: %r is not there exactly once" % (NGINX_CONF, old))
        text = text.replace(old, new)
    at = text.rstrip().rfind("}")
    return (text[:at] + "    server {\n        listen 127.0.0.1:%d;\n        protocol imap;\n"
            "        starttls off;\n    }\n}\n" % plain_port)




class Backend:
    def __init__(self, name, users, mail_of=None, conf=None):
        self.name = name
        self.port = free_port()
        settings = {"proxy_trusted_networks": "127.0.0.1", "proxy_protocol": "yes",
                    "allowplaintext": "no"}
        settings.update(conf or {})
        self.sb = Sandbox(conf=settings, prefix="imapd-%s-" % name)
        if mail_of is not None:
            self.sb.mail = mail_of.sb.mail
            self.sb.set(mail_location=mail_of.sb.mail + "/%u")
        for user, password in users.items():
            self.sb.add_user(user, password)
        self.services = os.path.join(self.sb.dir, "services.conf")
        with open(self.services, "w") as f:
            f.write("imap listen=127.0.0.1:%d prefork=1\n" % self.port)
        self.proc = None
        self.start()

    def start(self):
        self.proc = self.sb.popen([MASTER, "-C", self.sb.conf, "-M", self.services],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  group=True)
        pid = self.proc.pid
        if not wait_for(lambda: "started (pid %d)" % pid in self.sb.logtext(), 10):
            raise RuntimeError("backend %s did not start:\n%s" % (self.name,
                                                                  self.sb.logtext()[-2000:]))

    def kill(self):
        """SIGKILL to the master and every process of its group (its
        sessions): a backend machine that died."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(10)

    @property
    def addr(self):
        return "127.0.0.1:%d" % self.port

    def logins(self, user):
        """The login lines of user in this backend's log."""
        return [line for line in self.sb.logtext().splitlines()
                if "login: user=%s " % user in line]


class Deployment:
    """backends: {name: [users]}; standby: {name: name of the backend whose
    mail it serves}; passwords: {user: password}."""

    def __init__(self, passwords, backends, standby=None, fresh_ms=300, backend_conf=None):
        self.backends = {}
        self.auth = None
        self.nginx = None
        try:
            self._start(passwords, backends, standby or {}, fresh_ms, backend_conf)
        except BaseException:
            self.close()
            raise

    def _start(self, passwords, backends, standby, fresh_ms, backend_conf):
        for name in backends:
            self.backends[name] = Backend(name, passwords, conf=backend_conf)
        for name, of in standby.items():
            self.backends[name] = Backend(name, passwords, mail_of=self.backends[of],
                                          conf=backend_conf)
        stands_for = {of: name for name, of in standby.items()}
        # The auth service: the first backend's sandbox (its sasldb knows
        # every user), a log of its own.
        home = self.backends[next(iter(backends))].sb
        self.home = home
        self.map_path = os.path.join(home.dir, "shardmap")
        with open(self.map_path, "w") as f:
            f.write("# user  backend  [standby]\n")
            for name, users in backends.items():
                for u in users:
                    sb_name = stands_for.get(name)
                    f.write("%s %s%s\n" % (u, self.backends[name].addr,
                                           " " + self.backends[sb_name].addr if sb_name else ""))
        os.chmod(home.dir, 0o755)
        os.chmod(self.map_path, 0o644)
        self.auth_log = os.path.join(home.dir, "auth-http.log")
        self.auth_port = free_port()
        env = dict(home.env)
        env["IMAPD_LOG_FILE"] = self.auth_log
        self.auth = home.popen([AUTH_HTTP, "-C", home.conf, "-m", self.map_path,
                                "-l", "127.0.0.1:%d" % self.auth_port, "-f", str(fresh_ms),
                                "-t", "500"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
        if not wait_for(lambda: "listening on" in self.auth_text(), 10):
            raise RuntimeError("imapd-auth-http did not start:\n" + self.auth_text()[-2000:]
                               + (self.auth.stderr.read().decode(errors="replace")
                                  if self.auth.poll() is not None else ""))
        self.ndir = os.path.join(home.dir, "nginx")
        os.makedirs(self.ndir)
        self.imap_port, self.imaps_port, self.plain_port = free_port(), free_port(), free_port()
        conf = os.path.join(self.ndir, "nginx.conf")
        with open(conf, "w") as f:
            f.write(nginx_conf(self.ndir, self.auth_port, home.cert, home.key, self.imap_port,
                               self.imaps_port, self.plain_port))
        # In the foreground (the conf is a system's, which lets nginx
        # daemonize), so that close() ends it with its workers.
        self.nginx = home.popen([NGINX, "-p", self.ndir, "-c", conf, "-g", "daemon off;"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, group=True)
        for port in (self.imap_port, self.imaps_port, self.plain_port):
            if not wait_port(port, 10) or self.nginx.poll() is not None:
                raise RuntimeError("nginx did not start (or left the foreground): "
                                   + self.nginx_errors()[-2000:])

    def auth_text(self):
        try:
            with open(self.auth_log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def nginx_errors(self):
        try:
            with open(os.path.join(self.ndir, "error.log"), errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def reload_map(self, text):
        with open(self.map_path + ".new", "w") as f:
            f.write(text)
        os.rename(self.map_path + ".new", self.map_path)
        self.auth.send_signal(signal.SIGHUP)

    def close(self):
        if self.nginx is not None and self.nginx.poll() is None:
            # SIGQUIT: nginx's graceful stop; the group takes the worker
            try:
                os.killpg(self.nginx.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.nginx.pid, signal.SIGKILL)
        if self.auth is not None and self.auth.poll() is None:
            self.auth.terminate()
            try:
                self.auth.wait(10)
            except subprocess.TimeoutExpired:
                self.auth.kill()
        for b in self.backends.values():
            b.sb.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def connect_from(port, source="127.0.0.3", timeout=10):
    """A TCP connection to 127.0.0.1:port from another loopback address
    (so the backend's log can tell the client from the proxy)."""
    s = socket.socket()
    s.settimeout(timeout)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


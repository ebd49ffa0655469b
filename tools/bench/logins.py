#!/usr/bin/env python3
"""logins.py - logins per second through imapd-master, and through Dovecot.

    python3 tools/bench/logins.py            # as root; 10 clients, 30 s each
    LOGINS_SECONDS=10 LOGINS_CLIENTS=10 python3 tools/bench/logins.py

Each of LOGINS_CLIENTS clients (tools/bench/loginload.c) goes round:
connect, LOGIN, SELECT INBOX, FETCH 1 (FLAGS), LOGOUT, for LOGINS_SECONDS,
against our imapd-master and against a private Dovecot 2.3 instance
(Debian's dovecot-imapd, as tools/bench/bench.py runs it: loopback, mail
owned by nobody, plaintext LOGIN allowed, passwd-file users).  Prints the
rounds per second of both, the ratio, and the CPU the load generator used
(well under one core means it was not the bottleneck).

Environment: LOGINS_SECONDS (30), LOGINS_CLIENTS (10), LOGINS_SERVERS
("imapd dovecot"), BENCH_BIN (build dir of imapd-master, default bin),
LOGINS_KEEP=1 keeps the work directory, LOGINS_SERVICES (extra words for
the imap service line, e.g. "prefork=2"), LOGINS_IMAPD_CONF (more
imapd.conf lines, "key: value; key: value").  Exit status 0 when every server
ran with no failed round, 1 otherwise, 2 when a prerequisite is missing.
Reports; gates nothing.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import maildir_gen  # noqa: E402

SECONDS = float(os.environ.get("LOGINS_SECONDS", "30"))
CLIENTS = int(os.environ.get("LOGINS_CLIENTS", "10"))
SERVERS = os.environ.get("LOGINS_SERVERS", "imapd dovecot").split()
BIN = os.path.abspath(os.path.join(TOP, os.environ.get("BENCH_BIN", "bin")))
KEEP = os.environ.get("LOGINS_KEEP", "") not in ("", "0")
EXTRA = os.environ.get("LOGINS_SERVICES", "")
# "performance": Dovecot's imap-login serving many clients per process
# (service_count = 0, process_min_avail = 2), as our login processes do;
# default: Dovecot's own defaults (one imap-login process per connection).
DOVECOT_MODE = os.environ.get("LOGINS_DOVECOT_MODE", "default")
DOVECOT = os.environ.get("DOVECOT", "/usr/sbin/dovecot")
# More imapd.conf lines, "key: value; key: value" (e.g. "mail_namespace: no").
IMAPD_EXTRA = os.environ.get("LOGINS_IMAPD_CONF", "")
USER, PASS = "benchuser", "benchpass"
NOBODY = 65534


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_port(port, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def loadgen(work):
    exe = os.path.join(work, "loginload")
    subprocess.run(["cc", "-O2", "-o", exe, os.path.join(HERE, "loginload.c")], check=True)
    return exe


def run_load(exe, port):
    out = subprocess.run([exe, "-p", str(port), "-c", str(CLIENTS), "-t", str(SECONDS),
                          "-u", USER, "-w", PASS], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("loginload: %s" % out.stderr)
    kv = dict(w.split("=", 1) for w in out.stdout.split())
    if out.stderr.strip():
        kv["stderr"] = out.stderr.strip().splitlines()[-1]
    return kv


def mail_for(d):
    mail = os.path.join(d, "mail", USER)
    maildir_gen.make_maildir(mail, 20, seed=7)
    subprocess.run(["chown", "-R", "%d:%d" % (NOBODY, NOBODY), os.path.join(d, "mail")],
                   check=True)


def imapd(work, exe):
    d = os.path.join(work, "imapd")
    os.makedirs(os.path.join(d, "config", "msg"))
    mail_for(d)
    sasldb = os.path.join(d, "sasldb2")
    subprocess.run(["saslpasswd2", "-c", "-p", "-f", sasldb, "-u", "bench", USER],
                   input=PASS.encode(), check=True, capture_output=True)
    os.chmod(sasldb, 0o644)
    conf = os.path.join(d, "imapd.conf")
    with open(conf, "w") as f:
        f.write("configdirectory: %s/config\nservername: bench\nmail_location: %s/mail/%%u\n"
                "mail_user: nobody\nfailed_login_delay: 0\nallowplaintext: yes\n"
                "sasl_pwcheck_method: auxprop\nsasl_auxprop_plugin: sasldb\n"
                "sasl_sasldb_path: %s\n" % (d, d, sasldb))
        for kv in IMAPD_EXTRA.split(";"):
            if kv.strip():
                f.write(kv.strip() + "\n")
    port = free_port()
    services = os.path.join(d, "services.conf")
    with open(services, "w") as f:
        f.write('imap listen=127.0.0.1:%d prefork=2 maxchild=100 %s\n' % (port, EXTRA))
    env = dict(PATH="/usr/sbin:/usr/bin:/sbin:/bin", IMAPD_LOG_FILE=os.path.join(d, "imapd.log"))
    m = subprocess.Popen([os.path.join(BIN, "imapd-master"), "-C", conf, "-M", services],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        if not wait_port(port):
            raise RuntimeError("imapd-master did not start")
        time.sleep(0.5)
        return run_load(exe, port)
    finally:
        m.terminate()
        try:
            m.wait(20)
        except subprocess.TimeoutExpired:
            m.kill()
            m.wait()


def dovecot(work, exe):
    if not os.access(DOVECOT, os.X_OK):
        raise RuntimeError("%s missing (apt-get install dovecot-imapd)" % DOVECOT)
    d = os.path.join(work, "dovecot")
    os.makedirs(os.path.join(d, "run"))
    mail_for(d)
    with open(os.path.join(d, "passwd"), "w") as f:
        f.write("%s:{PLAIN}%s::::::\n" % (USER, PASS))
    port = free_port()
    conf = os.path.join(d, "dovecot.conf")
    # Dovecot's defaults for processes and logins (imap-login in its
    # default high-security mode: one process per connection).
    with open(conf, "w") as f:
        f.write("""base_dir = {d}/run
state_dir = {d}/run
instance_name = logins-dovecot
protocols = imap
listen = 127.0.0.1
log_path = {d}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{d}/mail/%u
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {d}/passwd
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={d}/mail/%u
}}
service imap-login {{
{login_mode}
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    port = 0
  }}
  inet_listener pop3s {{
    port = 0
  }}
}}
namespace inbox {{
  inbox = yes
  separator = .
}}
""".format(d=d, port=port,
           login_mode="  service_count = 0\n  process_min_avail = 2"
           if DOVECOT_MODE == "performance" else ""))
    m = subprocess.Popen([DOVECOT, "-F", "-c", conf], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    try:
        if not wait_port(port):
            raise RuntimeError("dovecot did not start")
        time.sleep(0.5)
        return run_load(exe, port)
    finally:
        m.terminate()
        try:
            m.wait(20)
        except subprocess.TimeoutExpired:
            m.kill()
            m.wait()


def main():
    if os.getuid() != 0:
        print("logins: needs root (mail owned by nobody, as bench.py)")
        return 2
    work = tempfile.mkdtemp(prefix="imapd-logins-")
    os.chmod(work, 0o755)
    failed = False
    results = {}
    try:
        exe = loadgen(work)
        for name in SERVERS:
            fn = {"imapd": imapd, "dovecot": dovecot}[name]
            try:
                results[name] = fn(work, exe)
            except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
                print("logins: %s: %s" % (name, e))
                failed = True
                continue
            r = results[name]
            failed |= int(r["errors"]) > 0
            label = name if name != "dovecot" or DOVECOT_MODE == "default" else "dovecot-perf"
            print("logins: %-12s %7s logins/s  (%s rounds in %s s, %s failed; load generator "
                  "used %s of a core)%s" % (label, r["rate"], r["logins"], r["seconds"],
                                           r["errors"], r["cpu"],
                                           "  last error: " + r["stderr"] if "stderr" in r else ""))
        if "imapd" in results and "dovecot" in results:
            a, b = float(results["imapd"]["rate"]), float(results["dovecot"]["rate"])
            print("logins: ratio imapd/dovecot %.2f (%d clients, %g s)" % (a / b if b else 0,
                                                                         CLIENTS, SECONDS))
    finally:
        if KEEP:
            print("logins: kept %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

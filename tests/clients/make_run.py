#!/usr/bin/env python3
"""make_run.py - `make run`: the demo set-up of tools/run-demo.sh, served by
imapd-master, reached with curl and imaplib, stopped by Ctrl-C (SIGINT to
the process group), and reused when run again."""

import hashlib
import imaplib
import os
import re
import signal
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import (BIN, IMAPD, MASTER, TOP, Tap, free_port,  # noqa: E402
                       no_verify_context, wait_for)

tap = Tap("make-run")


def makefile_target():
    p = subprocess.run(["make", "-n", "-C", TOP, "--no-print-directory", "run", "IMAP_PORT=2143",
                        "IMAPS_PORT=2993", "BIN=/nonexistent/bin", "RUN_DIR=/tmp/x"],
                       capture_output=True, text=True)
    assert "tools/run-demo.sh /nonexistent/bin /tmp/x 2143 2993" in p.stdout, p.stdout + p.stderr
    return True


class Demo:
    """tools/run-demo.sh RUN in a process group of its own (as a terminal
    would run it), started by the sandbox, which kills the group at the
    latest when it is closed."""

    def __init__(self, sb, run):
        self.run = run
        self.imap, self.imaps = free_port(), free_port()
        self.out = open(os.path.join(os.path.dirname(run), "out.txt"), "w+")
        env = dict(os.environ)
        env.pop("IMAPD_LOG_FILE", None)
        self.p = sb.popen(["sh", os.path.join(TOP, "tools/run-demo.sh"), BIN, run,
                           str(self.imap), str(self.imaps)], group=True, stdout=self.out,
                          stderr=subprocess.STDOUT, env=env)

    def log(self):
        try:
            with open(os.path.join(self.run, "imapd.log")) as f:
                return f.read()
        except OSError:
            return ""

    def output(self):
        self.out.seek(0)
        return self.out.read()

    def ready(self):
        return wait_for(lambda: re.search(r"imapd-master\[%d\]: notice: started" % self.p.pid,
                                          self.log()), 20)

    def ctrl_c(self):
        os.killpg(self.p.pid, signal.SIGINT)
        return self.p.wait(15)

    def kill(self):
        try:
            os.killpg(self.p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.p.wait(5)
        self.out.close()


def curl(args):
    return subprocess.run(["curl", "-s", "-S", "-k", "--max-time", "15"] + args,
                          capture_output=True, text=True)


def demo_session(sb):
    run = os.path.join(sb.dir, "run")
    d = Demo(sb, run)
    try:
        assert d.ready(), d.output() + d.log()
        out = d.output()
        assert "curl -k --ssl-reqd imap://127.0.0.1:%d/ -u demo:demo" % d.imap in out, out
        r = curl(["--ssl-reqd", "imap://127.0.0.1:%d/" % d.imap, "-u", "demo:demo", "-X",
                  "CAPABILITY"])
        assert r.returncode == 0 and "IMAP4rev1" in r.stdout, (r.returncode, r.stdout, r.stderr)
        r = curl(["imaps://127.0.0.1:%d/" % d.imaps, "-u", "demo:demo", "--login-options",
                  "AUTH=CRAM-MD5", "-X", "NOOP"])
        assert r.returncode == 0, (r.returncode, r.stdout, r.stderr)
        r = curl(["imaps://127.0.0.1:%d/" % d.imaps, "-u", "demo:wrong", "-X", "NOOP"])
        assert r.returncode == 67, r.returncode
        m = imaplib.IMAP4("127.0.0.1", d.imap)
        m.starttls(ssl_context=no_verify_context())
        assert m.login("demo", "demo")[0] == "OK"
        m.logout()
        box = os.path.join(run, "mail", "demo")
        assert len(os.listdir(os.path.join(box, "cur"))) == 2
        assert len(os.listdir(os.path.join(box, "new"))) == 1
        if os.getuid() == 0:
            with open(os.path.join(run, "imapd.conf")) as f:
                assert re.search(r"^mail_user: (nobody|root)$", f.read(), re.M)
        # Ctrl-C: the whole process group gets SIGINT
        assert d.ctrl_c() == 0, "master exit status"
        alive = subprocess.run(["ps", "-o", "pid=", "-g", str(d.p.pid)], capture_output=True,
                               text=True).stdout.split()
        assert alive == [], "left running: %r" % alive
        assert not os.path.exists(os.path.join(run, "imapd-master.pid"))
    finally:
        d.kill()
    with open(os.path.join(run, "tls", "cert.pem"), "rb") as f:
        cert = hashlib.sha256(f.read()).hexdigest()
    # Again: the set-up is reused, the ports may change.
    d = Demo(sb, run)
    try:
        assert d.ready(), d.output() + d.log()
        assert "making a self-signed certificate" not in d.output()
        with open(os.path.join(run, "tls", "cert.pem"), "rb") as f:
            assert hashlib.sha256(f.read()).hexdigest() == cert
        r = curl(["imaps://127.0.0.1:%d/" % d.imaps, "-u", "demo:demo", "-X", "NOOP"])
        assert r.returncode == 0, (r.returncode, r.stderr)
        assert d.ctrl_c() == 0
    finally:
        d.kill()
    return True


def main():
    tap.need(IMAPD, MASTER, "make", "saslpasswd2", "openssl", "curl", "ps")
    tap.check("make run IMAP_PORT=.. IMAPS_PORT=.. runs tools/run-demo.sh with them",
              makefile_target)
    # The sandbox is only the scratch directory and the process cleanup:
    # run-demo.sh makes its own set-up under run/.
    tap.run("demo: set up, served on both ports, Ctrl-C stops, reused on rerun", demo_session,
            sasl=False, tls=False)
    tap.done()


if __name__ == "__main__":
    tap.main(main)

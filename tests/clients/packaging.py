#!/usr/bin/env python3
"""packaging.py - make install / make uninstall, and the Debian packaging's
agreement with tools/deps.list.

make install runs into scratch DESTDIRs with the flavour make check built
(SANITIZE and O come from make's command line through MAKEFLAGS).
"""

import os
import re
import subprocess
import sys
import tempfile
import shutil

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import TOP, Tap  # noqa: E402

tap = Tap("packaging")
# build-essential brings these; debian/control does not name them.
BUILD_ESSENTIAL = {"make", "gcc", "libc6-dev"}


def deps(purpose):
    with open(os.path.join(TOP, "tools", "deps.list"), encoding="utf-8") as f:
        return {w[1] for w in (l.split() for l in f if l.strip() and not l.lstrip().startswith("#"))
                if w[0] == purpose}


def control():
    """debian/control as a list of {field: value} paragraphs."""
    with open(os.path.join(TOP, "debian", "control"), encoding="utf-8") as f:
        text = f.read()
    paras = []
    for block in re.split(r"\n\s*\n", text.strip()):
        para, key = {}, None
        for line in block.splitlines():
            if line[:1] in (" ", "\t") and key:
                para[key] += " " + line.strip()
            elif ":" in line:
                key, val = line.split(":", 1)
                para[key] = val.strip()
        paras.append(para)
    return paras


def names(relation):
    """Package names of a relation field, without versions or profiles."""
    return {re.split(r"[\s(<\[]", alt.strip())[0]
            for rel in relation.split(",") if rel.strip() for alt in rel.split("|")}


def build_depends_match_deps():
    bd = names(control()[0]["Build-Depends"]) - {"debhelper-compat"}
    build = deps("build") - BUILD_ESSENTIAL
    assert build <= bd, "build packages missing from Build-Depends: %s" % sorted(build - bd)
    extra = bd - build - deps("deb")
    assert not extra, "Build-Depends not in tools/deps.list (build or deb): %s" % sorted(extra)


def imap_server_relations():
    pkg = control()[1]
    # As cyrus-imapd and courier-imap: one imap-server at a time.
    assert "imap-server" in names(pkg.get("Provides", "")), pkg
    assert "imap-server" in names(pkg.get("Conflicts", "")), pkg


def make(*args):
    p = subprocess.run(["make", "-s", "--no-print-directory", "-C", TOP, "NO_DEPS=1"] + list(args),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
    assert p.returncode == 0, "make %s: %s" % (" ".join(args), p.stdout)
    return p.stdout


def tree(root):
    out = set()
    for d, dirs, files in os.walk(root):
        for n in files + [x for x in dirs if os.path.islink(os.path.join(d, x))]:
            out.add(os.path.relpath(os.path.join(d, n), root))
    return out


def install_layout(dest):
    make("install", "DESTDIR=" + dest, "PREFIX=/usr")
    files = tree(dest)
    want = {"usr/sbin/imapd", "usr/sbin/imapd-master", "usr/sbin/rimapd",
            "usr/share/man/man8/imapd.8", "usr/share/man/man8/imapd-master.8",
            "usr/share/man/man5/imapd.conf.5", "usr/share/doc/imapd/examples/imapd.conf",
            "usr/share/doc/imapd/examples/inetd.conf", "usr/share/doc/imapd/examples/xinetd.d/imap",
            "usr/share/doc/imapd/examples/systemd/imapd.socket",
            "usr/lib/systemd/system/imapd-master.service", "usr/lib/systemd/system/imapd@.service",
            "etc/imapd.conf", "etc/imapd-master.conf"}
    assert want <= files, "not installed: %s" % sorted(want - files)
    assert os.readlink(os.path.join(dest, "usr/sbin/rimapd")) == "imapd"
    assert os.access(os.path.join(dest, "usr/sbin/imapd-master"), os.X_OK)
    with open(os.path.join(dest, "usr/lib/systemd/system/imapd-master.service")) as f:
        assert "ExecStart=/usr/sbin/imapd-master -C /etc/imapd.conf" in f.read()


def prefix_in_units(dest):
    make("install", "DESTDIR=" + dest, "PREFIX=/opt/imapd", "SYSCONFDIR=/opt/imapd/etc")
    with open(os.path.join(dest, "opt/imapd/lib/systemd/system/imapd@.service")) as f:
        unit = f.read()
    assert "ExecStart=/opt/imapd/sbin/imapd -C /opt/imapd/etc/imapd.conf" in unit, unit
    with open(os.path.join(dest, "opt/imapd/share/doc/imapd/examples/xinetd.d/imap")) as f:
        assert "server\t\t= /opt/imapd/sbin/imapd" in f.read()


def keeps_existing_config(dest):
    os.makedirs(os.path.join(dest, "etc"))
    mine = "# the admin's own\nmail_location: /srv/mail/%u\n"
    with open(os.path.join(dest, "etc/imapd.conf"), "w") as f:
        f.write(mine)
    out = make("install", "DESTDIR=" + dest, "PREFIX=/usr")
    with open(os.path.join(dest, "etc/imapd.conf")) as f:
        assert f.read() == mine
    assert "kept %s/etc/imapd.conf" % dest in out, out
    assert os.path.exists(os.path.join(dest, "etc/imapd-master.conf"))


def uninstall_leaves_etc(dest):
    make("install", "DESTDIR=" + dest, "PREFIX=/usr")
    make("uninstall", "DESTDIR=" + dest, "PREFIX=/usr")
    left = tree(dest)
    assert left == {"etc/imapd.conf", "etc/imapd-master.conf"}, sorted(left)


def main():
    tap.check("debian/control Build-Depends = tools/deps.list build (+ deb)", build_depends_match_deps)
    tap.check("debian/control: Provides and Conflicts imap-server", imap_server_relations)
    for what, fn in [("make install PREFIX=/usr DESTDIR=...: binaries, man pages, examples, units, /etc",
                      install_layout),
                     ("make install PREFIX=/opt/imapd: the units and examples name its paths",
                      prefix_in_units),
                     ("make install keeps an existing /etc/imapd.conf", keeps_existing_config),
                     ("make uninstall removes all but /etc", uninstall_leaves_etc)]:
        dest = tempfile.mkdtemp(prefix="imapd-install-")
        try:
            tap.check(what, lambda: fn(dest))
        finally:
            shutil.rmtree(dest, ignore_errors=True)
    tap.done()


if __name__ == "__main__":
    main()

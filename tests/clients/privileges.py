#!/usr/bin/env python3
"""privileges.py - a root imapd becomes the mail account at login.

mail_user (virtual users) and a system user's own account; root and
unknown accounts refused; the session confined (no_new_privs, Landlock;
tests/unit/test_privs.c checks the file access itself).  Needs root.
"""

import os
import pwd
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import IMAPD, USER, PASSWORD, Tap, proc_status  # noqa: E402

tap = Tap("privileges")


def login_and_inspect(sb, user, password, *args):
    p, c = sb.imapd_pipe(*args)
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (user, password))
    uid = proc_status(p.pid, "Uid")
    gid = proc_status(p.pid, "Gid")
    nnp = proc_status(p.pid, "NoNewPrivs")
    c.cmd("LOGOUT")
    p.wait(5)
    return t, uid, gid, nnp


def nobody():
    return pwd.getpwnam("nobody")


def mail_user(sb):
    nb = nobody()
    os.makedirs(sb.mail)
    os.chown(sb.mail, nb.pw_uid, nb.pw_gid)
    sb.set(mail_user="nobody")
    t, uid, gid, nnp = login_and_inspect(sb, USER, PASSWORD)
    assert " OK " in t, t
    assert uid == [str(nb.pw_uid)] * 4, uid
    assert gid == [str(nb.pw_gid)] * 4, gid
    assert nnp == ["1"], nnp
    st = os.stat(os.path.join(sb.mail, USER))
    assert st.st_uid == nb.pw_uid, st
    return True


def mail_group(sb):
    """mail_group replaces mail_user's primary group."""
    import grp
    nb = nobody()
    try:
        g = grp.getgrnam("nogroup")
    except KeyError:
        g = grp.getgrnam("daemon")
    os.makedirs(sb.mail)
    os.chown(sb.mail, nb.pw_uid, g.gr_gid)
    sb.set(mail_user="nobody", mail_group=g.gr_name)
    t, uid, gid, _ = login_and_inspect(sb, USER, PASSWORD)
    assert " OK " in t, t
    assert uid == [str(nb.pw_uid)] * 4 and gid == [str(g.gr_gid)] * 4, (uid, gid)
    return True


def system_user(sb):
    """No mail_user: the login's own Unix account (here: nobody)."""
    nb = nobody()
    os.makedirs(sb.mail)
    os.chown(sb.mail, nb.pw_uid, nb.pw_gid)
    sb.add_user("nobody", "nobodypass")
    sb.set(mail_user=None)
    t, uid, gid, nnp = login_and_inspect(sb, "nobody", "nobodypass")
    assert " OK " in t, t
    assert uid == [str(nb.pw_uid)] * 4, uid
    return True


def virtual_without_mail_user(sb):
    sb.set(mail_user=None)
    t, uid, _, _ = login_and_inspect(sb, USER, PASSWORD)
    assert t.startswith("t1 NO [UNAVAILABLE]"), t
    assert "set mail_user to serve virtual users" in sb.logtext()
    return True


def root_refused(sb):
    sb.add_user("root", "rootpass")
    sb.set(mail_user=None)
    t, uid, _, _ = login_and_inspect(sb, "root", "rootpass")
    assert t.startswith("t1 NO [UNAVAILABLE]"), t
    assert "refusing to serve mail as root" in sb.logtext()
    return True


def sandbox_off(sb):
    """sandbox: no: the same switch, without no_new_privs/Landlock."""
    nb = nobody()
    os.makedirs(sb.mail)
    os.chown(sb.mail, nb.pw_uid, nb.pw_gid)
    sb.set(mail_user="nobody", sandbox="no")
    t, uid, _, nnp = login_and_inspect(sb, USER, PASSWORD)
    assert " OK " in t and uid == [str(nb.pw_uid)] * 4, (t, uid)
    assert nnp == ["0"], nnp
    return True


def main():
    tests = [
        ("mail_user: the session runs as that account, confined", mail_user),
        ("mail_group: the session's group", mail_group),
        ("a system user's session runs as that user", system_user),
        ("a virtual user without mail_user is refused as root", virtual_without_mail_user),
        ("root cannot log in to a root imapd", root_refused),
        ("sandbox: no keeps the switch, drops the confinement", sandbox_off),
    ]
    tap.need(IMAPD, "saslpasswd2", "openssl")
    for name, fn in tests:
        if os.getuid() != 0:
            tap.skip(name, "needs root")
            continue
        try:
            nobody()
        except KeyError:
            tap.skip(name, "no user nobody")
            continue
        tap.run(name, fn)
    tap.done()


if __name__ == "__main__":
    tap.main(main)

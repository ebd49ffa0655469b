#!/usr/bin/env python3
"""login_domains.py - a login name with a domain reaches the account it names.

Cyrus SASL looks "bob" up as bob in the default realm (servername), so
"bob@<servername>" is the same account: it must get bob's maildir, never a
second, empty one.  With virtdomains: off (the default) a login in any
other domain is refused; with virtdomains: userid it is a user of that
domain (%d, %n in mail_location), and defaultdomain names the domain whose
users go without it.  Names that cannot be a path are refused before any
directory is made.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import USER, PASSWORD, REALM, Sandbox, Tap  # noqa: E402

tap = Tap("domains")


def add_realm_user(sb, user, realm, password):
    p = subprocess.run(["saslpasswd2", "-c", "-p", "-f", sb.sasldb, "-u", realm, user],
                       input=password.encode(), capture_output=True)
    assert p.returncode == 0, p.stderr
    os.chmod(sb.sasldb, 0o644)


def session(sb, user, password, *cmds):
    """Log in as user; run cmds; return the tagged answer of LOGIN and
    the untagged and tagged lines of each command."""
    p, c = sb.imapd_pipe()
    c.greeting()
    _, t = c.cmd("LOGIN %s %s" % (user, password))
    out = [c.cmd(x) for x in cmds] if " OK " in t else []
    c.cmd("LOGOUT")
    p.wait(5)
    return t, out


def tree(path):
    """Every directory under path that holds a maildir (cur/), relative."""
    found = []
    for d, subdirs, _ in os.walk(path):
        if "cur" in subdirs and not os.path.basename(d).startswith("."):
            found.append(os.path.relpath(d, path))
    return sorted(found)


def default_realm_same_maildir(sb):
    p, c = sb.imapd_pipe()
    c.greeting()
    c.cmd("LOGIN %s %s" % (USER, PASSWORD))
    c.send("a APPEND INBOX {12}\r\n")
    assert c.read_line().startswith("+")
    c.send("Subject: x\r\n\r\n")
    l = c.read_line()
    assert l.startswith("a OK"), l
    c.cmd("LOGOUT")
    p.wait(5)
    for login in ("%s@%s" % (USER, REALM), "%s@%s" % (USER, REALM.upper())):
        t, out = session(sb, login, PASSWORD, "SELECT INBOX")
        if login.endswith(REALM.upper()) and " NO " in t:
            continue  # the SASL realm is case-sensitive: not the same account to SASL
        assert " OK " in t, (login, t)
        untagged, tagged = out[0]
        assert "* 1 EXISTS" in untagged, (login, untagged)
    assert tree(sb.mail) == [USER], tree(sb.mail)
    return True


def other_domain_refused(sb):
    add_realm_user(sb, "alice", "example.org", "alicepw")
    t, _ = session(sb, "alice@example.org", "alicepw")
    assert t.startswith("t1 NO [UNAVAILABLE]"), t
    assert not os.path.exists(sb.mail) or tree(sb.mail) == [], tree(sb.mail)
    assert "set virtdomains: userid" in sb.logtext(), sb.logtext()
    return True


def virtdomains_userid(sb):
    sb.set(virtdomains="userid", mail_location=sb.mail + "/%d/%n")
    add_realm_user(sb, "alice", "Example.org", "alicepw")
    for login, password in (("alice@Example.org", "alicepw"), (USER, PASSWORD),
                            ("%s@%s" % (USER, REALM), PASSWORD)):
        t, _ = session(sb, login, password)
        assert " OK " in t, (login, t)
    assert tree(sb.mail) == ["example.org/alice", "%s/%s" % (REALM, USER)], tree(sb.mail)
    return True


def defaultdomain(sb):
    """defaultdomain is also the SASL realm of users who name none."""
    sb.set(virtdomains="userid", defaultdomain="example.org")
    add_realm_user(sb, "alice", "example.org", "alicepw")
    for login in ("alice@example.org", "alice"):
        t, _ = session(sb, login, "alicepw")
        assert " OK " in t, (login, t)
    # The servername's realm is a domain like any other now.
    t, _ = session(sb, "%s@%s" % (USER, REALM), PASSWORD)
    assert " OK " in t, t
    t, _ = session(sb, USER, PASSWORD)
    assert " NO " in t, t
    assert tree(sb.mail) == ["alice", "%s@%s" % (USER, REALM)], tree(sb.mail)
    return True


def unsafe_refused(sb):
    sb.set(virtdomains="userid")
    for user, realm in (("..", "example.org"), ("a", "..")):
        add_realm_user(sb, user, realm, "pw")
        t, _ = session(sb, "%s@%s" % (user, realm), "pw")
        assert t.startswith("t1 NO"), (user, realm, t)
    assert not os.path.exists(sb.mail) or tree(sb.mail) == [], tree(sb.mail)
    return True


def main():
    tests = [
        ("user@<servername> is the user: the same maildir", default_realm_same_maildir),
        ("virtdomains: off refuses another domain, makes no maildir", other_domain_refused),
        ("virtdomains: userid: %d and %n, domains in lower case", virtdomains_userid),
        ("defaultdomain: its users go without the domain", defaultdomain),
        ("names that cannot be a path are refused", unsafe_refused),
    ]
    for name, fn in tests:
        with Sandbox() as sb:
            tap.check(name, lambda: fn(sb))
    tap.done()


if __name__ == "__main__":
    main()

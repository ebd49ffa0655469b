#!/usr/bin/env python3
"""faultlib.py - imapd under the fault injector, and what its store holds.

Not a test itself.  The crash and disk-error tests (tests/clients/
rename_crash.py, store_kill.py, store_diskfull.py) and `make torture`
share it:

  injector()  the path of faultinject.so (tests/lib/faultinject.c, built by
              `make check` into $BUILD/tests/), or None
  Session     one imapd pre-authenticated on a pipe (rimapd), optionally
              under the injector: a kill or an errno at the n-th counted
              file system call under the mail root, counting only while a
              command is "armed"; what it counted is readable as a log
  snapshot()  every mailbox through a fresh session: UIDVALIDITY,
              UIDNEXT, HIGHESTMODSEQ (with CONDSTORE), each message's UID,
              flags, MODSEQ and X-Torture-Id header
  compare_box()  what may have changed in a mailbox between two snapshots
  orphans()   files and directories under the mail root that a crashed
              writer left and the last open should have removed
  mount_fs()  a small tmpfs or a second-granular ext4 under the sandbox, in
              a private mount namespace (in_private_namespace(), as root)
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from imapdtest import TOP, Connection, IMAPError, capabilities  # noqa: E402

__all__ = ["injector", "Session", "Box", "snapshot", "orphans", "message", "torture_id",
           "parse_fetch", "list_names", "FS_KINDS", "in_private_namespace", "mount_fs",
           "compare_box", "relay_tap"]


def injector():
    """faultinject.so of this build, or None if it is not built."""
    path = os.environ.get("FAULTINJECT") or os.path.join(
        TOP, os.environ.get("BUILD", "build/default"), "tests", "faultinject.so")
    return path if os.path.exists(path) else None


def message(tid, size=0, subject=None):
    """A message with header X-Torture-Id: tid, about size octets long."""
    body = "Message %s.\r\n" % tid
    if size > len(body):
        line = ("torture %s " % tid * 8)[:70] + "\r\n"
        body += line * ((size - len(body)) // len(line) + 1)
    return ("From: torture@example.com\r\nTo: user@example.com\r\n"
            "Subject: %s\r\nX-Torture-Id: %s\r\n\r\n%s" % (subject or "m " + str(tid), tid,
                                                           body)).encode()


TID = re.compile(r"X-Torture-Id: (\S+)", re.I)


def torture_id(text):
    m = TID.search(text)
    return m.group(1) if m else None


class Session:
    """imapd pre-authenticated as the user running the test (rimapd) on a
    pipe.  With at > 0 (and the injector built), the at-th counted file
    system call under the mail root while armed kills it (action "kill")
    or fails with an errno ("ENOSPC", "EIO"; sticky: and every later call
    that needs room).  calls: FAULT_CALLS (which calls count)."""

    def __init__(self, sb, at=0, action="kill", sticky=False, calls=None, inject=True,
                 timeout=20):
        self.sb = sb
        env = dict(sb.env)
        fds = ()
        self.ctl = self.log = None
        so = injector() if inject else None
        if so is not None:
            self.ctl = open(os.path.join(sb.dir, "fault.ctl.%d" % id(self)), "w+b")
            self.ctl.write(b"0")
            self.ctl.flush()
            self.log = open(os.path.join(sb.dir, "fault.log.%d" % id(self)), "a+b")
            fds = (self.ctl.fileno(), self.log.fileno())
            env.update(LD_PRELOAD=so, FAULT_ROOT=sb.mail, FAULT_CTL_FD=str(fds[0]),
                       FAULT_LOG_FD=str(fds[1]), FAULT_AT=str(at), FAULT_ACTION=action,
                       FAULT_STICKY="1" if sticky else "0",
                       # ASan wants to be first; the injector only wraps calls.
                       ASAN_OPTIONS=env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0")
            if calls:
                env["FAULT_CALLS"] = calls
        self.p = sb.popen(sb.imapd_argv(rimapd=True), stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, env=env, pass_fds=fds)
        self.c = Connection.over_pipe(self.p, timeout=timeout)
        self.greeting = self.c.greeting()
        self.caps = capabilities(self.greeting)
        self.dead = False

    def cmd(self, *parts, timeout=None):
        """(untagged, tagged); tagged is None when the server died or closed."""
        if self.dead:
            return [], None
        try:
            u, t = self.c.cmd(*parts, timeout=timeout)
        except IMAPError:
            u, t = [], None
        if t is None:
            self.dead = True
        return u, t

    def arm(self, on=True):
        if self.ctl is not None:
            os.pwrite(self.ctl.fileno(), b"1" if on else b"0", 0)

    def mark(self):
        """A position in the call log (calls_since)."""
        return os.lseek(self.log.fileno(), 0, os.SEEK_END) if self.log else 0

    def armed(self, *parts, timeout=None):
        """cmd() with counting on: (untagged, tagged, calls it made)."""
        m = self.mark()
        self.arm(True)
        try:
            u, t = self.cmd(*parts, timeout=timeout)
        finally:
            self.arm(False)
        return u, t, self.calls_since(m)

    def calls_since(self, mark):
        """[(n, call, path, faulted)] logged after mark."""
        if self.log is None:
            return []
        out = []
        text = os.pread(self.log.fileno(), 1 << 24, mark).decode(errors="replace")
        for line in text.splitlines():
            parts = line.split(" ")
            if len(parts) >= 3:
                fault = parts[-1] == "FAULT"
                path = " ".join(parts[2:-1] if fault else parts[2:])
                out.append((int(parts[0]), parts[1], path, fault))
        return out

    def killed(self):
        """True once the process died of SIGKILL (waits for it briefly)."""
        try:
            return self.p.wait(timeout=5) == -9
        except subprocess.TimeoutExpired:
            return False

    def close(self):
        if not self.dead:
            self.cmd("LOGOUT")
        self.c.close()
        try:
            rc = self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            rc = self.p.wait()
        for f in (self.p.stdin, self.p.stdout, self.ctl, self.log):
            if f is not None:
                try:
                    f.close()
                except OSError:
                    pass
        for f in (self.ctl, self.log):
            if f is not None:
                try:
                    os.unlink(f.name)
                except OSError:
                    pass
        return rc


class Box:
    """A mailbox as a session sees it."""

    def __init__(self, name):
        self.name = name
        self.uidvalidity = None
        self.uidnext = None
        self.highestmodseq = None
        self.msgs = {}   # uid -> (torture id, frozenset of flags, modseq or None)
        self.sizes = {}  # uid -> RFC822.SIZE

    def ids(self):
        """{torture id: count}."""
        out = {}
        for tid, _, _ in self.msgs.values():
            out[tid] = out.get(tid, 0) + 1
        return out

    def __repr__(self):
        return "Box(%s uv=%s next=%s %s)" % (self.name, self.uidvalidity, self.uidnext,
                                              sorted((u, m[0]) for u, m in self.msgs.items()))


LIST_LINE = re.compile(r'\* LIST \(([^)]*)\) (?:"(?:[^"\\]|\\.)*"|NIL) (.*)$')


def list_names(untagged):
    """{name: set of attributes} of LIST responses."""
    out = {}
    for line in untagged:
        m = LIST_LINE.match(line)
        if not m:
            continue
        name = m.group(2)
        if name.startswith('"'):
            name = re.sub(r'\\(.)', r'\1', name[1:-1])
        out[name] = set(m.group(1).split())
    return out


FETCH_LINE = re.compile(r"\* \d+ FETCH \((.*)$", re.S)


def parse_fetch(line):
    """(uid, flags, modseq, torture id) of a FETCH response line."""
    m = FETCH_LINE.match(line)
    if not m:
        return None
    body = m.group(1)
    uid = re.search(r"\bUID (\d+)", body)
    flags = re.search(r"\bFLAGS \(([^)]*)\)", body)
    modseq = re.search(r"\bMODSEQ \((\d+)\)", body)
    return (int(uid.group(1)) if uid else None,
            frozenset(f for f in flags.group(1).split() if f != "\\Recent") if flags else None,
            int(modseq.group(1)) if modseq else None,
            torture_id(body))


def snapshot(sb, problems=None):
    """(capabilities, {name: Box}) of every selectable mailbox, through a
    fresh session without the injector (which also is "the next open" that
    must clean up after a crash).  Answers that are not OK go to problems."""
    problems = problems if problems is not None else []
    s = Session(sb, inject=False)
    try:
        u, t = s.cmd("CAPABILITY")
        caps = set()
        for line in u:
            if line.startswith("* CAPABILITY "):
                caps = set(line.split()[2:])
        condstore = "CONDSTORE" in caps
        u, t = s.cmd('LIST "" "*"')
        if t is None or " OK" not in t:
            problems.append("LIST: %r" % t)
        names = list_names(u)
        names.setdefault("INBOX", set())
        boxes = {}
        for name, attrs in sorted(names.items()):
            if "\\Noselect" in attrs or "\\NoSelect" in attrs:
                continue
            q = '"%s"' % name.replace("\\", "\\\\").replace('"', '\\"')
            u, t = s.cmd("EXAMINE %s%s" % (q, " (CONDSTORE)" if condstore else ""))
            if t is None or " OK" not in t:
                problems.append("EXAMINE %s: %r" % (name, t))
                continue
            b = Box(name)
            for line in u:
                m = re.search(r"\[UIDVALIDITY (\d+)\]", line)
                if m:
                    b.uidvalidity = int(m.group(1))
                m = re.search(r"\[UIDNEXT (\d+)\]", line)
                if m:
                    b.uidnext = int(m.group(1))
                m = re.search(r"\[HIGHESTMODSEQ (\d+)\]", line)
                if m:
                    b.highestmodseq = int(m.group(1))
            exists = [int(x) for x in re.findall(r"^\* (\d+) EXISTS", "\n".join(u), re.M)]
            if exists and exists[-1] > 0:
                items = "UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (X-Torture-Id)]"
                if condstore:
                    items += " MODSEQ"
                u, t = s.cmd("UID FETCH 1:* (%s)" % items)
                if t is None or " OK" not in t:
                    problems.append("UID FETCH in %s: %r" % (name, t))
                for line in u:
                    f = parse_fetch(line)
                    if f and f[0] is not None:
                        b.msgs[f[0]] = (f[3], f[1] or frozenset(), f[2])
                        size = re.search(r"\bRFC822\.SIZE (\d+)", line)
                        b.sizes[f[0]] = int(size.group(1)) if size else None
                if len(b.msgs) != exists[-1]:
                    problems.append("%s: %d EXISTS but %d FETCH responses" %
                                    (name, exists[-1], len(b.msgs)))
            boxes[name] = b
        return caps, boxes
    finally:
        s.close()


def compare_box(problems, where, old, new, must_go=(), may_go=(), flag_rule=None,
                add_exact=None, add_max=None, add_flags=None):
    """Append to problems what is wrong with mailbox `new` (a Box) after
    `old`: UIDVALIDITY changed, UIDNEXT or HIGHESTMODSEQ down, a message
    lost (unless in may_go / must_go), still there (in must_go), with
    other content, flags not in flag_rule(uid, old flags) (default: the
    old ones), its MODSEQ down; new messages with a UID below the old
    UIDNEXT, other flags than add_flags[id], or other than add_exact
    ({id: count}) / more than add_max (none at all without either).
    Returns the new messages {uid: (id, flags, modseq)}."""
    p = problems
    if new.uidvalidity != old.uidvalidity:
        p.append("%s: UIDVALIDITY %s became %s" % (where, old.uidvalidity, new.uidvalidity))
    if old.uidnext and new.uidnext and new.uidnext < old.uidnext:
        p.append("%s: UIDNEXT went down from %d to %d" % (where, old.uidnext, new.uidnext))
    if old.highestmodseq is not None and (new.highestmodseq or 0) < old.highestmodseq:
        p.append("%s: HIGHESTMODSEQ went down from %s to %s" % (where, old.highestmodseq,
                                                                 new.highestmodseq))
    for uid, (tid, flags, modseq) in old.msgs.items():
        if uid not in new.msgs:
            if uid not in must_go and uid not in may_go:
                p.append("%s: UID %d (%s) is lost" % (where, uid, tid))
            continue
        if uid in must_go:
            p.append("%s: UID %d (%s) is still there after OK" % (where, uid, tid))
        ntid, nflags, nmodseq = new.msgs[uid]
        if ntid != tid:
            p.append("%s: UID %d was %s, is now %s" % (where, uid, tid, ntid))
        allowed = flag_rule(uid, flags) if flag_rule else [flags]
        if nflags not in allowed:
            p.append("%s: UID %d has flags %s, expected one of %s" %
                     (where, uid, sorted(nflags), [sorted(a) for a in allowed]))
        if modseq is not None and (nmodseq or 0) < modseq:
            p.append("%s: UID %d MODSEQ went down from %d to %s" % (where, uid, modseq, nmodseq))
    added = {u: m for u, m in new.msgs.items() if u not in old.msgs}
    for uid, (tid, flags, _) in added.items():
        if old.uidnext and uid < old.uidnext:
            p.append("%s: new message %s has UID %d below the UIDNEXT %d before" %
                     (where, tid, uid, old.uidnext))
        if add_flags is not None and tid in add_flags and flags != add_flags[tid]:
            p.append("%s: new message %s has flags %s, expected %s" %
                     (where, tid, sorted(flags), sorted(add_flags[tid])))
    ids = {}
    for m in added.values():
        ids[m[0]] = ids.get(m[0], 0) + 1
    if add_exact is not None and ids != dict(add_exact):
        p.append("%s: new messages %s, expected exactly %s" % (where, ids, dict(add_exact)))
    elif add_exact is None and add_max is not None and any(ids[k] > add_max.get(k, 0) for k in ids):
        p.append("%s: new messages %s, expected at most %s" % (where, ids, dict(add_max)))
    elif add_exact is None and add_max is None and ids:
        p.append("%s: unexpected new messages %s" % (where, ids))
    return added


OURS_TMP = re.compile(r"^\d+\.M\d+P\d+Q\d+\.")
INDEX_TMP = re.compile(r"\.tmp\d+$")


def orphans(root):
    """What crashed writers left under a mail root that the store should
    have removed by now: its own files in a tmp/ (a foreign MTA's stay for
    the maildir's 36 hours), "..imapd-" work directories, a RENAME journal,
    and "<file>.tmp<pid>" of a crash-safe write."""
    found = []
    if not os.path.isdir(root):
        return found
    dirs = [root] + [os.path.join(root, e) for e in os.listdir(root)
                     if e.startswith(".") and e not in (".", "..")
                     and os.path.isdir(os.path.join(root, e))]
    for e in os.listdir(root):
        if e.startswith("..imapd-") or e.startswith("imapd-rename"):
            found.append(os.path.join(root, e))
    for d in dirs:
        tmp = os.path.join(d, "tmp")
        if os.path.isdir(tmp):
            found += [os.path.join(tmp, f) for f in os.listdir(tmp) if OURS_TMP.match(f)]
        found += [os.path.join(d, f) for f in os.listdir(d) if INDEX_TMP.search(f)]
    return sorted(set(found))


# ---- a file system of the test's own -------------------------------------------------

FS_KINDS = {
    # a second-granular file system: ext4 with 128-octet inodes keeps whole
    # seconds, so two directory changes within a second leave one mtime
    "ext4-128": "ext4 -I 128 (whole-second times)",
    # small tmpfs: room for little, inodes for few (ENOSPC from the kernel)
    "tmpfs": "tmpfs",
}


def in_private_namespace(argv, why, capture=False):
    """Run argv (a Python script and its arguments) in a mount namespace of
    its own (unshare -m, as root), where mount_fs() mounts without touching
    the machine's mounts; every mount goes away with the namespace.
    Returns its exit status (with capture, (status, output)), or None when
    this is already that run or it cannot be made (the reason appended to
    why)."""
    if os.environ.get("IMAPD_TEST_NS") == "1":
        return None
    if os.geteuid() != 0:
        why.append("needs root (a private mount namespace)")
        return None
    unshare = "/usr/bin/unshare"
    if not os.path.exists(unshare):
        why.append("unshare is missing (Debian package util-linux)")
        return None
    probe = subprocess.run([unshare, "-m", "--propagation", "private", "true"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           universal_newlines=True)
    if probe.returncode != 0:
        why.append("no private mount namespace here: %s" % probe.stderr.strip()[:100])
        return None
    env = dict(os.environ, IMAPD_TEST_NS="1")
    cmd = [unshare, "-m", "--propagation", "private", sys.executable] + argv
    if capture:
        p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        return p.returncode, p.stdout
    return subprocess.call(cmd, env=env)


def mount_fs(kind, where, size_mb=64, inodes=None):
    """Mount a new file system of kind (FS_KINDS) on the directory where
    (made if missing); in the private namespace only.  Returns an undo
    function."""
    os.makedirs(where, exist_ok=True)
    if kind == "tmpfs":
        opts = "size=%dk,mode=0755" % int(size_mb * 1024)
        if inodes:
            opts += ",nr_inodes=%d" % inodes
        subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", where], check=True)
    elif kind == "ext4-128":
        img = where.rstrip("/") + ".img"
        with open(img, "wb") as f:
            f.truncate(size_mb << 20)
        subprocess.run(["mkfs.ext4", "-q", "-F", "-I", "128", img], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["mount", "-o", "loop", img, where], check=True)
    else:
        raise ValueError("no such file system kind: %s" % kind)
    os.chmod(where, 0o755)

    def undo():
        subprocess.run(["umount", "-l", where], stderr=subprocess.DEVNULL)
        if kind == "ext4-128":
            try:
                os.unlink(where.rstrip("/") + ".img")
            except OSError:
                pass
    return undo


def relay_tap(tap, text):
    """Pass the TAP of a sub-run (text) on as checks and notes of tap,
    renumbered; its plan line is dropped."""
    for line in text.splitlines():
        m = re.match(r"(not )?ok \d+ - (.*)$", line)
        if m:
            tap.n += 1
            if m.group(1):
                tap.failed += 1
            tap._out("%sok %d - %s" % (m.group(1) or "", tap.n, m.group(2)))
        elif line.startswith("#"):
            tap._out(line)

#!/usr/bin/env python3
"""store_fsync.py - mail_fsync: what waits for the disk.

With the default (always), a STORE fdatasyncs the index log and fsyncs
cur/ before its OK; with `mail_fsync: optimized` a STORE does neither,
while an APPEND still fsyncs its message and the log, and an EXPUNGE
its log.  Either way a killed imapd (SIGKILL right after the OK) loses
no flag change: the next session sees the flags, and the file names on
disk carry them (F and R, maildir's letters).  The system calls are counted with strace
(`-e trace=fsync,fdatasync`) around each command.
"""

import os
import re
import signal
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import Sandbox, Tap, me  # noqa: E402

tap = Tap("mail_fsync")


def syncs(trace):
    """The fsync and fdatasync calls in the trace since the last call,
    as (call, path) pairs; the trace is emptied."""
    with open(trace, errors="replace") as f:
        lines = f.readlines()
    open(trace, "w").close()
    return [(m.group(1), m.group(2)) for m in
            (re.search(r"\b(fsync|fdatasync)\(\d+<([^>]*)>\) = 0", line) for line in lines) if m]


def session(sb, trace):
    p, c = sb.imapd_pipe(rimapd=True, wrapper=["strace", "-f", "-qq", "-y", "-e",
                                               "trace=fsync,fdatasync", "-o", trace])
    line = c.greeting()
    assert line and line.startswith("* PREAUTH"), line
    return p, c


def ok(c, text):
    untagged, tagged = c.cmd(text)
    assert " OK" in tagged, (text, tagged)
    return untagged


def run(mode):
    conf = {"mail_fsync": mode} if mode else None
    with Sandbox(conf=conf) as sb:
        for i in range(3):
            sb.deliver(me(), "INBOX", "Subject: %d\r\n\r\nbody %d\r\n" % (i, i))
        trace = os.path.join(sb.dir, "strace.out")
        p, c = session(sb, trace)
        ok(c, "SELECT INBOX")
        syncs(trace)
        ok(c, "STORE 2 +FLAGS (\\Flagged)")
        store = syncs(trace)
        ok(c, "APPEND INBOX {23}\r\nSubject: x\r\n\r\nappended")
        append = syncs(trace)
        ok(c, "STORE 1 +FLAGS.SILENT (\\Deleted)")
        syncs(trace)
        ok(c, "EXPUNGE")
        expunge = syncs(trace)
        ok(c, "STORE 1 +FLAGS (\\Answered)")
        # Killed right after the OK: the flags must not be lost.
        os.kill(p.pid, signal.SIGKILL)
        p.wait(10)
        c.close()
        p2, c2 = sb.imapd_pipe(rimapd=True)
        c2.greeting()
        ok(c2, "SELECT INBOX")
        fetched = "\n".join(ok(c2, "FETCH 1:* (FLAGS)"))
        c2.cmd("LOGOUT")
        p2.wait(10)
        cur = os.listdir(os.path.join(sb.mail, me(), "cur"))
        return store, append, expunge, fetched, cur


def check(mode):
    store, append, expunge, fetched, cur = run(mode)
    log_syncs = [c for c, path in store if path.endswith("imapd.index.log")]
    if mode == "optimized":
        assert store == [], store
    else:
        assert log_syncs == ["fdatasync"], store
        assert any(path.endswith("/cur") for _, path in store), store
    assert any(c == "fsync" and not path.endswith("imapd.index.log") for c, path in append), append
    assert any(path.endswith("imapd.index.log") for _, path in append), append
    assert any(path.endswith("imapd.index.log") for _, path in expunge), expunge
    assert re.search(r"\* 1 FETCH \(FLAGS \([^)]*\\Answered[^)]*\\Flagged", fetched) or \
        re.search(r"\* 1 FETCH \(FLAGS \([^)]*\\Flagged[^)]*\\Answered", fetched), fetched
    assert sum(1 for n in cur if n.endswith(":2,FR")) == 1, cur
    return True


def main():
    if not any(os.access(os.path.join(d, "strace"), os.X_OK)
               for d in os.environ.get("PATH", "").split(":")):
        tap.skip("mail_fsync", "strace is not installed (tools/deps.list: test)")
        tap.done()
        return
    tap.check("always (default): STORE fdatasyncs the log and fsyncs cur/; "
              "APPEND and EXPUNGE sync; flags survive SIGKILL", lambda: check(None))
    tap.check("optimized: STORE syncs nothing; APPEND and EXPUNGE still sync; "
              "flags survive SIGKILL", lambda: check("optimized"))
    tap.done()


if __name__ == "__main__":
    main()

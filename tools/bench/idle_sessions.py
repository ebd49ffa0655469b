#!/usr/bin/env python3
"""idle_sessions.py - what idle IDLE sessions cost: N imapd sessions each
sit in IDLE on a selected mailbox for a while; report the CPU time all of
them used together (utime + stime from /proc) and their memory.

    python3 tools/bench/idle_sessions.py [--sessions 1000] [--seconds 600] [--bin bin]

Each session is `rimapd` on a socket pair (pre-authenticated as the Unix
user running this), with its own maildir, so the figure is the cost of the
session loop and its inotify watch, not of logging in.  Halfway through,
one message is delivered into one of the maildirs, and the session
watching it must announce it (the others stay asleep).
"""
import argparse
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time

TICK = os.sysconf("SC_CLK_TCK")


def ticks(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except OSError:
        return 0


def private_kb(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            kb = 0
            for line in f:
                if line.startswith(("Private_Dirty:", "Private_Clean:")):
                    kb += int(line.split()[1])
            return kb
    except OSError:
        return 0


def read_line(s):
    buf = b""
    while not buf.endswith(b"\r\n"):
        c = s.recv(1)
        if not c:
            raise RuntimeError("closed")
        buf += c
    return buf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=1000)
    ap.add_argument("--seconds", type=int, default=600)
    ap.add_argument("--bin", default="bin")
    ap.add_argument("--keep-inotify-limit", action="store_true",
                    help="do not raise fs.inotify.max_user_instances for the run")
    a = ap.parse_args()
    # Linux allows 128 inotify instances per user by default; every IDLE
    # session of one Unix user holds one, and past the limit sessions
    # poll instead.  As root, raise it for the run (and put it back).
    limit_path = "/proc/sys/fs/inotify/max_user_instances"
    old_limit = None
    if not a.keep_inotify_limit and os.getuid() == 0:
        with open(limit_path) as f:
            old_limit = f.read().strip()
        if int(old_limit) < a.sessions + 64:
            with open(limit_path, "w") as f:
                f.write(str(a.sessions + 64))
        else:
            old_limit = None
    try:
        return run(a)
    finally:
        if old_limit is not None:
            with open(limit_path, "w") as f:
                f.write(old_limit)


def run(a):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4 * a.sessions + 64)), hard))
    work = tempfile.mkdtemp(prefix="imapd-idle-")
    procs, socks = [], []
    try:
        conf = os.path.join(work, "imapd.conf")
        with open(conf, "w") as f:
            f.write("configdirectory: %s/config\nmail_location: %s/mail/%%u\n" % (work, work))
        os.makedirs(os.path.join(work, "config", "msg"))
        env = dict(os.environ, IMAPD_LOG_FILE=os.path.join(work, "imapd.log"))
        rimapd = os.path.join(a.bin, "rimapd")
        for i in range(a.sessions):
            # One maildir each: mail_location by user name, so give each
            # session its own configuration file instead.
            c = os.path.join(work, "c%d.conf" % i)
            with open(c, "w") as f:
                f.write("configdirectory: %s/config\nmail_location: %s/mail/%d\n" % (work, work, i))
            mine, theirs = socket.socketpair()
            p = subprocess.Popen([rimapd, "-C", c], stdin=theirs, stdout=theirs, env=env)
            theirs.close()
            procs.append(p)
            socks.append(mine)
        for s in socks:
            read_line(s)
            s.sendall(b"s SELECT INBOX\r\n")
        for s in socks:
            while not read_line(s).startswith(b"s "):
                pass
            s.sendall(b"i IDLE\r\n")
        for s in socks:
            if not read_line(s).startswith(b"+"):
                raise RuntimeError("no continuation")
        time.sleep(1)
        pids = [p.pid for p in procs]
        mem = sum(private_kb(pid) for pid in pids)
        start = {pid: ticks(pid) for pid in pids}
        t0 = time.time()
        time.sleep(a.seconds / 2)
        target = os.path.join(work, "mail", "0")
        tmp = os.path.join(target, "tmp", "1.idle.host")
        with open(tmp, "w") as f:
            f.write("Subject: wake up\n\nhello\n")
        t1 = time.time()
        os.rename(tmp, os.path.join(target, "new", "1.idle.host"))
        socks[0].settimeout(10)
        line = read_line(socks[0])
        latency = time.time() - t1
        time.sleep(max(0, a.seconds - (time.time() - t0)))
        used = sum(ticks(pid) - start[pid] for pid in pids)
        elapsed = time.time() - t0
        busy = sum(1 for pid in pids if ticks(pid) - start[pid] > 0)
        with open("/proc/sys/fs/inotify/max_user_instances") as f:
            inst = f.read().strip()
        print("idle sessions: %d in IDLE for %.0f s (fs.inotify.max_user_instances %s)"
              % (a.sessions, elapsed, inst))
        print("  CPU time of all of them together: %.2f s (%d ticks); sessions that used any: %d"
              % (used / TICK, used, busy))
        print("  private memory of all of them: %d kB (%.0f kB each)" % (mem, mem / a.sessions))
        print("  delivery announced in %.0f ms: %s" % (latency * 1000, line.decode().strip()))
        return 0
    finally:
        for s in socks:
            s.close()
        for p in procs:
            p.kill()
        for p in procs:
            p.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

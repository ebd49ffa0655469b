#!/usr/bin/env python3
"""mkseeds_index.py - seeds for fuzz_index: the index snapshot, log and
message cache our server writes for the three messages fuzz_index.c puts
in its maildir, after SELECT, flag changes, FETCH ENVELOPE and
BODYSTRUCTURE, an expunge; and a version 1 index (converted on load).
Each seed is packed as fuzz_index.c reads it.

    python3 tests/fuzz/mkseeds_index.py [BIN]     (BIN: where imapd is; default bin)

Writes tests/fuzz/index/<sha1 of the seed>.
"""
import hashlib
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "bin"))
OUT = os.path.join(TOP, "tests", "fuzz", "index")
MESSAGES = [
    ("1000000000.M1P1.fuzz,S=40,W=42:2,S", "Subject: one\nFrom: a@example.com\n\nfirst\n"),
    ("1000000001.M2P1.fuzz:2,", "Subject: two\nFrom: b@example.com\n\nsecond\n"),
    ("1000000002.M3P1.fuzz:2,FS", "Subject: three\nTo: c@example.com\n\nthird\n"),
]


def pack(root, which=7):
    def read(n):
        try:
            with open(os.path.join(root, n), "rb") as f:
                return f.read()
        except OSError:
            return b""
    snap, log, cache = read("imapd.index"), read("imapd.index.log"), read("imapd.cache")
    assert len(snap) < 65536 and len(log) < 65536
    return bytes([which]) + struct.pack("<HH", len(snap), len(log)) + snap + log + cache


def save(seed):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, hashlib.sha1(seed).hexdigest()), "wb") as f:
        f.write(seed)


def session(root, work, commands):
    conf = os.path.join(work, "imapd.conf")
    with open(conf, "w") as f:
        f.write("configdirectory: %s\nservername: fuzz\nmail_location: %s\n" % (work, root))
    script = "".join("s%d %s\r\n" % (i, c) for i, c in enumerate(commands)) + "z LOGOUT\r\n"
    subprocess.run([os.path.join(BIN, "rimapd"), "-C", conf], input=script.encode(),
                   capture_output=True, check=True, timeout=60,
                   env={"PATH": "/usr/bin:/bin", "IMAPD_LOG_FILE": os.path.join(work, "log")})


def v1_seed():
    """A version 1 snapshot and log as an older imapd left them."""
    recs, names = b"", b""
    for i, (name, _) in enumerate(MESSAGES):
        upper = 1 << (ord("S") - ord("A")) if "S" in name.split(":2,")[1] else 0
        recs += struct.pack("<IIIHhqqII", i + 1, upper, 0, 0, 0, 1000000000 + i, 50,
                            len(names), len(name))
        names += name.encode() + b"\0"
    hdr = b"imapdidx" + struct.pack("<IIIIIIII", 1, 0x01020304, 88, 40, 4242, 4, 3, 1)
    hdr += struct.pack("<Q", len(names)) + b"\0" * 32 + struct.pack("<I", 0)
    hdr += struct.pack("<I", zlib.crc32(hdr) & 0xffffffff)
    snap = hdr + recs + names
    # Its log: one record, the expunge of UID 3 (v1: uid and padding).
    log = b"imapdlog" + struct.pack("<IIII", 1, 0x01020304, 1, 4242)
    rec = struct.pack("<IIII", 16 + 8, 0, 3, 0) + struct.pack("<II", 3, 0)
    crc = zlib.crc32(rec[8:]) & 0xffffffff
    log += rec[:4] + struct.pack("<I", crc) + rec[8:]
    return bytes([3]) + struct.pack("<HH", len(snap), len(log)) + snap + log


def main():
    work = tempfile.mkdtemp(prefix="mkseeds-")
    try:
        root = os.path.join(work, "mail")
        for d in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(root, d))
        for name, text in MESSAGES:
            with open(os.path.join(root, "cur", name), "w") as f:
                f.write(text)
        steps = [
            ["SELECT INBOX"],
            ["SELECT INBOX", "STORE 2 +FLAGS (\\Answered $Work)", "STORE 1 -FLAGS (\\Seen)"],
            ["SELECT INBOX", "FETCH 1:* (ENVELOPE BODYSTRUCTURE BODY.PEEK[HEADER.FIELDS (From)])",
             "SEARCH SUBJECT two"],
            ["SELECT INBOX", "STORE 3 +FLAGS (\\Deleted)", "EXPUNGE"],
        ]
        n = 0
        for cmds in steps:
            session(root, work, cmds)
            save(pack(root))
            save(pack(root, 7 | 8))
            n += 2
        save(v1_seed())
        n += 1
        print("wrote %d seeds to %s" % (n, OUT))
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()

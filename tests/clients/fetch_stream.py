#!/usr/bin/env python3
"""fetch_stream.py - FETCH of very large messages costs bounded memory.

A 50 MB and a 500 MB message (LF line ends on disk, so the server converts
to CRLF as it goes) are fetched whole with BODY[] by a client that first
reads slowly: the server must send the literal as the client reads it,
never holding the message in memory.  Checks: every octet arrives exactly
(size and SHA-256 of the CRLF form), the literal's announced size is
right, and the imapd process's peak resident set (VmHWM) stays under
16 MB.  Partial fetches of the large message, BODY[TEXT] and a MIME part
of a multipart message are checked against what Python computes.
"""
import hashlib
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import imapdtest  # noqa: E402

TAP = imapdtest.Tap("fetch-stream")
RSS_LIMIT_KB = 16 * 1024
LINE = b"The quick brown fox jumps over the lazy dog 0123456789 abcdefghijklmnopq\n"


def write_message(path, body_octets, header=b"Subject: big\nFrom: a@example.org\n\n"):
    """Write header + LF-ended lines up to body_octets; return the CRLF
    form's length and SHA-256 of the whole message and of its text."""
    whole, text = hashlib.sha256(), hashlib.sha256()
    size = 0
    hcrlf = header.replace(b"\n", b"\r\n")
    whole.update(hcrlf)
    size += len(hcrlf)
    block = LINE * 4096
    bcrlf = block.replace(b"\n", b"\r\n")
    with open(path, "wb") as f:
        f.write(header)
        left = body_octets
        while left >= len(block):
            f.write(block)
            whole.update(bcrlf)
            text.update(bcrlf)
            size += len(bcrlf)
            left -= len(block)
        tail = block[:left - left % len(LINE)]
        f.write(tail)
        tc = tail.replace(b"\n", b"\r\n")
        whole.update(tc)
        text.update(tc)
        size += len(tc)
    return size, whole.hexdigest(), size - len(hcrlf), text.hexdigest()


def fetch_literal(s, cmd, slow=0):
    """Send cmd (a FETCH of one literal item); return (size, sha256, tagged)."""
    tag = s.send(cmd)
    line = s.line()
    m = re.match(rb"\* \d+ FETCH \(.*\{(\d+)\}$", line)
    if not m:
        raise RuntimeError("unexpected %r" % line[:200])
    n = int(m.group(1))
    digest = s.literal(n, slow_octets=slow)
    rest = s.line()
    tagged = s.line()
    while not tagged.startswith(tag + b" "):
        tagged = s.line()
    return n, digest, rest, tagged


def main():
    TAP.need(imapdtest.IMAPD)
    with imapdtest.Sandbox(sasl=False, tls=False) as sb:
        root = os.path.join(sb.mail, imapdtest.me())
        for d in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(root, d))
        big = {}
        for name, octets in (("50mb", 50 << 20), ("500mb", 500 << 20)):
            path = os.path.join(root, "cur", "%d.%s.host:2,S" % (1000 + len(big), name))
            big[name] = write_message(path, octets)
        # A multipart message whose second part is 2 MB of text.
        part2 = LINE * (2 * 1024 * 1024 // len(LINE))
        mp = (b"Subject: mp\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=XX\n\n"
              b"--XX\nContent-Type: text/plain\n\nsmall part\n--XX\nContent-Type: text/plain\n\n"
              + part2 + b"--XX--\n")
        with open(os.path.join(root, "cur", "1002.mp.host:2,S"), "wb") as f:
            f.write(mp)
        try:
            s = imapdtest.StreamSession(sb)
            tag = s.send("SELECT INBOX")
            while not s.line().startswith(tag):
                pass
            before = s.rss_peak_kb()
            TAP.note("VmHWM after SELECT %d kB" % before)
            for seq, name in ((1, "50mb"), (2, "500mb")):
                size, whole, tsize, text = big[name]
                t0 = time.time()
                n, digest, rest, tagged = fetch_literal(s, "FETCH %d BODY.PEEK[]" % seq, slow=8 << 20)
                dt = time.time() - t0
                peak = s.rss_peak_kb()
                TAP.ok(n == size and digest == whole and rest == b")" and b" OK " in tagged,
                       "BODY[] of the %s message arrives whole and exact" % name,
                       "size %d/%d rest %r tagged %r" % (n, size, rest, tagged))
                TAP.memory_ok(peak < RSS_LIMIT_KB, "%s message: peak RSS %d kB under %d kB" %
                              (name, peak, RSS_LIMIT_KB))
                TAP.note("%s BODY[] in %.1f s, VmHWM %d kB" % (name, dt, peak))
            size, whole, tsize, text = big["500mb"]
            n, digest, rest, tagged = fetch_literal(s, "FETCH 2 BODY.PEEK[TEXT]")
            TAP.ok(n == tsize and digest == text, "BODY[TEXT] of the 500 MB message is exact",
                   "%d/%d" % (n, tsize))
            TAP.note("after BODY[TEXT]: VmHWM %d kB" % s.rss_peak_kb())
            # Partial windows, computed from the CRLF form.
            crlf_head = b"Subject: big\r\nFrom: a@example.org\r\n\r\n"
            lc = LINE.replace(b"\n", b"\r\n")
            def crlf_window(start, count):
                stream = crlf_head + lc * ((start + count) // len(lc) + 2)
                return stream[start:start + count]
            for start, count in ((0, 100), (1000, 5000), (300 << 20, 1 << 20)):
                n, digest, rest, tagged = fetch_literal(s, "FETCH 2 BODY.PEEK[]<%d.%d>" % (start, count))
                want = crlf_window(start, count)
                TAP.ok(n == len(want) and digest == hashlib.sha256(want).hexdigest(),
                       "BODY[]<%d.%d> of the 500 MB message" % (start, count), "%d" % n)
                TAP.note("after BODY[]<%d.%d>: VmHWM %d kB" % (start, count, s.rss_peak_kb()))
            n, digest, rest, tagged = fetch_literal(s, "FETCH 3 BODY.PEEK[2]")
            want = part2.replace(b"\n", b"\r\n")
            # The part's body ends before the CRLF that precedes the boundary.
            want = want[:-2]
            TAP.ok(n == len(want) and digest == hashlib.sha256(want).hexdigest(),
                   "BODY[2] of a multipart message (2 MB part) is exact", "%d/%d" % (n, len(want)))
            TAP.memory_ok(s.rss_peak_kb() < RSS_LIMIT_KB, "peak RSS still under %d kB after every fetch" % RSS_LIMIT_KB)
            s.send("LOGOUT")
        except Exception as e:  # noqa: BLE001
            TAP.ok(False, "fetch-stream session", repr(e))
    TAP.done()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""fetch_binary_stream.py - BINARY (RFC3516) of a very large part costs
bounded memory.

A message with a 100 MB attachment in base64 (LF line ends on disk, as a
maildir holds it) and a 20 MB quoted-printable text part: BINARY.SIZE and
BINARY.PEEK of each are fetched by a client that reads slowly at first.
The server must decode as the client reads, never holding the decoded
part: every octet arrives exactly (SHA-256 of what Python decodes), the
announced sizes match BINARY.SIZE, the attachment (it has NULs) comes as a
literal8 and the text as a literal, partial windows are exact, and the
imapd process's peak resident set (VmHWM) stays under 16 MB.
"""
import base64
import hashlib
import os
import quopri
import re
import sys
import time
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import imapdtest  # noqa: E402

TAP = imapdtest.Tap("fetch-binary-stream")
RSS_LIMIT_KB = 16 * 1024
RAW_MB = 100


def raw_block(i):
    """1 MB of octets that differ per block, NULs included."""
    seed = hashlib.sha256(b"block %d" % i).digest()
    return (seed * (1 << 15))[:1 << 20]


def write_message(path):
    raw_hash = hashlib.sha256()
    qp_text = (b"Line with = signs, tabs\tand trailing spaces   \n" * 400000)
    qp_text = qp_text[:20 << 20]
    with open(path, "wb") as f:
        f.write(b"Subject: big binary\nMIME-Version: 1.0\n"
                b"Content-Type: multipart/mixed; boundary=BB\n\n"
                b"--BB\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n")
        qp_enc = quopri.encodestring(qp_text)
        f.write(qp_enc)
        f.write(b"\n--BB\nContent-Type: application/octet-stream\n"
                b"Content-Transfer-Encoding: base64\n\n")
        # One base64 stream over all blocks (57 octets make a 76-character
        # line), padded only at its end.
        carry = b""
        for i in range(RAW_MB):
            block = raw_block(i)
            raw_hash.update(block)
            data = carry + block
            cut = len(data) - len(data) % 57 if i < RAW_MB - 1 else len(data)
            carry = data[cut:]
            enc = base64.b64encode(data[:cut])
            f.write(b"".join(enc[j:j + 76] + b"\n" for j in range(0, len(enc), 76)))
        f.write(b"--BB--\n")
    # The QP part decodes to what Python decodes, its line ends as CRLF
    # (RFC3516 §6); the LF before the boundary is the boundary's.
    qp_decoded = quopri.decodestring(qp_enc).replace(b"\n", b"\r\n")
    return raw_hash.hexdigest(), RAW_MB << 20, qp_decoded


def fetch_item(s, cmd, slow=0):
    """A FETCH of one BINARY item: (literal8?, size, sha256, tagged)."""
    tag = s.send(cmd)
    line = s.line()
    m = re.search(rb"(~?)\{(\d+)\}$", line)
    if not line.startswith(b"* ") or not m:
        raise RuntimeError("unexpected %r" % line[:200])
    n = int(m.group(2))
    digest = s.literal(n, slow_octets=slow)
    s.line()
    tagged = s.line()
    while not tagged.startswith(tag + b" "):
        tagged = s.line()
    return m.group(1) == b"~", n, digest, tagged


def fetch_size(s, cmd):
    tag = s.send(cmd)
    line = s.line()
    m = re.match(rb"\* \d+ FETCH \(BINARY\.SIZE\[\d*\] (\d+)\)$", line)
    tagged = s.line()
    return (int(m.group(1)) if m else None), tagged


def main():
    TAP.need(imapdtest.IMAPD)
    with imapdtest.Sandbox(sasl=False, tls=False) as sb:
        # rimapd: the session is the Unix user running the test.
        root = sb.make_folder(imapdtest.me(), "INBOX")
        raw_sha, raw_len, qp_decoded = write_message(os.path.join(root, "cur", "1000.bin.host:2,S"))
        try:
            s = imapdtest.StreamSession(sb)
            tag = s.send("SELECT INBOX")
            while not s.line().startswith(tag):
                pass
            size, tagged = fetch_size(s, "FETCH 1 BINARY.SIZE[2]")
            TAP.note("after BINARY.SIZE[2]: VmHWM %d kB" % s.rss_peak_kb())
            TAP.ok(size == raw_len and b" OK " in tagged, "BINARY.SIZE[2] is the decoded size",
                   "%r %r" % (size, tagged))
            t0 = time.time()
            lit8, n, digest, tagged = fetch_item(s, "FETCH 1 BINARY.PEEK[2]", slow=8 << 20)
            # (The attachment holds NULs: some of its blocks do.)
            dt = time.time() - t0
            TAP.ok(lit8 and n == raw_len and digest == raw_sha and b" OK " in tagged,
                   "BINARY[2], %d MB of base64 decoded, arrives whole and exact as a literal8" % RAW_MB,
                   "literal8 %r size %d/%d tagged %r" % (lit8, n, raw_len, tagged))
            TAP.note("BINARY[2] in %.1f s, VmHWM %d kB" % (dt, s.rss_peak_kb()))
            TAP.memory_ok(s.rss_peak_kb() < RSS_LIMIT_KB,
                          "peak RSS %d kB under %d kB" % (s.rss_peak_kb(), RSS_LIMIT_KB))
            size, tagged = fetch_size(s, "FETCH 1 BINARY.SIZE[1]")
            TAP.note("after BINARY.SIZE[1]: VmHWM %d kB" % s.rss_peak_kb())
            lit8, n, digest, tagged = fetch_item(s, "FETCH 1 BINARY.PEEK[1]")
            TAP.note("after BINARY[1]: VmHWM %d kB" % s.rss_peak_kb())
            TAP.ok(not lit8 and n == len(qp_decoded) == size and
                   digest == hashlib.sha256(qp_decoded).hexdigest(),
                   "BINARY[1], 20 MB of quoted-printable, decoded exactly, as a literal",
                   "literal8 %r size %d/%d/%r" % (lit8, n, len(qp_decoded), size))
            for start, count in ((0, 100), (12345, 70000), (77 << 20, 3 << 20)):
                lit8, n, digest, tagged = fetch_item(s, "FETCH 1 BINARY.PEEK[2]<%d.%d>" % (start, count))
                first, last = start >> 20, (start + count - 1) >> 20
                want = b"".join(raw_block(k) for k in range(first, last + 1))
                off = start - (first << 20)
                want = want[off:off + count]
                TAP.ok(n == len(want) and digest == hashlib.sha256(want).hexdigest(),
                       "BINARY[2]<%d.%d>" % (start, count), "%d" % n)
                TAP.note("after BINARY[2]<%d.%d>: VmHWM %d kB" % (start, count, s.rss_peak_kb()))
            TAP.memory_ok(s.rss_peak_kb() < RSS_LIMIT_KB,
                          "peak RSS still under %d kB after every fetch" % RSS_LIMIT_KB)
            # A 3 MB binary part APPENDed as a literal8 (spooled to a
            # file on the way in) comes back octet for octet.
            raw = b"".join(raw_block(k) for k in range(3))
            msg = (b"Subject: up\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n"
                   b"--zz\r\nContent-Type: text/plain\r\n\r\nhello\r\n--zz\r\n"
                   b"Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                   + raw + b"\r\n--zz--\r\n")
            tag = s.send("APPEND INBOX ~{%d}" % len(msg))
            cont = s.line()
            s.write(msg + b"\r\n")
            tagged = s.line()
            while not tagged.startswith(tag + b" "):
                tagged = s.line()
            TAP.ok(cont.startswith(b"+") and b" OK " in tagged, "a 3 MB literal8 APPEND is taken",
                   "%r %r" % (cont, tagged))
            tag = s.send("NOOP")
            while not s.line().startswith(tag + b" "):
                pass
            lit8, n, digest, tagged = fetch_item(s, "FETCH 2 BINARY.PEEK[2]")
            TAP.ok(lit8 == (b"\0" in raw) and n == len(raw) and digest == hashlib.sha256(raw).hexdigest(),
                   "its binary part comes back octet for octet", "%r %d/%d" % (lit8, n, len(raw)))
            s.send("LOGOUT")
        except Exception:  # noqa: BLE001
            TAP.ok(False, "fetch-binary-stream session", traceback.format_exc())
    TAP.done()


if __name__ == "__main__":
    main()

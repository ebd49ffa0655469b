#!/usr/bin/env python3
"""Fetch ENVELOPE, BODY, BODYSTRUCTURE, RFC822.SIZE and the sections listed
in sections.list from a live Dovecot for every msgs/*.eml, and write them to
dovecot/NAME.out.  Run through regen-with-dovecot.sh, which sets up Dovecot.

Record format (read by tests/unit/test_mime_corpus.c):
    "== KEY LEN\\n" LEN raw octets "\\n"      (LEN is "NIL" for NIL, no octets)
KEY is ENVELOPE, BODY, BODYSTRUCTURE, RFC822.SIZE or BODY[section]<o.c>.
ENVELOPE/BODY/BODYSTRUCTURE/RFC822.SIZE keep Dovecot's IMAP syntax as sent;
a BODY[...] record holds the section's octets (the literal's contents).
"""
import os, re, shutil, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
imap_bin = os.environ.get("DOVECOT_IMAP", "/usr/lib/dovecot/imap")
conf = sys.argv[1]
maildir = sys.argv[2]


def read_sections():
    common, extra = [], {}
    for line in open(os.path.join(here, "sections.list")):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        name, _, rest = line.partition(" ")
        secs = [s.strip() for s in rest.split(";")]
        if name == "*":
            common = secs          # the leading empty one is BODY[]
        else:
            extra[name] = [s for s in secs if s]
    return common, extra


def parse_value(buf, i):
    """Return (end, decoded) for the IMAP value starting at buf[i]."""
    c = buf[i:i + 1]
    if c == b"(":
        depth = 0
        while True:
            c = buf[i:i + 1]
            if c == b"(":
                depth += 1; i += 1
            elif c == b")":
                depth -= 1; i += 1
                if depth == 0:
                    return i, None
            elif c == b'"':
                i = parse_value(buf, i)[0]
            elif c == b"{":
                i = parse_value(buf, i)[0]
            else:
                i += 1
    if c == b'"':
        out = bytearray(); i += 1
        while buf[i:i + 1] != b'"':
            if buf[i:i + 1] == b"\\":
                i += 1
            out += buf[i:i + 1]; i += 1
        return i + 1, bytes(out)
    if c == b"{":
        m = re.match(rb"\{(\d+)\}\r\n", buf[i:])
        n = int(m.group(1)); s = i + m.end()
        return s + n, buf[s:s + n]
    m = re.match(rb"[^ ()]+", buf[i:])
    return i + m.end(), m.group(0)


def run(msgfile, items):
    shutil.rmtree(maildir, ignore_errors=True)
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, d))
    shutil.copy(msgfile, os.path.join(maildir, "cur", "1.corpus:2,S"))
    subprocess.run(["chown", "-R", "65534:65534", maildir], check=True)
    cmds = b"s SELECT INBOX\r\n"
    for n, it in enumerate(items):
        cmds += b"f%d UID FETCH 1 (%s)\r\n" % (n, it.encode())
    cmds += b"z LOGOUT\r\n"
    env = {"USER": "nobody", "HOME": maildir, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([imap_bin, "-c", conf], input=cmds, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True).stdout
    # Dovecot may answer pipelined commands' FETCHes before their tagged
    # replies, so pair the n-th FETCH response with the n-th command
    # (each asks for one item of one message and gets one response).
    fetches = []
    pos = 0
    while pos < len(out):
        m = re.compile(rb"\* 1 FETCH \(").match(out, pos)
        if m:
            i = m.end(); vals = []
            while out[i:i + 1] != b")":
                key_end, key = parse_value(out, i)
                if key.startswith(b"BODY[") and not key.endswith(b"]") and b"]" not in key:
                    # "BODY[HEADER.FIELDS (A B)]": the key holds a list
                    j = out.index(b"]", i) + 1
                    m2 = re.match(rb"<\d+>", out[j:])
                    key_end = j + (m2.end() if m2 else 0)
                    key = out[i:key_end]
                v0 = key_end + 1
                v1, dec = parse_value(out, v0)
                vals.append((key, out[v0:v1], dec))
                i = v1
                if out[i:i + 1] == b" ":
                    i += 1
            fetches.append([v for v in vals if v[0] != b"UID"][0])
            pos = out.index(b"\r\n", i) + 2
            continue
        eol = out.index(b"\r\n", pos)
        line = out[pos:eol]
        pos = eol + 2
        m = re.match(rb"f(\d+) (\w+)", line)
        if m:
            n = int(m.group(1))
            if m.group(2) != b"OK":
                sys.exit("%s: %s failed: %r" % (msgfile, items[n], line))
    if len(fetches) != len(items):
        sys.exit("%s: %d FETCH responses for %d commands" % (msgfile, len(fetches), len(items)))
    return fetches


def main():
    common, extra = read_sections()
    outdir = os.path.join(here, "dovecot")
    os.makedirs(outdir, exist_ok=True)
    for fn in sorted(os.listdir(os.path.join(here, "msgs"))):
        if not fn.endswith(".eml"):
            continue
        name = fn[:-4]
        keys = ["RFC822.SIZE", "ENVELOPE", "BODY", "BODYSTRUCTURE"]
        for s in common + extra.get(name, []):
            m = re.match(r"(.*?)(<\d+\.\d+>)?$", s)
            keys.append("BODY[%s]%s" % (m.group(1), m.group(2) or ""))
        items = [k.replace("BODY[", "BODY.PEEK[", 1) if k.startswith("BODY[") else k for k in keys]
        res = run(os.path.join(here, "msgs", fn), items)
        with open(os.path.join(outdir, name + ".out"), "wb") as f:
            for n, k in enumerate(keys):
                _, raw, dec = res[n]
                data = dec if k.startswith("BODY[") else raw
                if k.startswith("BODY[") and raw == b"NIL":
                    f.write(b"== %s NIL\n" % k.encode())
                    continue
                f.write(b"== %s %d\n" % (k.encode(), len(data)))
                f.write(data + b"\n")
        print("ok", name)


main()

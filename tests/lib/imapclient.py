#!/usr/bin/env python3
"""imapclient.py - a small IMAP client for tests, over a pipe, a socket or TLS.

Not a test itself.  Connection sends tagged commands (literals
synchronising or LITERAL+), collects the untagged data before the tagged
answer, folds server literals into their line, does STARTTLS, and bounds
every read with a deadline; ClientFraming notes client lines that end in a
bare LF.  It needs nothing but Python: the transcript runner uses it
against any server (make conformance HOST=...), imapdtest.py's Sandbox
against our imapd.
"""

import os
import re
import select
import socket
import ssl
import time
import zlib

DEFAULT_TIMEOUT = 10.0


def capabilities(text):
    """The capability names of a CAPABILITY code or response."""
    m = re.search(r"CAPABILITY ([^\]]*)", text or "")
    return set(m.group(1).split()) if m else set()


def no_verify_context():
    """A TLS client context that takes any certificate (tests use self-signed ones)."""
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


class IMAPError(Exception):
    """The server broke the conversation (closed, garbled, refused STARTTLS)."""


class Timeout(IMAPError, TimeoutError):
    """No answer before the deadline."""


LITERAL_AT_END = re.compile(rb"\{(\d+)\}$")
RESPONSE_LITERAL = re.compile(rb"\{(\d+)\+?\}$")


def split_responses(buf):
    """Responses (without their final CRLF) of a server's output, literals
    kept inside the response they belong to."""
    out = []
    pos, start, n = 0, 0, len(buf)
    while pos < n:
        eol = buf.find(b"\r\n", pos)
        if eol < 0:
            out.append(bytes(buf[start:]))
            break
        m = RESPONSE_LITERAL.search(buf, max(pos, eol - 24), eol) if buf[eol - 1:eol] == b"}" else None
        if m and m.end() == eol:
            pos = eol + 2 + int(m.group(1))
            continue
        out.append(bytes(buf[start:eol]))
        pos = start = eol + 2
    return out


class ClientFraming:
    """Follows what a client sends, to catch a command line that ends in a
    bare LF instead of CRLF (RFC2060 §2.2): a literal counted one octet
    into the line's CRLF leaves a bare LF after it, and a server that takes
    a bare LF as a line end hides the mistake.  A synchronising
    literal the server refuses with a tagged answer instead of "+" is not
    sent (RFC2060 §7.5), so it is forgotten."""

    LITERAL = re.compile(rb"\{(\d+)(\+?)\}\r$")

    def __init__(self):
        self.line = bytearray()
        self.literal = 0       # octets of a literal still to come
        self.waiting = False   # for the "+" of a synchronising literal
        self.announced = None  # the line before the last literal
        self.errors = []

    def sent(self, data):
        i, n = 0, len(data)
        while i < n:
            if self.literal:
                take = min(self.literal, n - i)
                self.literal -= take
                i += take
                continue
            j = data.find(b"\n", i)
            if j < 0:
                self.line += data[i:]
                return
            self.line += data[i:j]
            i = j + 1
            if not self.line.endswith(b"\r"):
                if self.line or self.announced is None:
                    self.errors.append("a command line ends in a bare LF: %r" %
                                       bytes(self.line[-60:] + b"\n"))
                else:
                    self.errors.append("the literal of %r ends inside a CRLF (it takes the "
                                       "CR, a bare LF follows): its count is not its size"
                                       % self.announced[-60:])
            m = self.LITERAL.search(self.line)
            self.literal = int(m.group(1)) if m else 0
            self.waiting = bool(m and not m.group(2))
            self.announced = bytes(self.line[:-1]) if m else None
            self.line = bytearray()

    def received(self, line):
        if line.startswith("+"):
            self.waiting = False
        elif self.waiting and not line.startswith("*"):
            self.literal, self.waiting = 0, False


class Connection:
    """IMAP over a byte stream: a socket (plain or TLS) or a pair of file
    descriptors (a pipe to a server's stdin and stdout).

    Lines come back as text without their CRLF; a line ending in a literal
    "{n}" comes back with the literal's octets and the rest of the line
    folded in ("... {5}\\r\\nhello)").  Every read waits at most `timeout`
    seconds (settable) and raises Timeout after; the end of the stream
    reads as None.  `log` keeps "C: ..." and "S: ..." lines for diagnostics;
    `checker`, if set, has check(line) return an error text for a line
    that must fail the conversation (the transcript runner's §9 syntax
    check).  `framing` (ClientFraming) notes client lines that end in a
    bare LF."""

    def __init__(self, sock=None, rfd=None, wfd=None, close=None, timeout=DEFAULT_TIMEOUT,
                 tag_prefix="t"):
        self.sock = sock
        self.rfd, self.wfd = rfd, wfd
        self._close = close
        self._timeout = timeout
        self.tag_prefix = tag_prefix
        self.tagn = 0
        self.buf = bytearray()
        self.bytewise = False
        self.log = []
        self.checker = None
        self.framing = ClientFraming()
        self.closed = False
        self.deflate = None  # RFC4978 COMPRESS: the compressor of what we send, once on
        self.inflate = None  # and the decompressor of what we read

    def start_compression(self):
        """COMPRESS=DEFLATE (RFC4978 §3), after the tagged OK of COMPRESS:
        both directions become raw DEFLATE (window bits -15, no zlib header)
        from now on; octets already read past the OK are the first
        compressed ones."""
        self.deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
        self.inflate = zlib.decompressobj(-15)
        pending, self.buf = bytes(self.buf), bytearray()
        self.buf += self._inflate(pending)

    def _inflate(self, data):
        try:
            return self.inflate.decompress(data)
        except zlib.error as e:
            raise IMAPError("the server's data is not a DEFLATE stream (%s): %r" % (e, data[:80]))

    @property
    def timeout(self):
        """Seconds a read waits for the server (the socket's timeout too)."""
        return self._timeout

    @timeout.setter
    def timeout(self, seconds):
        self._timeout = seconds
        if self.sock is not None:
            self.sock.settimeout(seconds)

    # -- making one --
    @classmethod
    def tcp(cls, port, host="127.0.0.1", tls=False, timeout=DEFAULT_TIMEOUT, **kw):
        s = socket.create_connection((host, port), timeout=timeout)
        if tls:
            s = no_verify_context().wrap_socket(s, server_hostname=host)
        return cls(sock=s, timeout=timeout, **kw)

    @classmethod
    def over_socket(cls, s, timeout=DEFAULT_TIMEOUT, **kw):
        s.settimeout(timeout)
        return cls(sock=s, timeout=timeout, **kw)

    @classmethod
    def over_pipe(cls, proc, timeout=DEFAULT_TIMEOUT, **kw):
        """The client side of a server started with stdin and stdout pipes;
        close() closes its stdin (the server sees the end of input)."""
        def close():
            try:
                proc.stdin.close()
            except OSError:
                pass
        return cls(rfd=proc.stdout.fileno(), wfd=proc.stdin.fileno(), close=close,
                   timeout=timeout, **kw)

    # -- writing --
    def send(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        for piece in data.decode("utf-8", "replace").rstrip("\r\n").split("\r\n"):
            self.log.append("C: " + piece)
        self.framing.sent(data)
        if self.bytewise:
            for i in range(len(data)):
                self._write(data[i:i + 1])
                time.sleep(0.001)
        else:
            self._write(data)

    def _write(self, data):
        if self.deflate is not None:
            # A sync flush after every write: the server sees each piece now.
            data = self.deflate.compress(data) + self.deflate.flush(zlib.Z_SYNC_FLUSH)
        try:
            if self.sock is not None:
                self.sock.sendall(data)
            else:
                view = memoryview(data)
                while view:
                    view = view[os.write(self.wfd, view):]
        except (BrokenPipeError, ConnectionResetError) as e:
            raise IMAPError("server closed the connection while we sent: %s" % e)
        except socket.timeout:
            raise Timeout("the server took no input for %s s" % self.timeout)

    # -- reading --
    def _fill(self, deadline, size=65536):
        """Read what is there into buf: True, None at the end of the
        stream, False when the deadline passed first."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            src = self.sock if self.sock is not None else self.rfd
            if isinstance(src, ssl.SSLSocket) and src.pending():
                ready = True
            else:
                ready = select.select([src], [], [], left)[0]
            if not ready:
                return False
            try:
                chunk = src.recv(size) if self.sock is not None else os.read(src, size)
            except ssl.SSLWantReadError:
                continue  # a TLS record not complete yet
            except (ConnectionResetError, ssl.SSLError):
                chunk = b""
            except socket.timeout:
                return False
            if not chunk:
                return None
            if self.inflate is not None:
                chunk = self._inflate(chunk)
            self.buf += chunk
            return True

    def read_line(self, timeout=None):
        """The next server line without CRLF, with literals folded in; None
        at the end of the stream (a last line without CRLF comes first)."""
        deadline = time.monotonic() + (timeout if timeout is not None else self.timeout)
        line = bytearray()
        scanned = 0
        while True:
            i = self.buf.find(b"\r\n", scanned)
            if i < 0:
                scanned = max(len(self.buf) - 1, 0)
                r = self._fill(deadline)
                if r is None:
                    if self.buf or line:
                        rest = bytes(line + self.buf)
                        self.buf = bytearray()
                        return rest.decode("utf-8", "surrogateescape")
                    return None
                if r is False:
                    raise Timeout("timed out waiting for the server (have %r)" %
                                  bytes(line + self.buf)[:200])
                continue
            part = bytes(self.buf[:i])
            del self.buf[:i + 2]
            scanned = 0
            line += part
            m = LITERAL_AT_END.search(part)
            if m:
                # A literal follows: fold it into the line, as text.
                n = int(m.group(1))
                while len(self.buf) < n:
                    if not self._fill(deadline):
                        raise IMAPError("server literal cut short (%d of %d octets)" %
                                        (len(self.buf), n))
                line += b"\r\n" + self.buf[:n]
                del self.buf[:n]
                continue
            text = bytes(line).decode("utf-8", "surrogateescape")
            self.log.append("S: " + text)
            self.framing.received(text)
            if self.checker is not None:
                err = self.checker.check(text)
                if err:
                    raise IMAPError("RFC2060 §9 syntax: %s\n  in line %r" % (err, text[:300]))
            return text

    def greeting(self):
        return self.read_line()

    def unread(self, text):
        """Put a line back, to be read again by the next read_line."""
        self.buf[:0] = (text + "\r\n").encode("utf-8", "surrogateescape")
        if self.log and self.log[-1] == "S: " + text:
            self.log.pop()
        if self.checker is not None:
            self.checker.unread = True

    def read_for(self, seconds):
        """Every complete line that arrives within seconds."""
        deadline = time.monotonic() + seconds
        lines = []
        while True:
            if b"\r\n" in self.buf:
                got = self.read_line(timeout=max(deadline - time.monotonic(), 0.5))
                if got is None:
                    break
                lines.append(got)
                continue
            if not self._fill(deadline):
                break
        return lines

    def lines_until_eof(self, timeout=None):
        """Every line up to the end of the stream."""
        out = []
        while True:
            line = self.read_line(timeout)
            if line is None:
                return out
            out.append(line)

    def expect_close(self, timeout=None):
        """The server closes now, without sending anything more."""
        deadline = time.monotonic() + (timeout if timeout is not None else self.timeout)
        while True:
            if self.buf:
                extra = bytes(self.buf)
                self.buf = bytearray()
                raise IMAPError("expected the server to close, got %r" % extra[:200])
            r = self._fill(deadline)
            if r is None:
                return
            if r is False:
                raise Timeout("expected the server to close; it did not")

    # -- commands --
    def next_tag(self):
        self.tagn += 1
        return "%s%d" % (self.tag_prefix, self.tagn)

    def cmd(self, *parts, tag=None, timeout=None, literal_plus=False):
        """Send a command; return (untagged lines, tagged line), the tagged
        line None if the server closed first.  Text parts are joined with
        spaces; a bytes part is sent as a literal: synchronising (waiting for
        the server's "+", and returning at once if the tagged answer comes
        instead) or, with literal_plus, "{n+}".

            cmd("LOGIN", b"user", b"pass")   cmd("APPEND INBOX (\\\\Seen)", message)
        """
        if tag is None:
            tag = self.next_tag()
        untagged = []
        out = tag.encode()
        for part in parts:
            if isinstance(part, str):
                out += b" " + part.encode("utf-8", "surrogateescape")
                continue
            out += b" {%d%s}\r\n" % (len(part), b"+" if literal_plus else b"")
            if not literal_plus:
                self.send(out)
                while True:
                    got = self.read_line(timeout)
                    if got is None or got.startswith(tag + " "):
                        return untagged, got
                    if got.startswith("+"):
                        break
                    untagged.append(got)
                out = b""
            out += part
        self.send(out + b"\r\n")
        while True:
            got = self.read_line(timeout)
            if got is None or got.startswith(tag + " "):
                return untagged, got
            untagged.append(got)

    def timed_cmd(self, text, timeout=600.0):
        """Send one command; return (responses before the tagged one, as
        octets, literals inside; the tagged line; seconds from the write of
        the command to the read of the tagged line).  The answer is read in
        1 MB blocks and only its end is looked at while the clock runs, so
        that the time measured is the server's, not Python's."""
        tag = self.next_tag().encode()
        buf = self.buf  # _fill extends it in place
        deadline = time.monotonic() + timeout
        start = time.perf_counter()
        self._write(tag + b" " + text.encode() + b"\r\n")
        while True:
            if buf.endswith(b"\r\n"):
                at = buf.rfind(b"\r\n", 0, len(buf) - 2)
                if buf.startswith(tag + b" ", at + 2 if at >= 0 else 0):
                    break
            r = self._fill(deadline, 1 << 20)
            if r is None:
                raise IMAPError("server closed the connection during %s" % text)
            if r is False:
                raise Timeout("no answer to %s in %s s" % (text, timeout))
        self.buf = bytearray()
        secs = time.perf_counter() - start
        end = at + 2 if at >= 0 else 0
        return split_responses(buf[:end]), bytes(buf[end:-2]).decode(errors="replace"), secs

    # -- TLS --
    def tls_handshake(self, ctx=None, server_hostname=None):
        """Start TLS on the socket now (after the server's OK to STARTTLS,
        or at once for implicit TLS)."""
        if self.sock is None:
            raise IMAPError("TLS needs a socket, not a pipe")
        if self.buf:
            raise IMAPError("the server sent %r in the clear before the TLS handshake" %
                            bytes(self.buf[:200]))
        self.sock = (ctx or no_verify_context()).wrap_socket(self.sock,
                                                             server_hostname=server_hostname)

    def starttls(self, ctx=None):
        """STARTTLS and the handshake; returns the tagged OK line."""
        _, t = self.cmd("STARTTLS")
        if t is None or t.split()[1:2] != ["OK"]:
            raise IMAPError("STARTTLS refused: %r" % t)
        self.tls_handshake(ctx)
        return t

    def close(self):
        if self.closed:
            return
        self.closed = True
        try:
            if self._close is not None:
                self._close()
            elif self.sock is not None:
                self.sock.close()
        except OSError:
            pass


def connect(port, host="127.0.0.1", tls=False, timeout=DEFAULT_TIMEOUT, **kw):
    """A Connection to host:port (implicit TLS with tls)."""
    return Connection.tcp(port, host=host, tls=tls, timeout=timeout, **kw)

#!/usr/bin/env python3
"""client_perl_imapclient.py - Perl's Mail::IMAPClient (Debian's
libmail-imapclient-perl, not written here) against imapd, over plain
IMAP with STARTTLS and over imaps: search (FROM, with an address written
with a comment inside its angle brackets, and SEARCH RETURN through its
generic command interface), fetch (flags, a body part, BINARY), move
(the library's COPY + \\Deleted + EXPUNGE) and MOVE itself (UID MOVE
sent through the library, COPYUID read back).  Each result is checked
on the server's disk, and the protocol log shows what was sent."""

import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import PASSWORD, USER, InetdServer, run_client_test  # noqa: E402

SCRIPT = r'''
use strict;
use warnings;
use Mail::IMAPClient;
my ($port, $mode, $cert) = @ARGV;
my %args = (Server => '127.0.0.1', Port => $port, User => $ENV{IMAP_USER},
            Password => $ENV{IMAP_PASS}, Uid => 1, Timeout => 20);
my $ssl = [SSL_verify_mode => 0];
if ($mode eq 'imaps') { $args{Ssl} = $ssl; } else { $args{Starttls} = $ssl; }
my $imap = Mail::IMAPClient->new(%args) or die "connect: $@\n";
print "CAPS ", join(' ', @{$imap->capability}), "\n";
$imap->select('INBOX') or die "select: " . $imap->LastError . "\n";
# search: an address with a comment inside <...>, found by the plain address
my @from = $imap->search('FROM', $imap->Quote('joe@example.com'));
print "FROM ", scalar(@from), "\n";
my @all = $imap->search('ALL');
print "ALL ", scalar(@all), "\n";
# ESEARCH through the generic interface
my $r = $imap->tag_and_run('UID SEARCH RETURN (MIN MAX COUNT) ALL');
print "ESEARCH ", join(' ', map { s/\r?\n//gr } grep { /ESEARCH/ } @{$r || []}), "\n";
# fetch: flags, a part, a BINARY section
my $flags = $imap->flags($from[0]);
print "FLAGS ", join(' ', @$flags), "\n";
my $part = $imap->bodypart_string($from[0], '2');
$part =~ s/\s+$//;
print "PART2 $part\n";
my $bin = $imap->fetch($from[0], 'BINARY.PEEK[2]');
my $bintext = join('', grep { defined && !ref } @{$bin || []});
print "BINARY ", ($bintext =~ /hello world/ ? "decoded" : "not decoded: $bintext"), "\n";
# move: the library's own (COPY, then \Deleted), then expunge
my $newuid = $imap->move('Archive', $all[0]) or die "move: " . $imap->LastError . "\n";
$imap->expunge or die "expunge: " . $imap->LastError . "\n";
print "MOVED-LIB $newuid\n";
# MOVE itself (RFC 6851), with COPYUID in an untagged OK first
$r = $imap->tag_and_run("UID MOVE $from[0] Archive") or die "UID MOVE: " . $imap->LastError . "\n";
print "MOVE ", join(' ', map { s/\r?\n//gr } grep { /COPYUID|EXPUNGE/ } @{$r}), "\n";
print "COUNT ", $imap->message_count('INBOX'), " ", $imap->message_count('Archive'), "\n";
$imap->logout;
print "DONE\n";
'''

MULTI = """From: Joe Bloggs <joe(at work)@example.com>
To: testuser@example.com
Subject: from joe
Message-ID: <joe1@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/plain

first part
--b
Content-Type: text/plain
Content-Transfer-Encoding: base64

aGVsbG8gd29ybGQK
--b--
"""


def main():
    # A missing module is a failure with its reason (make check installs
    # it); IO::Socket::SSL is what it speaks TLS with.
    run_client_test("perl-imapclient", run, tools=("perl", "Mail::IMAPClient", "IO::Socket::SSL"))


def run(tap, sb, srv):
    sb.enable_protocol_log(USER)
    script = os.path.join(sb.dir, "client.pl")
    with open(script, "w") as f:
        f.write(SCRIPT)
    tls = InetdServer(sb, args=("-s",))  # imaps: TLS from the first octet
    try:
        for mode, port in (("plain+STARTTLS", srv.port), ("imaps", tls.port)):
            home = sb.folder(USER, "INBOX")
            shutil.rmtree(home, ignore_errors=True)
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(home, sub))
                os.makedirs(os.path.join(home, ".Archive", sub))
            open(os.path.join(home, ".Archive", "maildirfolder"), "w").close()
            with open(os.path.join(home, "new", "1000.M1P1.test"), "w") as f:
                f.write("From: other@example.com\nSubject: first\nMessage-ID: <o1@example.com>\n\nhi\n")
            with open(os.path.join(home, "new", "1001.M1P1.test"), "w") as f:
                f.write(MULTI)
            env = dict(os.environ, IMAP_USER=USER, IMAP_PASS=PASSWORD)
            p = subprocess.run(["perl", script, str(port), "imaps" if mode == "imaps" else "starttls"],
                               capture_output=True, timeout=60, env=env)
            out = p.stdout.decode(errors="replace")
            diag = out + p.stderr.decode(errors="replace")
            tap.ok(p.returncode == 0 and "DONE" in out, "%s: the Perl client ran" % mode, diag)
            lines = dict(l.split(" ", 1) for l in out.splitlines() if " " in l)
            caps = lines.get("CAPS", "").split()
            tap.ok("MOVE" in caps and "ESEARCH" in caps, "%s: MOVE and ESEARCH offered" % mode, caps)
            tap.ok(lines.get("FROM") == "1", "%s: search FROM joe@example.com finds <joe(at work)@...>" % mode,
                   diag)
            tap.ok(lines.get("ALL") == "2", "%s: search ALL" % mode, diag)
            tap.ok("ESEARCH" in lines.get("ESEARCH", "") and "COUNT 2" in lines.get("ESEARCH", ""),
                   "%s: SEARCH RETURN (MIN MAX COUNT) answers ESEARCH" % mode, diag)
            tap.ok(lines.get("PART2", "") == "aGVsbG8gd29ybGQK", "%s: fetch of body part 2" % mode, diag)
            tap.ok(lines.get("BINARY") == "decoded", "%s: fetch BINARY.PEEK[2] is decoded" % mode, diag)
            tap.ok("COPYUID" in lines.get("MOVE", "") and "EXPUNGE" in lines.get("MOVE", ""),
                   "%s: UID MOVE answers COPYUID and EXPUNGE" % mode, diag)
            tap.ok(lines.get("COUNT") == "0 2", "%s: INBOX empty, Archive holds 2 (client's view)" % mode, diag)
            inbox = sb.messages(USER, "INBOX")
            archive = sb.messages(USER, "Archive")
            subjects = sorted(c.split(b"Subject: ")[1].split(b"\n")[0].decode() for _, c in archive.values())
            tap.ok(not inbox and subjects == ["first", "from joe"],
                   "%s: on disk, both messages are in Archive and INBOX is empty" % mode,
                   "INBOX %r Archive %r" % (list(inbox), subjects))
            tap.ok(not any("T" in info for info, _ in archive.values()),
                   "%s: no moved message carries \\Deleted" % mode)
        log = sb.protocol_log(USER)
        tap.ok("UID MOVE" in log and "RETURN (MIN MAX COUNT)" in log,
               "the protocol log shows UID MOVE and SEARCH RETURN", log[-2000:])
        tap.ok("info: STARTTLS: TLS" in sb.logtext() and "info: imaps: TLS" in sb.logtext(),
               "the server log shows a STARTTLS session and an imaps one", sb.logtext()[-1500:])
    finally:
        codes = tls.stop()
        tap.ok(all(c == 0 for c in codes), "every imaps imapd exited cleanly", "exit codes %r" % codes)


if __name__ == "__main__":
    main()

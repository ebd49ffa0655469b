#!/bin/sh
# regen-with-dovecot.sh - rewrite tests/mime-corpus/dovecot/*.out from a live
# Dovecot, so anyone can re-check the expected results of the MIME corpus.
#
# Needs root (Dovecot refuses to serve mail as root, so the maildir is
# handed to uid 65534) and the Debian package dovecot-imapd:
#     apt-get install -y dovecot-imapd
# Dovecot's service is not used: its standalone `imap` binary runs a
# pre-authenticated session on stdin/stdout with the minimal config below.
# Each message gets a fresh one-message maildir and its own session.
#
# After a regen, `git diff tests/mime-corpus/dovecot` shows what changed;
# overrides/ (where we follow the RFC instead of Dovecot) is not touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
imap=${DOVECOT_IMAP:-/usr/lib/dovecot/imap}
[ -x "$imap" ] || { echo "no $imap: apt-get install -y dovecot-imapd" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
cat >"$tmp/dovecot.conf" <<CONF
mail_location = maildir:$tmp/Maildir
mail_uid = 65534
mail_gid = 65534
log_path = /dev/null
CONF
"$imap" -c "$tmp/dovecot.conf" --version 2>/dev/null | head -1 || true
DOVECOT_IMAP=$imap python3 "$here/dovecot_fetch.py" "$tmp/dovecot.conf" "$tmp/Maildir"

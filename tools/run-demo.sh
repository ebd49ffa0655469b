#!/bin/sh
# tools/run-demo.sh - what `make run` does: set up a demo server under a
# run directory (first time only) and start imapd-master in the foreground.
#
#   sh tools/run-demo.sh BIN RUN_DIR IMAP_PORT IMAPS_PORT
#
# The demo: imapd.conf, a services file for 127.0.0.1, a SASL database
# with user "demo" (password "demo"), a maildir with a few messages, and a
# self-signed certificate.  Running it again reuses all of it (the ports
# are rewritten).  Ctrl-C stops the master and its children.
set -eu
[ $# -eq 4 ] || { echo "usage: $0 BIN RUN_DIR IMAP_PORT IMAPS_PORT" >&2; exit 64; }
bin=$(cd "$1" && pwd)
mkdir -p "$2"
run=$(cd "$2" && pwd)
imap_port=$3
imaps_port=$4

need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "run-demo: $1 is missing; as root: apt-get install -y $2" >&2
	exit 1
}
need openssl openssl
need saslpasswd2 sasl2-bin

mkdir -p "$run/config/msg" "$run/config/log" "$run/mail" "$run/tls"
chmod 755 "$run" "$run/config" "$run/config/msg"

if [ ! -s "$run/tls/cert.pem" ] || [ ! -s "$run/tls/key.pem" ]; then
	echo "run-demo: making a self-signed certificate for localhost"
	openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=localhost \
		-addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
		-keyout "$run/tls/key.pem" -out "$run/tls/cert.pem" 2>/dev/null
	chmod 600 "$run/tls/key.pem"
fi

if [ ! -s "$run/sasldb2" ]; then
	echo "run-demo: SASL user demo, password demo"
	printf demo | saslpasswd2 -c -p -f "$run/sasldb2" -u localhost demo
fi
# Passwords are checked by imapd-master's login processes, which do not
# run as root (login_user, nobody here): they must be able to read it.
chmod 644 "$run/sasldb2"

# A few messages in maildir form (cur/ for seen ones, new/ for unseen).
box="$run/mail/demo"
if [ ! -d "$box/cur" ]; then
	mkdir -p "$box/cur" "$box/new" "$box/tmp" "$box/.Archive/cur" "$box/.Archive/new" \
		"$box/.Archive/tmp"
	now=$(date +%s)
	msg() { # msg FILE FROM SUBJECT BODY
		{
			printf 'Return-Path: <%s>\nDate: %s\nFrom: %s\nTo: Demo User <demo@localhost>\n' \
				"$2" "$(date -R)" "$2"
			printf 'Subject: %s\nMessage-ID: <%s@localhost>\nMIME-Version: 1.0\n' \
				"$3" "$(basename "$1" | tr ':,' '__')"
			printf 'Content-Type: text/plain; charset=utf-8\n\n%s\n' "$4"
		} >"$1"
	}
	msg "$box/cur/$now.M1P1.demo:2,S" "Alice <alice@example.org>" "Welcome to imapd" \
		"This is a demo mailbox served by imapd from a maildir."
	msg "$box/cur/$((now + 1)).M2P1.demo:2,FS" "Bob <bob@example.org>" "Flagged: meeting notes" \
		"Notes from Tuesday's meeting."
	msg "$box/new/$((now + 2)).M3P1.demo" "Carol <carol@example.org>" "Unread message" \
		"This one has not been read yet."
	msg "$box/.Archive/cur/$((now + 3)).M4P1.demo:2,S" "Dave <dave@example.org>" "Old news" \
		"Archived."
fi

# As root, sessions switch to an unprivileged account after login.
mail_user=""
if [ "$(id -u)" = 0 ]; then
	if id nobody >/dev/null 2>&1 && chown -R nobody "$run/mail" 2>/dev/null \
	   && command -v runuser >/dev/null 2>&1 \
	   && runuser -u nobody -- test -w "$run/mail/demo" 2>/dev/null; then
		mail_user=nobody
	else
		echo "run-demo: nobody cannot reach $run/mail; sessions will run as root" >&2
		mail_user=root
	fi
fi

if [ ! -f "$run/imapd.conf" ]; then
	cat >"$run/imapd.conf" <<CONF
# imapd.conf of the demo made by \`make run\` (see man/imapd.conf.5)
configdirectory: $run/config
servername: localhost
mail_location: $run/mail/%u
tls_server_cert: $run/tls/cert.pem
tls_server_key: $run/tls/key.pem
allowplaintext: no
failed_login_delay: 1
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $run/sasldb2
CONF
	[ -n "$mail_user" ] && echo "mail_user: $mail_user" >>"$run/imapd.conf"
fi

cat >"$run/imapd-master.conf" <<CONF
# services of the demo made by \`make run\` (see man/imapd-master.8)
imap   listen=127.0.0.1:$imap_port   prefork=2  maxchild=20  args="-U 250 -T 60"
imaps  listen=127.0.0.1:$imaps_port  prefork=2  maxchild=20  args="-s -U 250 -T 60"
CONF

cat <<MSG

imapd demo: IMAP on 127.0.0.1:$imap_port (STARTTLS), IMAPS on 127.0.0.1:$imaps_port
  user demo, password demo; mail in $box; log in $run/imapd.log

  curl -k --ssl-reqd imap://127.0.0.1:$imap_port/ -u demo:demo -X CAPABILITY
  curl -k imaps://127.0.0.1:$imaps_port/ -u demo:demo --login-options AUTH=CRAM-MD5 -X NOOP
  openssl s_client -connect 127.0.0.1:$imaps_port -quiet
  python3 -c 'import imaplib,ssl; m=imaplib.IMAP4("127.0.0.1",$imap_port); m.starttls(ssl._create_unverified_context()); print(m.login("demo","demo"))'

Ctrl-C stops it.
MSG

IMAPD_LOG_FILE="$run/imapd.log"
export IMAPD_LOG_FILE
exec "$bin/imapd-master" -C "$run/imapd.conf" -M "$run/imapd-master.conf" -p "$run/imapd-master.pid"

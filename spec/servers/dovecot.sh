#!/bin/sh
# spec/servers/dovecot.sh - Debian's Dovecot on 127.0.0.1, for the conformance
# comparison (spec/README.md).  Everything lives in one scratch directory;
# no system service is started or changed.
#
#   dovecot.sh start            start it (installs dovecot-imapd if missing)
#   dovecot.sh stop             stop it and remove the directory
#   dovecot.sh run CMD...       start, run CMD with IMAPTEST_HOST/PORT/USER/PASS
#                               in the environment, stop; exits with CMD's status
#
# Environment: IMAPTEST_DIR (default /tmp/imaptest-dovecot), IMAPTEST_PORT
# (default 10143).  The test user is "imaptest", password "imaptest-pass".
set -eu
DIR=${IMAPTEST_DIR:-/tmp/imaptest-dovecot}
PORT=${IMAPTEST_PORT:-10143}
USER_NAME=imaptest
PASSWORD=imaptest-pass

install() {
	if ! command -v dovecot >/dev/null 2>&1 || [ ! -x /usr/lib/dovecot/imap ]; then
		[ "$(id -u)" = 0 ] || { echo "run as root to install dovecot-imapd" >&2; exit 1; }
		# Debian starts the service after installing it; it is stopped again
		# below: only our own instance on $PORT is wanted.
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd >/dev/null
		(systemctl stop dovecot || service dovecot stop || true) >/dev/null 2>&1
	fi
}

start() {
	install
	rm -rf "$DIR"
	mkdir -p "$DIR/run" "$DIR/mail"
	# Mail is kept by an unprivileged user: Dovecot refuses to serve mail as root.
	chown nobody:nogroup "$DIR/mail"
	printf '%s:{PLAIN}%s::::::\n' "$USER_NAME" "$PASSWORD" >"$DIR/passwd"
	cat >"$DIR/dovecot.conf" <<CONF
# Written by spec/servers/dovecot.sh: a private instance on 127.0.0.1:$PORT.
base_dir = $DIR/run
state_dir = $DIR/run
instance_name = imaptest-dovecot
protocols = imap
listen = 127.0.0.1
log_path = $DIR/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$DIR/mail/%u
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN $DIR/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$DIR/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
service auth {
  unix_listener auth-userdb {
    mode = 0666
  }
}
namespace inbox {
  inbox = yes
  separator = .
}
CONF
	# COMPRESS=DEFLATE (RFC4978) comes with the imap_zlib plugin.
	if [ -e /usr/lib/dovecot/modules/lib30_imap_zlib_plugin.so ]; then
		printf 'protocol imap {\n  mail_plugins = $mail_plugins imap_zlib\n}\n' >>"$DIR/dovecot.conf"
	fi
	dovecot -c "$DIR/dovecot.conf"
	# Wait until it accepts connections.
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		if python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 1).close()" 2>/dev/null; then
			return 0
		fi
		sleep 0.25
	done
	echo "dovecot did not start; see $DIR/dovecot.log" >&2
	cat "$DIR/dovecot.log" >&2 || true
	exit 1
}

stop() {
	if [ -f "$DIR/dovecot.conf" ]; then
		dovecot -c "$DIR/dovecot.conf" stop 2>/dev/null || true
		# dovecot stop returns before its children are gone.
		for i in 1 2 3 4 5 6 7 8 9 10; do
			[ -e "$DIR/run/master.pid" ] || break
			sleep 0.2
		done
	fi
	rm -rf "$DIR"
}

case ${1:-} in
start) start; echo "dovecot on 127.0.0.1:$PORT user $USER_NAME password $PASSWORD" ;;
stop) stop ;;
run)
	shift
	start
	rc=0
	IMAPTEST_HOST=127.0.0.1 IMAPTEST_PORT=$PORT IMAPTEST_USER=$USER_NAME IMAPTEST_PASS=$PASSWORD "$@" || rc=$?
	stop
	exit $rc
	;;
*) echo "usage: $0 start|stop|run CMD..." >&2; exit 2 ;;
esac

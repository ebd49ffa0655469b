#!/bin/sh
# spec/servers/cyrus.sh - Debian's Cyrus imapd on 127.0.0.1, for the
# conformance comparison (spec/README.md).  cyrus-imapd conflicts with
# dovecot-imapd (both provide imap-server), so it is not installed: its
# packages are fetched with `apt-get download` and unpacked with `dpkg -x`
# into a scratch directory; only the libraries it needs are installed.
# No system service is started or changed.
#
#   cyrus.sh start            start it
#   cyrus.sh stop             stop it and remove the scratch directory
#   cyrus.sh run CMD...       start, run CMD with IMAPTEST_HOST/PORT/USER/PASS
#                             in the environment, stop; exits with CMD's status
#
# Environment: IMAPTEST_DIR (default /tmp/imaptest-cyrus), IMAPTEST_PORT
# (default 11143).  The test user is "imaptest", password "imaptest-pass".
set -eu
DIR=${IMAPTEST_DIR:-/tmp/imaptest-cyrus}
PORT=${IMAPTEST_PORT:-11143}
USER_NAME=imaptest
PASSWORD=imaptest-pass
ADMIN=cyrusadmin
ADMIN_PASSWORD=cyrusadmin-pass
ROOT=$DIR/root
BIN=$ROOT/usr/lib/cyrus/bin

install() {
	[ "$(id -u)" = 0 ] || { echo "run as root (installs libraries, runs Cyrus as user cyrus)" >&2; exit 1; }
	# Libraries of cyrus-common's imapd and master that may be missing.
	missing=""
	for p in libxapian30 libical3 libsasl2-modules-db sasl2-bin libwrap0 libjansson4 libicu72 libpcre3; do
		dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
	fi
	mkdir -p "$DIR/debs"
	chmod 0777 "$DIR/debs"  # apt-get download runs as _apt
	if ! ls "$DIR"/debs/cyrus-imapd_*.deb >/dev/null 2>&1; then
		(cd "$DIR/debs" && apt-get download cyrus-common cyrus-imapd >/dev/null)
	fi
	rm -rf "$ROOT"
	mkdir -p "$ROOT"
	for d in "$DIR"/debs/*.deb; do dpkg -x "$d" "$ROOT"; done
	# Cyrus drops privileges to the user "cyrus" (compiled in).
	if ! id cyrus >/dev/null 2>&1; then
		useradd --system --no-create-home --home-dir /nonexistent --gid mail --shell /usr/sbin/nologin cyrus
	fi
}

start() {
	rm -rf "$DIR/config" "$DIR/spool" "$DIR/run"
	install
	mkdir -p "$DIR/config" "$DIR/spool" "$DIR/run"
	for d in db socket proc log msg user quota sieve lock; do mkdir -p "$DIR/config/$d"; done
	cat >"$DIR/imapd.conf" <<CONF
# Written by spec/servers/cyrus.sh: a private instance on 127.0.0.1:$PORT.
configdirectory: $DIR/config
partition-default: $DIR/spool
admins: $ADMIN
servername: localhost
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $DIR/sasldb2
sasl_mech_list: PLAIN LOGIN
allowplaintext: yes
virtdomains: off
syslog_prefix: imaptest-cyrus
idlesocket: $DIR/config/socket/idle
notifysocket: $DIR/config/socket/notify
lmtpsocket: $DIR/config/socket/lmtp
CONF
	cat >"$DIR/cyrus.conf" <<CONF
START {
  recover cmd="$BIN/ctl_cyrusdb -C $DIR/imapd.conf -r"
}
SERVICES {
  imap cmd="$BIN/imapd -C $DIR/imapd.conf" listen="127.0.0.1:$PORT" prefork=1
}
EVENTS {
}
CONF
	for u in "$USER_NAME:$PASSWORD" "$ADMIN:$ADMIN_PASSWORD"; do
		printf '%s' "${u#*:}" | saslpasswd2 -p -c -f "$DIR/sasldb2" -u localhost "${u%%:*}"
	done
	chown -R cyrus:mail "$DIR/config" "$DIR/spool" "$DIR/run" "$DIR/sasldb2"
	chmod 0640 "$DIR/sasldb2"
	LD_LIBRARY_PATH=$ROOT/usr/lib/x86_64-linux-gnu "$BIN/master" -C "$DIR/imapd.conf" -M "$DIR/cyrus.conf" \
		-p "$DIR/run/master.pid" -d
	for i in $(seq 1 40); do
		if python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 1).close()" 2>/dev/null; then
			break
		fi
		sleep 0.25
	done
	# The test user's INBOX, created by the admin.
	python3 - "$PORT" "$ADMIN" "$ADMIN_PASSWORD" "$USER_NAME" <<'PY'
import socket, sys
port, admin, pw, user = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
s = socket.create_connection(("127.0.0.1", port), 10)
f = s.makefile("rb")
def cmd(tag, line):
    s.sendall(("%s %s\r\n" % (tag, line)).encode())
    out = []
    while True:
        l = f.readline().decode(errors="replace")
        if not l:
            raise SystemExit("cyrus closed the connection: %r" % out)
        out.append(l.rstrip())
        if l.startswith(tag + " "):
            return out
f.readline()
r = cmd("a", 'LOGIN "%s" "%s"' % (admin, pw))
if not r[-1].startswith("a OK"):
    raise SystemExit("admin login failed: %r" % r)
sep = "."
for l in cmd("b", 'LIST "" ""'):
    if l.startswith("* LIST"):
        sep = l.split('"')[1]
r = cmd("c", "CREATE user%s%s" % (sep, user))
if not r[-1].startswith("c OK") and "exists" not in r[-1].lower():
    raise SystemExit("cannot create the user's INBOX: %r" % r)
cmd("d", "LOGOUT")
PY
}

stop() {
	if [ -f "$DIR/run/master.pid" ]; then
		pid=$(cat "$DIR/run/master.pid")
		kill "$pid" 2>/dev/null || true
		for i in $(seq 1 25); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "$pid" 2>/dev/null || true
	fi
	rm -rf "$DIR/config" "$DIR/spool" "$DIR/run" "$DIR/root" "$DIR/imapd.conf" "$DIR/cyrus.conf" "$DIR/sasldb2"
}

case ${1:-} in
start) start; echo "cyrus on 127.0.0.1:$PORT user $USER_NAME password $PASSWORD" ;;
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

#!/bin/sh
# tools/check-deps.sh - say in one message what a fresh machine lacks to
# build imapd, with the apt-get line that installs it.  As root, with
# IMAPD_NO_AUTO_INSTALL unset, it runs that line itself.
missing=""
for pc in openssl:libssl-dev libsasl2:libsasl2-dev cmocka:libcmocka-dev; do
	mod=${pc%%:*}
	pkg=${pc#*:}
	pkg-config --exists "$mod" 2>/dev/null || missing="$missing $pkg"
done
command -v pkg-config >/dev/null 2>&1 || missing="pkg-config$missing"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
[ -z "$missing" ] && exit 0

line="apt-get install -y$missing"
if [ "$(id -u)" = 0 ] && [ -z "${IMAPD_NO_AUTO_INSTALL:-}" ] && command -v apt-get >/dev/null 2>&1; then
	echo "imapd: installing missing build dependencies: $line" >&2
	if DEBIAN_FRONTEND=noninteractive apt-get install -y $missing >/dev/null 2>&1 ||
	   { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y $missing >/dev/null 2>&1; }; then
		exit 0
	fi
	echo "imapd: the install failed; run it by hand." >&2
fi
echo "imapd: missing build dependencies. As root, run:" >&2
echo "    apt-get update && $line" >&2
exit 1

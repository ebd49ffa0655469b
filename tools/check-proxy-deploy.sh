#!/bin/sh
# tools/check-proxy-deploy.sh - the proxy machine's steps of README.md
# ("Past one machine"), as written, on this machine, in private mount, PID
# and network namespaces, so that nothing of the host changes: a copy of
# /etc without a sasldb, imapd.conf or imapd user (as on a new machine), an
# empty /usr/local for `make install`, a private /run and /var/log/nginx.
# Two backends (imapd-master from that install, the README's two proxy
# lines in their imapd.conf) listen on 127.0.0.2 and 127.0.0.3, port
# 10143 (nginx holds *:143 in the namespace; across machines it is 143).
# systemctl is not there: its steps run the units' ExecStart lines.  Then
# alice and bob log in through nginx over STARTTLS and imaps with curl and
# must land on their backends; a wrong password must be refused.
#
#   sh tools/check-proxy-deploy.sh          # as root, after make; exit 0 when it all held
#
# On a new machine: `make check-fresh` runs this script in its fresh
# Debian root, after `make check` there installed tools/deps.list.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" != --inside ]; then
	[ "$(id -u)" = 0 ] || { echo "check-proxy-deploy: run as root" >&2; exit 2; }
	for c in nginx curl saslpasswd2 openssl unshare adduser ip; do
		command -v $c >/dev/null 2>&1 ||
			{ echo "check-proxy-deploy: $c missing (sh tools/deps run test)" >&2; exit 2; }
	done
	[ -f /usr/lib/nginx/modules/ngx_mail_module.so ] ||
		{ echo "check-proxy-deploy: libnginx-mod-mail missing" >&2; exit 2; }
	work=$(mktemp -d /tmp/imapd-proxy-deploy.XXXXXX)
	chmod 755 "$work"   # the backends' login processes (imapd) read their configdirectory
	trap 'rm -rf "$work"' EXIT
	# unshare --kill-child: every process started inside dies with it.
	status=0
	unshare --mount --net --pid --fork --kill-child --propagation private \
		sh "$0" --inside "$work" || status=$?
	exit $status
fi

W=$2
mount -t proc proc /proc
ip link set lo up
cp -a /etc "$W/etc" && mount --bind "$W/etc" /etc
mkdir -p "$W/usrlocal" "$W/nginxlog" "$W/varlib"
mount --bind "$W/usrlocal" /usr/local
mount -t tmpfs tmpfs /run
mount --bind "$W/nginxlog" /var/log/nginx
[ -d /var/lib/imapd ] && mount --bind "$W/varlib" /var/lib/imapd
# A new machine: no sasldb, no imapd.conf, no imapd account.
rm -f /etc/sasldb2 /etc/imapd.conf /etc/imapd-master.conf
if getent passwd imapd >/dev/null; then deluser --quiet imapd >/dev/null 2>&1 || true; fi
cd "$top"

fail() { echo "FAILED: $*"; exit 1; }
step() { echo "+ $*"; }

step make install
make install >"$W/install.log" 2>&1 || { tail -20 "$W/install.log"; fail make install; }
step adduser --system --group --no-create-home imapd '&&' adduser imapd sasl
adduser --quiet --system --group --no-create-home imapd && adduser --quiet imapd sasl
step saslpasswd2 -c alice, bob
echo alice-pw | saslpasswd2 -p -c alice
echo 'bob pw' | saslpasswd2 -p -c bob
step chgrp sasl /etc/sasldb2 '&&' chmod 640 /etc/sasldb2
chgrp sasl /etc/sasldb2 && chmod 640 /etc/sasldb2
step install -D -m 644 conf/shardmap /etc/imapd/shardmap, then edited
install -D -m 644 conf/shardmap /etc/imapd/shardmap
printf 'alice 127.0.0.2:10143\nbob 127.0.0.3:10143\n* 127.0.0.2:10143\n' >/etc/imapd/shardmap
step a certificate in /etc/ssl/imapd
mkdir -p /etc/ssl/imapd
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$W/key.pem" -out "$W/cert.pem" -days 1 \
	-subj /CN=imap.example.org 2>/dev/null
cp "$W/cert.pem" "$W/key.pem" /etc/ssl/imapd/ && chmod 600 /etc/ssl/imapd/key.pem
step cp conf/nginx-mail-proxy.conf /etc/nginx/nginx.conf
cp conf/nginx-mail-proxy.conf /etc/nginx/nginx.conf
unit=/usr/local/lib/systemd/system/imapd-auth-http.service
[ -f "$unit" ] || fail "make install left no $unit"
execstart=$(sed -n 's/^ExecStart=//p' "$unit")
step systemctl enable --now imapd-auth-http: "$execstart"
IMAPD_LOG_FILE=$W/auth.log $execstart >"$W/auth.out" 2>&1 &
step "systemctl restart nginx: nginx -g 'daemon on; master_process on;' (Debian's unit)"
nginx -t -q -g 'daemon on; master_process on;' || fail "nginx -t"
nginx -g 'daemon on; master_process on;' || fail nginx

for b in 2 3; do
	d=$W/backend$b
	mkdir -p "$d/mail" && chown imapd:imapd "$d/mail"
	cat >"$d/imapd.conf" <<CONF
configdirectory: $d
mail_location: $d/mail/%u
mail_user: imapd
allowplaintext: no
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: /etc/sasldb2
proxy_trusted_networks: 127.0.0.1
proxy_protocol: yes
CONF
	echo "imap listen=127.0.0.$b:10143 prefork=1" >"$d/services"
	IMAPD_LOG_FILE=$d/imapd.log /usr/local/sbin/imapd-master -C "$d/imapd.conf" \
		-M "$d/services" >"$d/master.out" 2>&1 &
done
for i in $(seq 50); do
	grep -q "listening on" "$W/auth.out" 2>/dev/null && [ -s "$W/backend2/imapd.log" ] &&
		[ -s "$W/backend3/imapd.log" ] && break
	sleep 0.2
done
ps -eo user:10,args | grep -E "[n]ginx|[i]mapd"

ok=0
check() { # check USER:PASSWORD URL BACKEND
	n=$(grep -c "login: user=${1%%:*} " "$W/backend$3/imapd.log" 2>/dev/null || true)
	if curl -sS --max-time 20 -k --ssl-reqd "$2" -u "$1" -X 'STATUS INBOX (MESSAGES)' \
		>"$W/curl.out" 2>&1 && grep -q "STATUS INBOX" "$W/curl.out" &&
		[ "$(grep -c "login: user=${1%%:*} " "$W/backend$3/imapd.log")" -gt "$n" ]; then
		echo "ok: ${1%%:*} through $2 on backend 127.0.0.$3"
	else
		echo "not ok: ${1%%:*} through $2 on backend 127.0.0.$3:"; cat "$W/curl.out"; ok=1
	fi
}
check alice:alice-pw imap://127.0.0.1:143/ 2
check alice:alice-pw imaps://127.0.0.1:993/ 2
check 'bob:bob pw' imap://127.0.0.1:143/ 3
check 'bob:bob pw' imaps://127.0.0.1:993/ 3
if curl -sS --max-time 20 -k imaps://127.0.0.1:993/ -u alice:wrong -X NOOP >"$W/curl.out" 2>&1; then
	echo "not ok: a wrong password was taken"; ok=1
else
	echo "ok: a wrong password is refused ($(cat "$W/curl.out"))"
fi
grep -q "PROXY v1: client" "$W/backend2/imapd.log" && echo "ok: the backend read nginx's PROXY header" ||
	{ echo "not ok: no PROXY header in the backend's log"; ok=1; }
if [ $ok != 0 ]; then
	echo "--- imapd-auth-http"; cat "$W/auth.out" "$W/auth.log"
	echo "--- nginx"; tail -20 /var/log/nginx/error.log
	for b in 2 3; do echo "--- backend $b"; tail -20 "$W/backend$b/imapd.log"; done
	fail "the deployment as the README writes it"
fi
echo "check-proxy-deploy: the README's proxy deployment works as written"

#!/bin/sh
# tools/check-fresh.sh - what `make check-fresh` does: the README's commands
# on a new, minimal Debian 12 machine, as a new user would type them.
#
#   1. mmdebstrap --variant=minbase bookworm with make and git, nothing else
#      (each run builds it anew: no cache can hide a missing install step);
#   2. "check": git clone of the commit under test (HEAD), then `make check`,
#      whose last line must be "N passed, 0 failed"; then `make run` and a
#      login as demo with curl over STARTTLS and over imaps;
#   3. "run": a second copy of the new root where `make run` is the first
#      command: it must serve the demo on its first try (curl from "check");
#   4. "deb": the package built in "check" with
#      `make deb`, installed with apt-get into a third copy of the new root
#      with systemd, booted with systemd-nspawn on a private network: the
#      service starts, a SASL user reads a delivered message with curl over
#      STARTTLS and imaps; then `apt-get purge` removes it.
#
# Run as root.  Each root runs in its own PID and mount namespaces, so every
# process it started dies and every mount goes with it, whatever happens;
# the roots are removed at the end (FRESH_KEEP=1 keeps them).  Logs go to
# build/fresh/ (FRESH_LOGS).  Only committed work is tested.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
[ "$(id -u)" = 0 ] || { echo "check-fresh: run as root (mmdebstrap, chroot, mounts)" >&2; exit 2; }
for c in mmdebstrap git unshare chroot systemd-nspawn; do
	command -v $c >/dev/null 2>&1 ||
		{ echo "check-fresh: $c is missing: sh tools/deps fresh installs it" >&2; exit 2; }
done

logs=${FRESH_LOGS:-$top/build/fresh}
rm -rf "$logs"
mkdir -p "$logs"
work=$(mktemp -d "${FRESH_DIR:-/var/tmp}/imapd-fresh.XXXXXX")
server_pid=""
fg_pid=""
t0=$(date +%s)

cleanup() {
	status=$?
	set +e
	# unshare ignores SIGTERM and SIGINT while it waits; SIGKILL it, and
	# --kill-child kills the namespace's first process, and with it every
	# process in the root.
	for p in $server_pid $fg_pid; do kill -KILL "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
	if [ -n "${FRESH_KEEP:-}" ]; then
		echo "check-fresh: kept the roots in $work"
	else
		# The roots' mounts lived in namespaces that are gone by now; refuse
		# to remove anything still mounted all the same.
		if grep -q " $work/" /proc/self/mountinfo; then
			echo "check-fresh: $work still has mounts; not removed" >&2
		else
			rm -rf --one-file-system "$work"
		fi
	fi
	exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '[%4ds] %s\n' $(($(date +%s) - t0)) "$*"; }
die() { say "FAILED: $*"; exit 1; }

# in_root ROOT COMMAND: run a shell command in ROOT as root's login shell
# would, with /proc, /sys and /dev, on the host's network (apt needs it;
# tests bind 127.0.0.1 on free ports).  The root is bound onto itself first
# so that "/" is a mount point in the chroot, as on a host or in a container:
# imapd-master's per-session mount namespace makes "/" private, which a bare
# chroot directory refuses.  unshare --kill-child: when unshare
# dies, the namespace's first process is killed, and with it all the rest.
root_sh='r=$1; shift
mount --bind "$r" "$r" && mount -t proc proc "$r/proc" && mount -t sysfs sysfs "$r/sys" && mount --rbind /dev "$r/dev" || exit 125
exec chroot "$r" /usr/bin/env -i HOME=/root USER=root LOGNAME=root TERM=dumb \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/sh -c "cd /root && $1"'
# It runs in the background with the shell waiting, so that an INT or TERM
# reaches the trap at once (unshare ignores both, and so do apt and the
# namespace's first process).
in_root() {
	unshare --pid --fork --kill-child --mount --propagation private -- sh -c "$root_sh" sh "$@" &
	fg_pid=$!
	wait $fg_pid
}

commit=$(git rev-parse HEAD)
[ -z "$(git status --porcelain --untracked-files=no)" ] ||
	say "note: uncommitted changes are not tested; testing $commit"
git bundle create "$work/imapd.bundle" HEAD 2>"$logs/bundle.log" || die "git bundle (see $logs/bundle.log)"

say "mmdebstrap --variant=minbase --include=make,git bookworm (log: $logs/mmdebstrap.log)"
mmdebstrap --variant=minbase --include=make,git bookworm "$work/base" >"$logs/mmdebstrap.log" 2>&1 ||
	die "mmdebstrap (see $logs/mmdebstrap.log)"
cp /etc/resolv.conf "$work/base/etc/resolv.conf"
cp "$work/imapd.bundle" "$work/base/root/"
for r in check run; do cp -a "$work/base" "$work/$r"; done
say "minimal root: $(du -sh "$work/base" | cut -f1), $(chroot "$work/base" dpkg-query -W | wc -l) packages"

clone="git clone -q imapd.bundle imapd && cd imapd && git -c advice.detachedHead=false checkout -q $commit"

# ---- check: the README's `make check` -------------------------------------
say "check: git clone; make check (log: $logs/check.log)"
s=$(date +%s)
in_root "$work/check" "$clone && make check" >"$logs/check.log" 2>&1 && rc=0 || rc=$?
grep -E '^imapd: |^[a-z]+: +[0-9]+ passed|^[a-z]+: .*(missing|not run|did not)' "$logs/check.log" | sed 's/^/    /'
totals=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logs/check.log" | tail -n 1)
say "check: make check exit status $rc in $(($(date +%s) - s))s: ${totals:-no totals line}"
[ "$rc" = 0 ] || { tail -n 40 "$logs/check.log"; die "make check in the fresh root"; }

# ---- the scale-out deployment of README.md, as written -----------------------
say "proxy: the README's proxy deployment as written, in the fresh root (log: $logs/proxy-deploy.log)"
in_root "$work/check" "cd imapd && sh tools/check-proxy-deploy.sh" >"$logs/proxy-deploy.log" 2>&1 ||
	{ tail -n 30 "$logs/proxy-deploy.log"; die "tools/check-proxy-deploy.sh in the fresh root"; }
grep '^ok: ' "$logs/proxy-deploy.log" | sed 's/^/    /'

# free_ports: two ports free on 127.0.0.1 now (python3 is in "check" by now)
free_ports() {
	in_root "$work/check" "python3 -c 'import socket
ss=[socket.socket() for _ in range(2)]
[s.bind((\"127.0.0.1\",0)) for s in ss]
print(*[s.getsockname()[1] for s in ss])'"
}

# serve ROOT LOG COMMAND: start a server (make run) in ROOT, in the background
serve() {
	unshare --pid --fork --kill-child --mount --propagation private -- \
		sh -c "$root_sh" sh "$1" "$3" >"$2" 2>&1 &
	server_pid=$!
}
stop_server() {
	[ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null
	wait "$server_pid" 2>/dev/null || true
	server_pid=""
}

# curl_imap URL USER:PASS COMMAND [CURL-OPTION...]: curl in "check"
curl_imap() {
	url=$1 cred=$2 cmd=$3
	shift 3
	in_root "$work/check" "curl -sk --max-time 20 $* '$url' -u '$cred' -X '$cmd'"
}

# demo_login LOG IMAP-PORT IMAPS-PORT: curl logs in as demo over STARTTLS and
# imaps and fetches the demo's INBOX, once the server answers (the first
# make run also installs packages and builds: allow it 15 minutes).
demo_login() {
	log=$1 imap=$2 imaps=$3
	n=0
	until curl_imap "imap://127.0.0.1:$imap/" demo:demo NOOP --ssl-reqd >/dev/null 2>&1; do
		kill -0 "$server_pid" 2>/dev/null || { tail -n 30 "$log"; die "make run stopped"; }
		n=$((n + 1))
		[ $n -lt 900 ] || { tail -n 30 "$log"; die "make run did not serve within 15 minutes"; }
		sleep 1
	done
	for url in "imap://127.0.0.1:$imap/INBOX" "imaps://127.0.0.1:$imaps/INBOX"; do
		# curl prints a custom command's response lines, not its literals:
		# FLAGS to count, then the message of UID 1 by URL.
		out=$(curl_imap "$url" demo:demo "FETCH 1:* (FLAGS)" --ssl-reqd 2>&1) ||
			die "curl $url as demo: $out"
		msg=$(in_root "$work/check" "curl -sk --ssl-reqd --max-time 20 '$url;UID=1' -u demo:demo" 2>&1) ||
			die "curl '$url;UID=1' as demo: $msg"
		echo "$msg" | grep -q "^Subject: " || die "curl '$url;UID=1' as demo: no message in: $msg"
		say "  curl $url as demo over TLS: $(echo "$out" | grep -c '^\* [0-9]* FETCH') messages;" \
			"UID 1: $(echo "$msg" | grep '^Subject: ' | tr -d '\r')"
	done
}

set -- $(free_ports)
say "check: make run IMAP_PORT=$1 IMAPS_PORT=$2 (after make check); curl logs in as demo"
serve "$work/check" "$logs/check-run.log" "cd imapd && make run IMAP_PORT=$1 IMAPS_PORT=$2"
demo_login "$logs/check-run.log" "$1" "$2"
stop_server

# ---- run: `make run` as the first command ------------------------------------
set -- $(free_ports)
say "run: git clone; make run IMAP_PORT=$1 IMAPS_PORT=$2 as the first command (log: $logs/run.log)"
s=$(date +%s)
serve "$work/run" "$logs/run.log" "$clone && make run IMAP_PORT=$1 IMAPS_PORT=$2"
demo_login "$logs/run.log" "$1" "$2"
stop_server
grep '^imapd: ' "$logs/run.log" | sed 's/^/    /'
say "run: served the demo on the first try, $(($(date +%s) - s))s after the clone"

# ---- deb: the Debian package ---------------------------------------------------
say "deb: make deb in \"check\" (dpkg-buildpackage -us -uc -b, lintian; log: $logs/deb-build.log)"
s=$(date +%s)
in_root "$work/check" "cd imapd && make deb" >"$logs/deb-build.log" 2>&1 ||
	{ tail -n 30 "$logs/deb-build.log"; die "make deb"; }
grep -E '^imapd: installing|^[EWIXP]: ' "$logs/deb-build.log" | sed 's/^/    /'
deb=$(cd "$work/check/root/imapd/build/deb" && ls imapd_*.deb)
say "deb: built $deb in $(($(date +%s) - s))s"

cp -a "$work/base" "$work/deb"
cp "$work/check/root/imapd/build/deb/$deb" "$work/deb/root/"
# The machine a user installs it on has systemd; curl is the test's client.
say "deb: apt-get install -y ./$deb on a new root with systemd (log: $logs/deb-install.log)"
in_root "$work/deb" "apt-get update && apt-get install -y --no-install-recommends systemd curl &&
	apt-get install -y ./$deb" >"$logs/deb-install.log" 2>&1 ||
	{ tail -n 30 "$logs/deb-install.log"; die "apt-get install ./$deb"; }

# Booted, a unit of the test's runs once imapd-master.service is up: a SASL
# user, a message delivered into its maildir as an MDA would (as imapd),
# read back with curl over STARTTLS (143) and TLS (993); then power off.
cat >"$work/deb/root/deb-test.sh" <<'TEST'
#!/bin/sh
set -x
for i in $(seq 50); do systemctl is-active -q imapd-master.service && break; sleep 0.2; done
systemctl --no-pager status imapd-master.service || exit 1
printf secret | saslpasswd2 -c -p alice || exit 1
box=/var/lib/imapd/mail/alice
runuser -u imapd -- mkdir -p $box/cur $box/new $box/tmp || exit 1
printf 'From: bob@example.org\nTo: alice\nSubject: delivered\n\nfresh-deb-token\n' >/tmp/msg
runuser -u imapd -- sh -c "cp /tmp/msg $box/tmp/1.M1P1.deb && mv $box/tmp/1.M1P1.deb $box/new/1.M1P1.deb" || exit 1
curl -sk --ssl-reqd --max-time 20 "imap://127.0.0.1/INBOX;UID=1" -u alice:secret >/tmp/out143 || exit 1
curl -sk --max-time 20 "imaps://127.0.0.1/INBOX;UID=1" -u alice:secret >/tmp/out993 || exit 1
grep fresh-deb-token /tmp/out143 && grep fresh-deb-token /tmp/out993 || exit 1
# The session wrote its index as mail_user, not as root.
stat -c '%U %n' $box/imapd.index $box/cur/*
[ "$(stat -c %U $box/imapd.index)" = imapd ] || exit 1
TEST
cat >"$work/deb/etc/systemd/system/deb-test.service" <<'UNIT'
[Unit]
Description=check-fresh: log in to the installed imapd
After=imapd-master.service
[Service]
Type=oneshot
ExecStart=/bin/sh -c 'sh /root/deb-test.sh >/root/deb-test.out 2>&1; echo $? >/root/deb-test.status'
ExecStartPost=/bin/systemctl poweroff
[Install]
WantedBy=multi-user.target
UNIT
chroot "$work/deb" systemctl enable -q deb-test.service
say "deb: systemd-nspawn --boot, private network: the service starts, alice reads her mail (log: $logs/deb-test.log)"
unshare --mount --propagation private -- sh -c '
	mkdir -p /run/systemd/nspawn && mount -t tmpfs tmpfs /run/systemd/nspawn &&
	exec timeout 300 systemd-nspawn -q --register=no --keep-unit --private-network \
		-M imapd-deb -D "$1" --boot' sh "$work/deb" >"$logs/deb-boot.log" 2>&1 || true
cat "$work/deb/root/deb-test.out" >"$logs/deb-test.log" 2>/dev/null
[ "$(cat "$work/deb/root/deb-test.status" 2>/dev/null)" = 0 ] ||
	{ tail -n 30 "$logs/deb-test.log" "$logs/deb-boot.log"; die "the installed package did not serve alice"; }
grep -E 'Active:|^imapd /' "$logs/deb-test.log" | sed 's/^/    /'
say "deb: imapd-master.service active; alice read the delivered message over 143 (STARTTLS) and 993, her session ran as imapd"

in_root "$work/deb" "apt-get purge -y imapd && dpkg-query -W imapd 2>&1;
	ls /etc/imapd.conf /etc/imapd-master.conf /lib/systemd/system/imapd-master.service \
		/etc/systemd/system/multi-user.target.wants/imapd-master.service 2>&1;
	find /var/lib/imapd" >"$logs/deb-purge.log" 2>&1 || { cat "$logs/deb-purge.log"; die "apt-get purge imapd"; }
if grep -q "^imapd[[:space:]]" "$logs/deb-purge.log" || ! grep -q "no packages found matching imapd" "$logs/deb-purge.log" ||
   [ "$(grep -c 'No such file' "$logs/deb-purge.log")" != 4 ]; then
	cat "$logs/deb-purge.log"; die "apt-get purge left the package or its files"
fi
say "deb: apt-get purge imapd: package, conffiles and unit gone; kept: $(grep '^/var/lib/imapd' "$logs/deb-purge.log" | tr '\n' ' ')"

say "check-fresh: passed in $(($(date +%s) - t0))s; in the fresh root: $totals"

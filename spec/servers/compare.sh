#!/bin/sh
# spec/servers/compare.sh - run the RFC 2060 conformance suite against our
# imapd, Dovecot and Cyrus imapd (each started on 127.0.0.1 by
# dovecot.sh / cyrus.sh and stopped again) and print the side-by-side
# Markdown tables of spec/README.md.  Run as root (it may install packages).
# The accounts dovecot.sh and cyrus.sh make are throwaway ones, so the
# suite runs with --scratch-account there (transcripts that change INBOX,
# such as RENAME INBOX, run too).
#
#   sh spec/servers/compare.sh [OUTDIR]     results in OUTDIR (default build/conformance)
#
# IMAPD=path/to/imapd picks our binary (default: build it with make O=build/conformance).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
out=${1:-build/conformance}
mkdir -p "$out"
suite=spec/rfc2060-tests/conformance.py
if [ -z "${IMAPD:-}" ]; then
	make -s O=build/conformance >&2
	IMAPD=build/conformance/bin/imapd
fi
python3 $suite --imapd "$IMAPD" --server-name imapd --json "$out/imapd.json" >"$out/imapd.tap" 2>&1 || true
export out suite
sh spec/servers/dovecot.sh run sh -c "python3 $suite --host \"\$IMAPTEST_HOST\" --port \"\$IMAPTEST_PORT\" --user \"\$IMAPTEST_USER\" --password \"\$IMAPTEST_PASS\" --scratch-account --server-name dovecot --json $out/dovecot.json >$out/dovecot.tap 2>&1 || true" >&2
sh spec/servers/cyrus.sh run sh -c "python3 $suite --host \"\$IMAPTEST_HOST\" --port \"\$IMAPTEST_PORT\" --user \"\$IMAPTEST_USER\" --password \"\$IMAPTEST_PASS\" --scratch-account --server-name cyrus --json $out/cyrus.json >$out/cyrus.tap 2>&1 || true" >&2
for s in imapd dovecot cyrus; do
	printf '%-8s %s\n' "$s:" "$(tail -1 "$out/$s.tap")" >&2
done
python3 $suite --compare "$out/imapd.json" "$out/dovecot.json" "$out/cyrus.json" \
	--names "our imapd,Dovecot 2.3,Cyrus 3.6"

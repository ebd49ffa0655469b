#!/bin/sh
# tools/fuzz.sh build|run [TARGET...] - libFuzzer targets (clang, ASan +
# UBSan) for every parser that reads outside input, each run for
# $FUZZ_SECONDS seconds (default 60):
#   parser  command lines and literals through the session's reader over a
#           socket: cmdread, the lexer, the parser (tests/fuzz/fuzz_parser.c)
#   mime    messages: MIME structure, ENVELOPE, BODYSTRUCTURE, sections,
#           search (tests/mime-corpus/fuzz_mime.c; seeds also
#           tests/mime-corpus/msgs/)
#   mutf7   mailbox names: modified UTF-7 and the names kept inside the
#           mail root (tests/fuzz/fuzz_mutf7.c)
#   base64  the strict base64 of SASL exchanges (tests/fuzz/fuzz_base64.c)
#   config  imapd.conf (tests/fuzz/fuzz_config.c)
#   proxy   PROXY protocol v1/v2 headers and proxy_trusted_networks lists
#           (tests/fuzz/fuzz_proxyproto.c)
#   authhttp  imapd-auth-http's HTTP request heads, %-escapes and shard
#           maps (tests/fuzz/fuzz_authhttp.c)
#   index   a folder's index snapshot, log and message cache, torn or
#           hostile: detected and rebuilt or read bounded (tests/fuzz/
#           fuzz_index.c; seeds from tests/fuzz/mkseeds_index.py)
# `tools/fuzz.sh campaign [TARGET...]` runs the same and adds each run to
# tests/fuzz/campaign.tsv, whose totals say how far each target has been
# fuzzed over time (the goal: 10^8 executions per target with no crash).
# Seed corpora are kept in tests/fuzz/<target>/; new inputs go to
# build/fuzz/<target>-corpus.  For each target one line says how many
# inputs ran and the coverage reached (libFuzzer's cov: edges, ft:
# features), also written to build/fuzz/summary.txt.  Exits non-zero if a
# fuzzer found a crash, leak or timeout (the input is kept in build/fuzz/,
# the fuzzer's output in build/fuzz/<target>.log).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=build/fuzz
mkdir -p "$out/obj"
CC=${FUZZ_CC:-clang}
flags="-g -O1 -std=c11 -D_GNU_SOURCE -Isrc -Igen -fsanitize=address,undefined -fno-sanitize-recover=undefined"
ALL="parser mime mutf7 base64 config proxy authhttp index"

# compile SRC... : object files for the fuzzers in $objs, rebuilt when stale
compile() {
	objs=""
	for s in "$@"; do
		o="$out/obj/$(echo "$s" | tr / _).o"
		if [ ! -f "$o" ] || [ "$s" -nt "$o" ] || [ -n "$(find src -name '*.h' -newer "$o" | head -1)" ]; then
			$CC $flags -fsanitize=fuzzer-no-link -c -o "$o" "$s"
		fi
		objs="$objs $o"
	done
}

# What each target is: its harness, the sources it links, the longest
# input, its dictionary and seed directories.
describe() {
	dict=""
	libs=""
	extra_seeds=""
	case $1 in
	parser)
		harness=tests/fuzz/fuzz_parser.c maxlen=4096 dict=tests/fuzz/imap.dict
		# The session's own reader over a socket: proto/, the
		# connection layer, and what a session links (SASL, TLS, zlib).
		srcs="gen/imap_parse.c gen/imap_lex.c $(echo src/proto/*.c) src/net/conn.c
		      src/net/tls.c src/net/compress.c src/net/ioloop.c src/auth/auth.c
		      $(echo src/util/*.c)"
		libs=$(pkg-config --libs openssl libsasl2 zlib) ;;
	mime)
		harness=tests/mime-corpus/fuzz_mime.c maxlen=65536
		dict=tests/mime-corpus/fuzz_mime.dict extra_seeds=tests/mime-corpus/msgs
		srcs="$(echo src/mime/*.c) src/util/arena.c src/util/sbuf.c src/util/date.c src/util/lctree.c src/util/siphash.c
		      src/util/base64.c" ;;
	mutf7)
		harness=tests/fuzz/fuzz_mutf7.c maxlen=512
		srcs="src/store/mboxname.c src/util/base64.c src/util/utf8.c" ;;
	base64)
		harness=tests/fuzz/fuzz_base64.c maxlen=4096
		srcs="src/util/base64.c" ;;
	config)
		harness=tests/fuzz/fuzz_config.c maxlen=8192 dict=tests/fuzz/config.dict
		srcs="src/util/config.c src/util/idlist.c src/util/netlist.c" ;;
	proxy)
		harness=tests/fuzz/fuzz_proxyproto.c maxlen=700 dict=tests/fuzz/proxy.dict
		srcs="src/net/proxyproto.c src/util/netlist.c" ;;
	authhttp)
		harness=tests/fuzz/fuzz_authhttp.c maxlen=9000 dict=tests/fuzz/authhttp.dict
		srcs="src/net/httpreq.c src/server/shardmap.c" ;;
	index)
		harness=tests/fuzz/fuzz_index.c maxlen=32768 dict=tests/fuzz/index.dict
		srcs="$(echo src/store/*.c) $(echo src/util/*.c)" ;;
	*)
		echo "fuzz.sh: no target $1 (targets: $ALL)" >&2
		exit 2 ;;
	esac
}

build() {
	describe "$1"
	compile $srcs
	$CC $flags -fsanitize=fuzzer -o "$out/fuzz_$1" "$harness" $objs $libs
}

mode=${1:-run}
[ $# -gt 0 ] && shift
targets=${*:-$ALL}
for t in $targets; do
	build "$t"
done
[ "$mode" = build ] && exit 0

secs=${FUZZ_SECONDS:-60}
status=0
: >"$out/summary.txt"
# campaign: the same runs, each also recorded in tests/fuzz/campaign.tsv
# (committed), so that executions add up across runs and machines; the
# totals per target are printed at the end.
ledger=tests/fuzz/campaign.tsv
[ "$mode" = campaign ] && [ ! -f "$ledger" ] &&
	printf 'date\tcommit\ttarget\truns\tseconds\tcov\tft\tresult\n' >"$ledger"
for t in $targets; do
	describe "$t"
	mkdir -p "$out/$t-corpus"
	if "$out/fuzz_$t" -max_total_time="$secs" -max_len="$maxlen" -timeout=10 \
		${dict:+-dict="$dict"} -artifact_prefix="$out/$t-" -print_final_stats=1 \
		"$out/$t-corpus" "tests/fuzz/$t" $extra_seeds >"$out/$t.log" 2>&1; then
		result="no crash"
	else
		result="FAILED, see $out/$t.log"
		status=1
	fi
	# "#123 DONE cov: 456 ft: 789 corp: 12/345b ..." and the final stats
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -1)
	new=$(sed -n 's/^stat::new_units_added: *//p' "$out/$t.log" | tail -1)
	cov=$(grep -E '^#[0-9]+' "$out/$t.log" | tail -1 |
		sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/cov \1, ft \2, corpus \3/p')
	line="fuzz_$t: ${runs:-?} runs in ${secs}s, ${cov:-no coverage line}, ${new:-0} new inputs, $result"
	echo "$line"
	echo "$line" >>"$out/summary.txt"
	if [ "$mode" = campaign ]; then
		c=$(grep -E '^#[0-9]+' "$out/$t.log" | tail -1 | sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\).*/\1\t\2/p')
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" \
			"$(git rev-parse --short HEAD 2>/dev/null || echo -)" "$t" "${runs:-0}" "$secs" \
			"${c:-0	0}" "$([ "$result" = "no crash" ] && echo ok || echo crash)" >>"$ledger"
	fi
	[ "$result" = "no crash" ] || tail -40 "$out/$t.log"
done
if [ "$mode" = campaign ]; then
	echo "executions so far (tests/fuzz/campaign.tsv), target: runs, crashes recorded:"
	awk -F'\t' 'NR > 1 { r[$3] += $4; if ($8 != "ok") c[$3]++ }
		END { for (t in r) printf "  %-8s %12d  %d\n", t, r[t], c[t] + 0 }' "$ledger" | sort
fi
exit $status

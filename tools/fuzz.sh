#!/bin/sh
# tools/fuzz.sh build|run - build the libFuzzer targets with clang (ASan +
# UBSan) and run each for $FUZZ_SECONDS seconds (default 60):
#   fuzz_parser  the command lexer and parser (tests/fuzz/fuzz_parser.c),
#                seed corpus tests/fuzz/corpus/
#   fuzz_mime    the MIME parser, ENVELOPE, BODYSTRUCTURE, sections, search
#                (tests/mime-corpus/fuzz_mime.c), seeds tests/mime-corpus/msgs/
# New inputs go to build/fuzz/<target>-corpus.  Exits non-zero if a
# fuzzer found a crash, leak or timeout (the input is kept in build/fuzz/).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=build/fuzz
mkdir -p "$out/obj"
CC=${FUZZ_CC:-clang}
flags="-g -O1 -std=c11 -D_GNU_SOURCE -Isrc -Igen -fsanitize=address,undefined -fno-sanitize-recover=undefined"

# compile SRC... : object files for the fuzzers, rebuilt when stale
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

compile gen/imap_parse.c gen/imap_lex.c src/proto/parser.c src/proto/build.c \
	src/proto/ast_print.c src/util/arena.c src/util/sbuf.c src/util/date.c
$CC $flags -fsanitize=fuzzer -o "$out/fuzz_parser" tests/fuzz/fuzz_parser.c $objs

compile src/mime/*.c src/util/arena.c src/util/sbuf.c src/util/date.c src/util/base64.c
$CC $flags -fsanitize=fuzzer -o "$out/fuzz_mime" tests/mime-corpus/fuzz_mime.c $objs

[ "${1:-run}" = build ] && exit 0
secs=${FUZZ_SECONDS:-60}
status=0
run() { # run TARGET MAXLEN DICT SEEDS
	mkdir -p "$out/$1-corpus"
	echo "fuzzing $1 for ${secs}s"
	if ! "$out/$1" -max_total_time="$secs" -max_len="$2" -timeout=10 -dict="$3" \
		-artifact_prefix="$out/$1-" -print_final_stats=1 "$out/$1-corpus" "$4" \
		>"$out/$1.log" 2>&1; then
		tail -40 "$out/$1.log"
		status=1
	else
		grep -E 'stat::number_of_executed_units|stat::new_units_added' "$out/$1.log"
	fi
}
run fuzz_parser 4096 tests/fuzz/imap.dict tests/fuzz/corpus
run fuzz_mime 65536 tests/mime-corpus/fuzz_mime.dict tests/mime-corpus/msgs
exit $status

#!/bin/sh
# tools/fuzz.sh build|run - build the libFuzzer target for the lexer and
# parser with clang (ASan + UBSan), and run it for $FUZZ_SECONDS seconds
# (default 60) on the seed corpus in tests/fuzz/corpus/ plus a scratch
# corpus in build/fuzz/corpus.  Exits non-zero if the fuzzer found a crash.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=build/fuzz
mkdir -p "$out/obj" "$out/corpus"
CC=${FUZZ_CC:-clang}
flags="-g -O1 -std=c11 -D_GNU_SOURCE -Isrc -Igen -fsanitize=address,undefined -fno-sanitize-recover=undefined"
srcs="gen/imap_parse.c gen/imap_lex.c src/proto/parser.c src/proto/build.c src/proto/ast_print.c
      src/proto/cmd_names.c src/util/arena.c src/util/sbuf.c"
objs=""
for s in $srcs; do
	o="$out/obj/$(echo "$s" | tr / _).o"
	if [ ! -f "$o" ] || [ "$s" -nt "$o" ] || [ grammar/imap.y -nt "$o" ]; then
		$CC $flags -fsanitize=fuzzer-no-link -c -o "$o" "$s"
	fi
	objs="$objs $o"
done
$CC $flags -fsanitize=fuzzer -o "$out/fuzz_parser" tests/fuzz/fuzz_parser.c $objs
[ "${1:-run}" = build ] && exit 0
secs=${FUZZ_SECONDS:-60}
echo "fuzzing the lexer and parser for ${secs}s"
"$out/fuzz_parser" -max_total_time="$secs" -max_len=4096 -timeout=5 \
	-dict=tests/fuzz/imap.dict -artifact_prefix="$out/" -print_final_stats=1 \
	"$out/corpus" tests/fuzz/corpus 2>&1 | tail -15

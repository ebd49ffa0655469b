#!/bin/sh
# build-unit.sh - build and run the MIME unit tests without the rest of
# the tree (src/mime + src/util only), e.g. while other modules are being
# written.  `make unit` builds the same tests against libimapd.a.
#   sh tests/mime-corpus/build-unit.sh [out-dir] [extra CFLAGS...]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
out=${1:-build/mime/standalone}; [ $# -gt 0 ] && shift
CC=${CC:-cc}
mkdir -p "$out"
WARN="-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes"
FLAGS="-std=c11 -D_GNU_SOURCE -Isrc -Itests -O2 -g $WARN $*"
$CC $FLAGS -c src/util/arena.c -o "$out/arena.o"
$CC $FLAGS -c src/util/sbuf.c -o "$out/sbuf.o"
$CC $FLAGS -c src/util/date.c -o "$out/date.o"
$CC $FLAGS -c src/util/base64.c -o "$out/base64.o"
objs="$out/arena.o $out/sbuf.o $out/date.o $out/base64.o"
for f in src/mime/*.c; do
	o="$out/$(basename "$f" .c).o"
	$CC $FLAGS -c "$f" -o "$o"
	objs="$objs $o"
done
rc=0
for t in tests/unit/test_mime*.c; do
	b="$out/$(basename "$t" .c)"
	$CC $FLAGS $(pkg-config --cflags cmocka) -o "$b" "$t" $objs $(pkg-config --libs cmocka)
	"$b" || rc=1
done
exit $rc

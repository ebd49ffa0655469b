#!/bin/sh
# tools/check-gen.sh - fail when gen/ is not what grammar/ produces.
# 1. The grammar's SHA-256 stamped in gen/ must match grammar/ (works on a
#    host without re2c or Bison).
# 2. With re2c and Bison present, regenerate into a scratch directory and
#    compare byte for byte.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
stamp=$(cat grammar/imap.y grammar/imap.re | sha256sum | cut -d' ' -f1)
for f in gen/imap_parse.c gen/imap_parse.h gen/imap_lex.c; do
	if ! head -n 1 "$f" | grep -q "grammar sha256 $stamp"; then
		echo "check-gen: $f was not generated from the current grammar/; run make gen" >&2
		exit 1
	fi
done
if command -v bison >/dev/null 2>&1 && command -v re2c >/dev/null 2>&1; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	sh tools/gen.sh "$tmp"
	for f in imap_parse.c imap_parse.h imap_lex.c; do
		if ! cmp -s "$tmp/$f" "gen/$f"; then
			echo "check-gen: gen/$f differs from what make gen writes; run make gen" >&2
			diff -u "gen/$f" "$tmp/$f" | head -20 >&2
			exit 1
		fi
	done
	echo "check-gen: gen/ matches grammar/ (regenerated and compared)"
else
	echo "check-gen: gen/ stamp matches grammar/ (re2c/bison absent, not regenerated)"
fi

#!/bin/sh
# tools/gen.sh OUTDIR - write the C that re2c and Bison generate from
# grammar/ into OUTDIR, with output that does not depend on the date or
# the tool versions beyond the grammar itself, so `git diff gen/` shows
# only real changes.  The first line of each file names its source and
# the SHA-256 of the grammar files, which `make check-gen` compares even
# on a host without re2c or Bison.
set -eu
out=${1:-gen}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mkdir -p "$out"
stamp=$(cat grammar/imap.y grammar/imap.re | sha256sum | cut -d' ' -f1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Bison derives the header's include guard from the output path: write
# into the scratch directory under the final names.
(cd "$tmp" && bison -Wall -Werror --no-lines -Dapi.header.include='{"imap_parse.h"}' \
	-o imap_parse.c --header=imap_parse.h "$top/grammar/imap.y")
re2c -c -W -Werror --no-generation-date --no-version --no-debug-info \
	-o "$tmp/imap_lex.c" grammar/imap.re

for f in imap_parse.c imap_parse.h imap_lex.c; do
	case $f in
		imap_lex.c) src=grammar/imap.re ;;
		*) src=grammar/imap.y ;;
	esac
	{
		echo "/* generated from $src (grammar sha256 $stamp), do not edit: run make gen */"
		# Bison names its version in comments and macros; drop the
		# number so that gen/ is the same whatever Bison wrote it.
		sed -e 's/A Bison parser, made by GNU Bison [0-9.]*\./A Bison parser, made by GNU Bison./' \
		    -e 's/^#define YYBISON_VERSION "[0-9.]*"/#define YYBISON_VERSION "3"/' \
		    -e 's/^#define YYBISON [0-9]*$/#define YYBISON 3/' \
		    -e 's/Bison implementation for Yacc-like parsers in C$/Bison implementation for Yacc-like parsers in C./' \
		    "$tmp/$f"
	} > "$out/$f"
done

#!/bin/sh
# tests/run-all.sh - run every test suite and print one summary line,
# "N passed, N failed", summed over all suites.  Exits 1 if anything failed.
#
#   BUILD   build directory holding tests/ (unit test binaries)
#   BIN     directory holding imapd
#   SUITES  space-separated subset: gen layers unit protocol clients fuzz (default: all)
set -u
BUILD=${BUILD:-build/default}
BIN=${BIN:-bin}
SUITES=${SUITES:-"gen layers unit protocol clients fuzz"}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

passed=0
failed=0
failures=""
out=$(mktemp)
trap 'rm -f "$out"' EXIT

add() { # add PASSED FAILED SUITE
	passed=$((passed + $1))
	failed=$((failed + $2))
	[ "$2" -gt 0 ] && failures="$failures $3"
	printf '%-10s %5d passed, %d failed\n' "$3:" "$1" "$2"
}

# Count TAP lines in $out.
tap_count() {
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	add "$p" "$f" "$1"
}

for suite in $SUITES; do
	case $suite in
	gen)
		if sh tools/check-gen.sh >"$out" 2>&1; then add 1 0 gen; else cat "$out"; add 0 1 gen; fi
		;;
	layers)
		if BUILD="$BUILD" python3 tools/check-layers.py >"$out" 2>&1; then add 1 0 layers; else cat "$out"; add 0 1 layers; fi
		;;
	unit)
		p=0; f=0
		for t in "$BUILD"/tests/test_*; do
			[ -x "$t" ] || continue
			"$t" >"$out" 2>&1
			rc=$?
			tp=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
			tf=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
			if [ "$rc" -ne 0 ] && [ "$tf" -eq 0 ]; then tf=1; fi  # crashed
			if [ "$tf" -gt 0 ]; then
				echo "--- $t"; grep -E '^\[  (FAILED|ERROR)|Failure|error|ERROR|^ *[^ ]*\.c:[0-9]+' "$out" | head -40
			fi
			p=$((p + tp)); f=$((f + tf))
		done
		add "$p" "$f" unit
		;;
	protocol)
		python3 spec/rfc2060-tests/imaptest.py --imapd "$BIN/imapd" >"$out" 2>&1
		# The requirement files are well-formed, every covers line names a
		# requirement and every testable requirement has a test.
		if python3 spec/rfc2060-tests/conformance.py --matrix-only --strict >"$out.m" 2>&1; then
			echo "ok - requirement matrices (conformance.py --matrix-only --strict)" >>"$out"
		else
			grep -v '^# [§t ]' "$out.m" | sed 's/^/# /'
			echo "not ok - requirement matrices (conformance.py --matrix-only --strict)" >>"$out"
		fi
		rm -f "$out.m"
		grep '^not ok\|^#' "$out" | head -80
		tap_count protocol
		;;
	clients)
		: >"$out"
		for t in tests/clients/*.sh tests/clients/*.py; do
			[ -f "$t" ] || continue
			case $t in
			*.py) BIN="$BIN" python3 "$t" >>"$out" 2>&1 ;;
			*) BIN="$BIN" sh "$t" >>"$out" 2>&1 ;;
			esac
		done
		grep '^not ok\|^#' "$out" | head -80
		tap_count clients
		;;
	fuzz)
		if command -v clang >/dev/null 2>&1 && [ "${SANITIZE:-}" != 1 ]; then
			if FUZZ_SECONDS=${FUZZ_SECONDS:-20} sh tools/fuzz.sh run >"$out" 2>&1; then
				add 1 0 fuzz
			else
				tail -30 "$out"; add 0 1 fuzz
			fi
		else
			echo "fuzz:      skipped (needs clang; not run under SANITIZE=1, it has its own sanitizers)"
		fi
		;;
	esac
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# tests/run-all.sh - run every test suite and print one summary line,
# "N passed, N failed", summed over all suites.  Exits 1 if anything failed.
#
#   BUILD   build directory holding tests/ (unit test binaries)
#   BIN     directory holding imapd
#   SUITES  space-separated subset: gen layers unit protocol clients fuzz (default:
#           all; under SANITIZE=1 all but fuzz, which has its own sanitizers)
#
# No silent zeroes: a suite that misses a tool, runs fewer tests than it
# should or exits early counts what did not run as failed and says why.
# What each suite should run is known before it runs: every unit binary's
# cmocka plan ("Running N test(s)"), one protocol test per transcript, one
# TAP plan per client script (a tests/clients/*.py that another one there
# imports is a helper; every other *.py and *.sh there is a test).  A TAP
# "# SKIP" counts as skipped, not passed.
set -u
BUILD=${BUILD:-build/default}
BIN=${BIN:-bin}
if [ "${SANITIZE:-}" = 1 ]; then
	SUITES=${SUITES:-"gen layers unit protocol clients"}
	echo "fuzz:      not run under SANITIZE=1 (the fuzzers have their own sanitizers)"
else
	SUITES=${SUITES:-"gen layers unit protocol clients fuzz"}
fi
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

passed=0
failed=0
skipped=0
failures=""
out=$(mktemp)
trap 'rm -f "$out"' EXIT

add() { # add PASSED FAILED SKIPPED SUITE
	passed=$((passed + $1))
	failed=$((failed + $2))
	skipped=$((skipped + $3))
	[ "$2" -gt 0 ] && failures="$failures $4"
	printf '%-10s %5d passed, %d failed%s\n' "$4:" "$1" "$2" \
		"$([ "$3" -gt 0 ] && echo ", $3 skipped")"
}

# missing COMMAND... : the ones not on PATH, space-separated
missing() {
	for c; do command -v "$c" >/dev/null 2>&1 || printf '%s ' "$c"; done
}

# tap FILE : "passed failed skipped planned" of the TAP in FILE (planned
# is -1 without a plan line)
tap() {
	awk '/^ok / { if (/# SKIP/) s++; else p++ }
	     /^not ok / { f++ }
	     /^1\.\.[0-9]+/ { split($1, a, "\\.\\."); plan = a[2] + 0; has = 1 }
	     END { print p + 0, f + 0, s + 0, has ? plan : -1 }' "$1"
}

for suite in $SUITES; do
	case $suite in
	gen)
		m=$(missing re2c bison)
		if [ -n "$m" ]; then
			echo "gen: ${m}missing: gen/ cannot be regenerated and compared (make deps installs it)"
			add 0 1 0 gen
		elif sh tools/check-gen.sh >"$out" 2>&1; then
			add 1 0 0 gen
		else
			cat "$out"; add 0 1 0 gen
		fi
		;;
	layers)
		if BUILD="$BUILD" python3 tools/check-layers.py >"$out" 2>&1; then add 1 0 0 layers; else cat "$out"; add 0 1 0 layers; fi
		;;
	unit)
		p=0; f=0
		for src in tests/unit/test_*.c; do
			t=$BUILD/tests/$(basename "$src" .c)
			if [ ! -x "$t" ]; then
				echo "--- $t: not built"; f=$((f + 1)); continue
			fi
			"$t" >"$out" 2>&1
			rc=$?
			plan=$(sed -n 's/^\[==========\] .*Running \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
			tp=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
			tf=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
			why=""
			if [ "$plan" -eq 0 ]; then
				tf=$((tf + 1)); why="ran no test (exit status $rc)"
			elif [ $((tp + tf)) -lt "$plan" ]; then
				why="$((plan - tp - tf)) of $plan tests did not finish (exit status $rc)"
				tf=$((plan - tp))
			elif [ "$rc" -ne 0 ] && [ "$tf" -eq 0 ]; then
				tf=1; why="exit status $rc"
			fi
			if [ "$tf" -gt 0 ]; then
				echo "--- $t${why:+: $why}"
				grep -E '^\[  (FAILED|ERROR)|Failure|error|ERROR|^ *[^ ]*\.c:[0-9]+' "$out" | head -40
			fi
			p=$((p + tp)); f=$((f + tf))
		done
		add "$p" "$f" 0 unit
		;;
	protocol)
		want=$(ls spec/rfc2060-tests/*.test | wc -l)
		m=$(missing python3)
		if [ -n "$m" ]; then
			echo "protocol: ${m}missing: none of the $want transcripts ran (make deps installs it)"
			add 0 "$want" 0 protocol
			continue
		fi
		python3 spec/rfc2060-tests/imaptest.py --imapd "$BIN/imapd" >"$out" 2>&1
		rc=$?
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
		set -- $(tap "$out")
		p=$1 f=$2 s=$3
		if [ $((p + f + s)) -lt "$want" ]; then
			echo "protocol: $((want - p - f - s)) of $want transcripts did not report (runner exit status $rc):"
			grep -v '^ok \|^not ok \|^#\|^1\.\.' "$out" | tail -15
			f=$((want - p - s))
		elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			echo "protocol: the runner exited with status $rc"; f=1
		fi
		add "$p" "$f" "$s" protocol
		;;
	clients)
		p=0; f=0; s=0
		scripts=$(for t in tests/clients/*.sh tests/clients/*.py; do
			[ -f "$t" ] || continue
			mod=$(basename "$t" .py)
			grep -qE "^(from|import) $mod( |,|\$)" tests/clients/*.py || echo "$t"
		done)
		m=$(missing python3)
		if [ -n "$m" ]; then
			n=$(echo "$scripts" | grep -c '\.py$')
			echo "clients: ${m}missing: none of the $n client test scripts ran (make deps installs it)"
			f=$n
		fi
		# The tools the client tests drive; a missing one would turn its
		# tests into skips.
		for c in $(missing curl mbsync openssl saslpasswd2 strace groff man ps systemd-socket-activate); do
			echo "clients: $c is missing (make deps installs it)"; f=$((f + 1))
		done
		for t in $scripts; do
			case $t in
			*.py) [ -n "$m" ] && continue; BIN="$BIN" python3 "$t" >"$out" 2>&1 ;;
			*) BIN="$BIN" sh "$t" >"$out" 2>&1 ;;
			esac
			rc=$?
			grep '^not ok\|^#' "$out" | head -80
			set -- $(tap "$out")
			tp=$1 tf=$2 ts=$3 plan=$4
			if [ "$plan" -lt 0 ]; then
				echo "$t: exited early, with no TAP plan (exit status $rc):"
				grep -v '^ok \|^not ok \|^#' "$out" | tail -15
				tf=$((tf + 1))
			elif [ "$plan" -eq 0 ]; then
				echo "$t: ran no test: $(grep '^1\.\.0' "$out")"
				tf=$((tf + 1))
			elif [ $((tp + tf + ts)) -lt "$plan" ]; then
				echo "$t: $((plan - tp - tf - ts)) of $plan tests did not report (exit status $rc)"
				tf=$((plan - tp - ts))
			elif [ "$rc" -ne 0 ] && [ "$tf" -eq 0 ]; then
				echo "$t: exit status $rc with every test passed"; tf=1
			fi
			p=$((p + tp)); f=$((f + tf)); s=$((s + ts))
		done
		add "$p" "$f" "$s" clients
		;;
	fuzz)
		m=$(missing clang)
		if [ -n "$m" ]; then
			echo "fuzz: ${m}missing: the fuzzers were not built (make deps installs it)"
			add 0 1 0 fuzz
		elif FUZZ_SECONDS=${FUZZ_SECONDS:-12} sh tools/fuzz.sh run >"$out" 2>&1; then
			# Every target a few seconds each (tools/fuzz.sh says which).
			grep '^fuzz_' "$out"
			add 1 0 0 fuzz
		else
			tail -30 "$out"; add 0 1 0 fuzz
		fi
		;;
	*)
		echo "$suite: no such suite (gen layers unit protocol clients fuzz)"
		add 0 1 0 "$suite"
		;;
	esac
done

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]

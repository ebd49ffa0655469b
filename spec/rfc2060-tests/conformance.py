#!/usr/bin/env python3
"""conformance.py - the RFC 2060 conformance suite and its requirement matrix.

Runs every transcript of spec/rfc2060-tests/ (TAP on stdout, so prove(1) and
CI read it) against our imapd or any IMAP server, then prints, as TAP
comments, the matrix of spec/requirements.tsv: per RFC section the
requirements, how many are testable, the tests that cover them, which are
covered, and how many passed and failed against this server.

    conformance.py --imapd build/bin/imapd             our server (default)
    conformance.py --host H --port P --user U --password P [--tls]
                   [--scratch-account]                 any server (--scratch-account: the
                                                       account may be changed, INBOX too)
    conformance.py --matrix-only                       coverage only, run nothing
    conformance.py --list [--uncovered]                one line per requirement
    conformance.py --json out.json                     also save the results
    conformance.py --compare ours.json dovecot.json cyrus.json
                                                       Markdown table, side by side

Under `make conformance HOST=... PORT=... USER=... PASS=... TLS=1` the
values given on make's command line are read from MAKEFLAGS too, so USER
from the environment is never taken for the test user.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import imaptest  # noqa: E402

REQ_FILE = os.path.join(HERE, "..", "requirements.tsv")
ID_RX = re.compile(r"R-[0-9.]+-[a-z]+$")


def section_key(sec):
    return [int(x) for x in sec.split(".") if x.isdigit()]


def load_requirements(path=REQ_FILE):
    reqs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 5:
                raise SystemExit("%s:%d: expected 5 tab-separated columns" % (path, n))
            rid, sec, level, testability, text = cols
            reqs.append({"id": rid, "section": sec, "level": level,
                         "testable": testability == "testable",
                         "why": testability.split(":", 1)[1] if ":" in testability else "",
                         "text": text})
    return reqs


def load_tests(paths):
    tests = {}
    for p in paths:
        _, covers = imaptest.parse_transcript(p)
        # Only requirement IDs count ("# covers: none of RFC 2060 ..." names none).
        covers = [c for c in covers if c.startswith("R-")]
        tests[os.path.basename(p)] = {"path": p, "covers": covers}
    return tests


def top_section(sec):
    """The row a section is summed into: 2.3.1.1 -> 2.3.1, 6.3.10 -> 6.3.10, 9 -> 9."""
    parts = sec.split(".")
    return ".".join(parts[:3])


def make_vars_from_makeflags(args):
    """Values given on make's command line (HOST= PORT= USER= PASS= TLS=)."""
    flags = os.environ.get("MAKEFLAGS", "")
    try:
        words = shlex.split(flags.replace("\\ ", "\x00"))
    except ValueError:
        return
    cmdline = {}
    for w in words:
        w = w.replace("\x00", " ")
        m = re.match(r"(HOST|PORT|USER|USER_NAME|PASS|TLS)=(.*)$", w)
        if m:
            cmdline[m.group(1)] = m.group(2)
    if args.host is None and cmdline.get("HOST"):
        args.host = cmdline["HOST"]
    if args.port is None and cmdline.get("PORT"):
        args.port = int(cmdline["PORT"])
    user = cmdline.get("USER") or cmdline.get("USER_NAME")
    if user and not args.user_given:
        args.user = user
    if cmdline.get("PASS") and not args.password_given:
        args.password = cmdline["PASS"]
    if cmdline.get("TLS") not in (None, "", "0"):
        args.tls = True


def run_suite(args, tests):
    runner = imaptest.Runner(args)
    results = {}
    names = sorted(tests)
    tap = imaptest.Tap(plan=len(names), max_diag=None)
    for name in names:
        t0 = time.time()
        status, detail = imaptest.run_one(runner, tests[name]["path"])
        results[name] = {"status": status, "detail": detail or "", "seconds": round(time.time() - t0, 2),
                         "failed_reqs": getattr(runner, "failed_reqs", None) if status == "fail" else None}
        if status == "skip":
            tap.skip(name, detail)
            continue
        lines = (detail or "").splitlines()
        if not args.verbose and len(lines) > 14:
            lines = lines[:14] + ["... (-v shows all)"]
        tap.ok(status == "ok", name, "\n".join(lines))
    return results


def req_status(req, tests, results):
    """untestable, uncovered, pass, fail or skip (all covering tests skipped), or covered (not run)."""
    if not req["testable"]:
        return "untestable"
    covering = [t for t in sorted(tests) if req["id"] in tests[t]["covers"]]
    if not covering:
        return "uncovered"
    if results is None:
        return "covered"
    st = []
    for t in covering:
        if t not in results:
            continue
        v = results[t]
        if v["status"] == "fail" and v.get("failed_reqs") is not None and req["id"] not in v["failed_reqs"]:
            st.append("ok")  # the test failed on checks of other requirements
        else:
            st.append(v["status"])
    if "fail" in st:
        return "fail"
    if "ok" in st:
        return "pass"
    return "skip"


def matrix(reqs, tests, results, out):
    """Per-section rows; returns the totals."""
    rows = {}
    for r in reqs:
        rows.setdefault(top_section(r["section"]), []).append(r)
    out("RFC 2060 requirement matrix (spec/requirements.tsv)")
    out("%-7s %5s %5s %6s %7s %8s %5s %5s %5s  %s" % (
        "section", "reqs", "untst", "tests", "covered", "uncovrd", "met", "fail", "skip", "tests passed/failed"))
    tot = dict(reqs=0, untestable=0, covered=0, uncovered=0, pass_=0, fail=0, skip=0)
    all_tests = set()
    for sec in sorted(rows, key=section_key):
        rs = rows[sec]
        st = [req_status(r, tests, results) for r in rs]
        sec_tests = sorted({t for r in rs for t in tests if r["id"] in tests[t]["covers"]})
        all_tests.update(sec_tests)
        c = dict(reqs=len(rs), untestable=st.count("untestable"),
                 covered=sum(s in ("pass", "fail", "skip", "covered") for s in st),
                 uncovered=st.count("uncovered"), pass_=st.count("pass"), fail=st.count("fail"),
                 skip=st.count("skip"))
        for k in tot:
            tot[k] += c[k]
        tp = tf = 0
        if results is not None:
            tp = sum(results[t]["status"] == "ok" for t in sec_tests if t in results)
            tf = sum(results[t]["status"] == "fail" for t in sec_tests if t in results)
        out("%-7s %5d %5d %6d %7d %8d %5s %5s %5s  %s" % (
            "§" + sec, c["reqs"], c["untestable"], len(sec_tests), c["covered"], c["uncovered"],
            c["pass_"] if results is not None else "-", c["fail"] if results is not None else "-",
            c["skip"] if results is not None else "-",
            "%d passed, %d failed" % (tp, tf) if results is not None else "-"))
    out("%-7s %5d %5d %6d %7d %8d %5s %5s %5s" % (
        "total", tot["reqs"], tot["untestable"], len(all_tests), tot["covered"], tot["uncovered"],
        tot["pass_"] if results is not None else "-", tot["fail"] if results is not None else "-",
        tot["skip"] if results is not None else "-"))
    testable = tot["reqs"] - tot["untestable"]
    out("testable requirements: %d, covered by a test: %d (%d%%), not covered: %d" % (
        testable, tot["covered"], 100 * tot["covered"] // max(testable, 1), tot["uncovered"]))
    return tot


def check_covers(reqs, tests, out):
    known = {r["id"] for r in reqs}
    ok = True
    for t in sorted(tests):
        for c in tests[t]["covers"]:
            if not ID_RX.match(c) or c not in known:
                out("warning: %s covers %s, which is not in spec/requirements.tsv" % (t, c))
                ok = False
    return ok


def list_requirements(reqs, tests, results, only_uncovered):
    for r in reqs:
        st = req_status(r, tests, results)
        if only_uncovered and st != "uncovered":
            continue
        covering = [t for t in sorted(tests) if r["id"] in tests[t]["covers"]]
        extra = ("untestable: " + r["why"]) if not r["testable"] else " ".join(covering)
        print("%-12s %-8s %-10s %-10s %s\n%34s%s" % (r["id"], r["section"], r["level"], st,
                                                  r["text"], "", extra))


def summarize(detail, width=400):
    """One line per failed check: what was expected, and the server's last line."""
    lines = detail.splitlines()
    checks = []
    k = 0
    while k < len(lines):
        l = lines[k]
        if l.startswith("  last lines") or l.startswith("  imapd.log"):
            break
        m = re.match(r"\s*[\w.-]+\.test:\d+: (.*)", l)
        if m:
            what = m.group(1)
            got = []
            k += 1
            while k < len(lines) and re.match(r"\s{3,}\S", lines[k]) and not re.match(r"\s*[\w.-]+\.test:\d+:", lines[k]):
                got.append(lines[k].strip())
                k += 1
            what = re.sub(r"^no line of the response matches (/.*/); got:$", r"expected \1", what)
            if got and not got[-1].startswith("with "):
                what += " — got: " + got[-1]
            checks.append(what)
            continue
        k += 1
    text = "; ".join(checks) if checks else (lines[0] if lines else "")
    return text if len(text) <= width else text[:width] + "…"


def compare(files, names):
    """Markdown: per-section and per-test results of several saved runs."""
    runs = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            runs.append(json.load(fh))
    names = names or [r.get("server", os.path.basename(f)) for r, f in zip(runs, files)]
    reqs = load_requirements()
    tests = {}
    for r in runs:
        for t, v in r["tests"].items():
            tests.setdefault(t, {"covers": v.get("covers", [])})
    out = print
    out("| section | reqs | testable | " + " | ".join(names) + " |")
    out("|---|---:|---:|" + "---|" * len(names))
    rows = {}
    for r in reqs:
        rows.setdefault(top_section(r["section"]), []).append(r)
    totals = [[0, 0] for _ in runs]
    for sec in sorted(rows, key=section_key):
        rs = rows[sec]
        cells = []
        for k, run in enumerate(runs):
            res = {t: v for t, v in run["tests"].items()}
            st = [req_status(r, tests, res) for r in rs]
            totals[k][0] += st.count("pass")
            totals[k][1] += st.count("fail")
            cells.append("%d met, %d failed%s" % (st.count("pass"), st.count("fail"),
                                                  ", %d skipped" % st.count("skip") if st.count("skip") else ""))
        out("| §%s | %d | %d | %s |" % (sec, len(rs), sum(r["testable"] for r in rs), " | ".join(cells)))
    out("| **total** | %d | %d | %s |" % (len(reqs), sum(r["testable"] for r in reqs),
                                           " | ".join("**%d met, %d failed**" % tuple(t) for t in totals)))
    out("")
    out("| transcript | " + " | ".join(names) + " |")
    out("|---|" + "---|" * len(names))
    for t in sorted(tests):
        cells = []
        for run in runs:
            v = run["tests"].get(t)
            if v is None:
                cells.append("-")
            elif v["status"] == "ok":
                cells.append("ok")
            elif v["status"] == "skip":
                cells.append("skip")
            else:
                cells.append("**FAIL** " + summarize(v["detail"]).replace("|", "\\|"))
        out("| %s | %s |" % (t, " | ".join(cells)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tests", nargs="*", help="transcripts (default: every *.test here)")
    ap.add_argument("--imapd", default="bin/imapd", help="our server binary")
    ap.add_argument("--host", help="test a running server instead of our imapd")
    ap.add_argument("--port", type=int)
    ap.add_argument("--tls", action="store_true", help="implicit TLS to --host")
    ap.add_argument("--user")
    ap.add_argument("--password")
    ap.add_argument("--timeout", type=float, default=imaptest.DEFAULT_TIMEOUT)
    ap.add_argument("--login", choices=("preauth", "sasl"), default="sasl",
                    help="how our server authenticates the test user (see imaptest.py)")
    ap.add_argument("--scratch-account", action="store_true",
                    help="the test account is a throwaway one: also run the transcripts that "
                         "change INBOX ('@ scratch-account', see imaptest.py)")
    ap.add_argument("--matrix-only", action="store_true", help="print coverage without running")
    ap.add_argument("--list", action="store_true", help="one line per requirement with its status")
    ap.add_argument("--uncovered", action="store_true", help="with --list: only those without a test")
    ap.add_argument("--json", help="save the results here (for --compare)")
    ap.add_argument("--server-name", help="the name --json records (default: imapd or host:port)")
    ap.add_argument("--compare", nargs="+", metavar="JSON", help="print a Markdown comparison")
    ap.add_argument("--names", help="comma-separated column names for --compare")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    if args.compare:
        compare(args.compare, args.names.split(",") if args.names else None)
        return 0

    args.user_given = args.user is not None
    args.password_given = args.password is not None
    make_vars_from_makeflags(args)
    if args.port is None:
        args.port = 993 if args.tls else 143
    if args.user is None:
        args.user = "testuser"
    if args.password is None:
        args.password = "testpass"
    args.imapd = os.path.abspath(args.imapd)

    reqs = load_requirements()
    paths = args.tests or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".test"))
    tests = load_tests(paths)

    results = None
    if not (args.matrix_only or (args.list and not args.json)):
        # No silent zeroes: nothing to run, or a tool every run of our
        # server needs, fails the suite with the reason.
        if not tests:
            print("1..0\nno transcripts found in %s\n0 passed, 1 failed" % HERE)
            return 1
        why = imaptest.cannot_run(args)
        if why:
            print("cannot run: %s (make conformance installs what is missing as root; or give "
                  "--host): none of the %d transcripts can run\n0 passed, %d failed"
                  % (why, len(tests), len(tests)))
            return 1
        results = run_suite(args, tests)
    elif not args.list:
        print("1..0 # SKIP --matrix-only: nothing run")

    if args.list:
        list_requirements(reqs, tests, results, args.uncovered)
        return 0

    out = lambda s: print("# " + s)
    out("")
    check_covers(reqs, tests, out)
    target = "%s:%d%s" % (args.host, args.port, " (TLS)" if args.tls else "") if args.host else args.imapd
    out("server: %s" % target)
    matrix(reqs, tests, results, out)
    if results is not None:
        p = sum(v["status"] == "ok" for v in results.values())
        f = sum(v["status"] == "fail" for v in results.values())
        s = sum(v["status"] == "skip" for v in results.values())
        if args.json:
            with open(args.json, "w", encoding="utf-8") as fh:
                json.dump({"server": args.server_name or ("imapd" if not args.host else target),
                           "tests": {t: dict(results[t], covers=tests[t]["covers"]) for t in results}},
                          fh, indent=1, sort_keys=True)
        if p + f == 0:
            # Every transcript skipped: nothing about this server was tested.
            print("# every transcript was skipped: nothing was tested")
            f = 1
        print("%d passed, %d failed, %d skipped" % (p, f, s))
        return 1 if f else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

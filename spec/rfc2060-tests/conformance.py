#!/usr/bin/env python3
"""conformance.py - the conformance suite and its requirement matrices.

Runs every transcript of spec/rfc2060-tests/ (TAP on stdout, so prove(1) and
CI read it) against our imapd or any IMAP server, then prints, as TAP
comments, one requirement matrix per RFC: RFC 2060 from
spec/requirements.tsv, each extension from spec/requirements/rfcNNNN.tsv.
Per section: the requirements, how many are testable, the tests that cover
them, which are covered, and how many were met and failed on this server.

    conformance.py --imapd build/bin/imapd             our server (default)
    conformance.py --host H --port P --user U --password P [--tls]
                   [--scratch-account]                 any server (--scratch-account: the
                                                       account may be changed, INBOX too)
    conformance.py --matrix-only [--strict]            coverage only, run nothing
                                                       (--strict: exit 1 when a covers
                                                       line names no requirement or a
                                                       testable one has no test)
    conformance.py --rfc 2177 ...                      only that RFC's matrix
    conformance.py --list [--uncovered]                one line per requirement
    conformance.py --json out.json                     also save the results
    conformance.py --compare ours.json dovecot.json cyrus.json
                                                       Markdown table, side by side

A run that tests nothing fails, with the reason and a closing "0 passed,
N failed" line: when our imapd or a tool it needs is missing, when the
server cannot be reached or the test account cannot log in (before any
transcript runs), and when every transcript was skipped.

Under `make conformance HOST=... PORT=... USER=... PASS=... TLS=1` the
values given on make's command line are read from MAKEFLAGS too, so USER
from the environment is never taken for the test user.
"""

import argparse
import glob
import json
import os
import re
import shlex
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import imaptest  # noqa: E402

SPEC = os.path.normpath(os.path.join(HERE, ".."))
TOP = os.path.normpath(os.path.join(SPEC, ".."))
REQ_FILE = os.path.join(SPEC, "requirements.tsv")          # RFC 2060
REQ_DIR = os.path.join(SPEC, "requirements")               # rfcNNNN.tsv, one per extension
CLIENT_TESTS = os.path.join(TOP, "tests", "clients")      # "# covers:" lines of client tests
LEVELS = ("MUST", "MUST-NOT", "SHOULD", "SHOULD-NOT", "MAY", "DEF")
# A requirement ID: R-<section>-<letters> for RFC 2060, R<rfc>-<section>-<letters>
# for the others; group 1 is the RFC number (empty for 2060), group 2 the section,
# which may be an appendix item ("E.4": RFC 9051 Appendix E, change 4).
ID_RX = re.compile(r"R([0-9]*)-((?:[0-9]+|[A-Z])(?:\.[0-9]+)*)-([a-z]+)$")


class RequirementsError(Exception):
    pass


def section_key(sec):
    # Appendices ("E.4") after every numbered section.
    return [int(x) if x.isdigit() else 100000 + ord(x[0]) for x in sec.split(".") if x]


def rfc_of_id(rid):
    """The RFC a requirement ID belongs to (2060 for R-...), or None."""
    m = ID_RX.match(rid)
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else 2060


def load_requirement_file(path, rfc, errors):
    """The requirements of one file; problems are appended to errors."""
    reqs = []
    title = None
    name = os.path.relpath(path, TOP)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            m = re.match(r"#\s*title:\s*(.*\S)", line)
            if m:
                title = m.group(1)
                continue
            if not line or line.startswith("#"):
                continue
            where = "%s:%d" % (name, n)
            cols = line.split("\t")
            if len(cols) != 5:
                errors.append("%s: expected 5 tab-separated columns, got %d" % (where, len(cols)))
                continue
            rid, sec, level, testability, text = cols
            m = ID_RX.match(rid)
            if not m or rfc_of_id(rid) != rfc:
                errors.append("%s: ID %r is not %s" % (
                    where, rid, "R-<section>-<letter>" if rfc == 2060 else
                    "R%d-<section>-<letter>" % rfc))
                continue
            if m.group(2) != sec:
                errors.append("%s: %s is in section %s, its ID says %s" % (where, rid, sec, m.group(2)))
            if level not in LEVELS:
                errors.append("%s: level %r is not one of %s" % (where, level, " ".join(LEVELS)))
            if testability != "testable" and not re.match(r"untestable:\S", testability):
                errors.append("%s: testability %r is neither testable nor untestable:<why>"
                              % (where, testability))
            if not text.strip():
                errors.append("%s: no paraphrase" % where)
            reqs.append({"id": rid, "rfc": rfc, "section": sec, "level": level,
                         "testable": testability == "testable",
                         "why": testability.split(":", 1)[1] if ":" in testability else "",
                         "text": text, "file": name})
    return reqs, title


def requirement_files():
    """[(rfc, path)]: RFC 2060's file, then spec/requirements/rfcNNNN.tsv by number."""
    files = [(2060, REQ_FILE)]
    for p in glob.glob(os.path.join(REQ_DIR, "*.tsv")):
        m = re.match(r"rfc([0-9]+)\.tsv$", os.path.basename(p))
        if not m:
            raise RequirementsError("%s: requirement files are named rfcNNNN.tsv"
                                    % os.path.relpath(p, TOP))
        files.append((int(m.group(1)), p))
    return sorted(files)


def load_requirements():
    """(every requirement of every RFC, {rfc: title}); a malformed file or
    a duplicate ID raises RequirementsError listing every problem."""
    reqs, titles, errors = [], {}, []
    for rfc, path in requirement_files():
        rs, title = load_requirement_file(path, rfc, errors)
        reqs.extend(rs)
        titles[rfc] = title or "RFC %d" % rfc
    seen = {}
    for r in reqs:
        if r["id"] in seen:
            errors.append("%s: %s is also in %s" % (r["file"], r["id"], seen[r["id"]]))
        seen[r["id"]] = r["file"]
    if errors:
        raise RequirementsError("\n".join(errors))
    return reqs, titles


def load_tests(paths):
    tests = {}
    for p in paths:
        _, covers = imaptest.parse_transcript(p)
        # Only requirement IDs count ("# covers: none of RFC 2060 ..." names none).
        covers = [c for c in covers if re.match(r"R[0-9]*-", c)]
        tests[os.path.basename(p)] = {"path": p, "covers": covers}
    return tests


def load_client_covers():
    """{client test file: [IDs]} from "# covers:" lines of tests/clients/*.py:
    requirements that need what a transcript cannot do (TLS on our own
    server, a real client); they run in `make check`, not here."""
    out = {}
    for p in sorted(glob.glob(os.path.join(CLIENT_TESTS, "*.py"))):
        with open(p, encoding="utf-8", errors="replace") as f:
            ids = []
            for line in f:
                m = re.match(r"\s*#\s*covers:\s*(.*)", line)
                if m:
                    ids.extend(c for c in m.group(1).split() if re.match(r"R[0-9]*-", c))
        if ids:
            out["tests/clients/" + os.path.basename(p)] = ids
    return out


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


def reachable(args):
    """None when the server answers and the test account logs in; else why not.
    Against our own imapd there is nothing to check (each transcript starts it)."""
    if args.host is None:
        return None
    runner = imaptest.Runner(args)
    server = imaptest.RemoteServer(args.host, args.port, args.tls, args.timeout)
    try:
        conn = server.connect()
    except (OSError, imaptest.IMAPError) as e:
        return "cannot connect to %s:%d%s: %s" % (args.host, args.port, " (TLS)" if args.tls else "", e)
    try:
        greeting = conn.read_line()
        if greeting is None or not greeting.startswith(("* OK", "* PREAUTH")):
            return "%s:%d sent no IMAP greeting: %r" % (args.host, args.port, greeting)
        try:
            runner.login(conn, "login check")
        except imaptest.TranscriptError as e:
            return "the test account %r cannot log in: %s" % (args.user, e)
        conn.send(b"Z LOGOUT\r\n")
        return None
    except (imaptest.TranscriptError, imaptest.IMAPError, OSError) as e:
        return "%s:%d: %s" % (args.host, args.port, e)
    finally:
        server.stop()


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


def req_status(req, tests, results, clients=None):
    """untestable, uncovered, pass, fail or skip (all covering tests skipped),
    covered (not run), or client (covered only by a client test, which
    `make check` runs against our server)."""
    if not req["testable"]:
        return "untestable"
    covering = [t for t in sorted(tests) if req["id"] in tests[t]["covers"]]
    if not covering:
        if clients and any(req["id"] in ids for ids in clients.values()):
            return "client"
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


COVERED = ("pass", "fail", "skip", "covered", "client")


def matrix(reqs, title, tests, clients, results, out):
    """One RFC's per-section rows; returns its totals."""
    rows = {}
    for r in reqs:
        rows.setdefault(top_section(r["section"]), []).append(r)
    rfc = reqs[0]["rfc"]
    out("RFC %d %s requirement matrix (%s)" % (rfc, title, reqs[0]["file"]))
    ran = results is not None
    out("%-7s %5s %5s %6s %7s %8s %6s %5s %5s %5s  %s" % (
        "section", "reqs", "untst", "tests", "covered", "uncovrd", "client", "met", "fail", "skip",
        "tests passed/failed"))
    tot = dict(reqs=0, untestable=0, covered=0, uncovered=0, client=0, pass_=0, fail=0, skip=0)
    all_tests = set()
    for sec in sorted(rows, key=section_key):
        rs = rows[sec]
        st = [req_status(r, tests, results, clients) for r in rs]
        sec_tests = sorted({t for r in rs for t in tests if r["id"] in tests[t]["covers"]})
        all_tests.update(sec_tests)
        c = dict(reqs=len(rs), untestable=st.count("untestable"),
                 covered=sum(s in COVERED for s in st), uncovered=st.count("uncovered"),
                 client=st.count("client"), pass_=st.count("pass"), fail=st.count("fail"),
                 skip=st.count("skip"))
        for k in tot:
            tot[k] += c[k]
        tp = tf = 0
        if ran:
            tp = sum(results[t]["status"] == "ok" for t in sec_tests if t in results)
            tf = sum(results[t]["status"] == "fail" for t in sec_tests if t in results)
        out("%-7s %5d %5d %6d %7d %8d %6d %5s %5s %5s  %s" % (
            "§" + sec, c["reqs"], c["untestable"], len(sec_tests), c["covered"], c["uncovered"],
            c["client"], c["pass_"] if ran else "-", c["fail"] if ran else "-",
            c["skip"] if ran else "-", "%d passed, %d failed" % (tp, tf) if ran else "-"))
    out("%-7s %5d %5d %6d %7d %8d %6d %5s %5s %5s" % (
        "total", tot["reqs"], tot["untestable"], len(all_tests), tot["covered"], tot["uncovered"],
        tot["client"], tot["pass_"] if ran else "-", tot["fail"] if ran else "-",
        tot["skip"] if ran else "-"))
    testable = tot["reqs"] - tot["untestable"]
    out("testable requirements: %d, covered by a test: %d (%d%%), not covered: %d" % (
        testable, tot["covered"], 100 * tot["covered"] // max(testable, 1), tot["uncovered"]))
    tot["testable"] = testable
    return tot


def by_rfc(reqs):
    out = {}
    for r in reqs:
        out.setdefault(r["rfc"], []).append(r)
    return out


def summary(totals, titles, ran, out):
    """One line per RFC, then all of them."""
    out("Summary per RFC")
    out("%-6s %-20s %5s %8s %7s %8s %6s %5s %5s %5s" % (
        "RFC", "", "reqs", "testable", "covered", "uncovrd", "client", "met", "fail", "skip"))
    grand = {}
    for rfc in sorted(totals):
        t = totals[rfc]
        for k, v in t.items():
            grand[k] = grand.get(k, 0) + v
        out("%-6s %-20s %5d %8d %7d %8d %6d %5s %5s %5s" % (
            rfc, titles[rfc][:20], t["reqs"], t["testable"], t["covered"], t["uncovered"], t["client"],
            t["pass_"] if ran else "-", t["fail"] if ran else "-", t["skip"] if ran else "-"))
    out("%-6s %-20s %5d %8d %7d %8d %6d %5s %5s %5s" % (
        "all", "", grand["reqs"], grand["testable"], grand["covered"], grand["uncovered"],
        grand["client"], grand["pass_"] if ran else "-", grand["fail"] if ran else "-",
        grand["skip"] if ran else "-"))


def check_covers(reqs, tests, clients, out):
    """Warn of covers lines naming no requirement; False if any does."""
    known = {r["id"] for r in reqs}
    ok = True
    named = [(t, tests[t]["covers"]) for t in sorted(tests)] + sorted(clients.items())
    for t, covers in named:
        for c in covers:
            if c not in known:
                rfc = rfc_of_id(c)
                where = ("spec/requirements.tsv" if rfc == 2060 else
                         "spec/requirements/rfc%d.tsv" % rfc if rfc else "any requirements file")
                out("warning: %s covers %s, which is not in %s" % (t, c, where))
                ok = False
    return ok


def list_requirements(reqs, tests, clients, results, only_uncovered):
    for r in reqs:
        st = req_status(r, tests, results, clients)
        if only_uncovered and st != "uncovered":
            continue
        covering = [t for t in sorted(tests) if r["id"] in tests[t]["covers"]]
        covering += [c for c in sorted(clients) if r["id"] in clients[c]]
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
    reqs, titles = load_requirements()
    tests = {}
    for r in runs:
        for t, v in r["tests"].items():
            tests.setdefault(t, {"covers": v.get("covers", [])})
    out = print
    out("| section | reqs | testable | " + " | ".join(names) + " |")
    out("|---|---:|---:|" + "---|" * len(names))
    totals = [[0, 0] for _ in runs]
    for rfc, rreqs in sorted(by_rfc(reqs).items()):
        rows = {}
        for r in rreqs:
            rows.setdefault(top_section(r["section"]), []).append(r)
        label = "" if rfc == 2060 else "RFC %d " % rfc
        for sec in sorted(rows, key=section_key):
            rs = rows[sec]
            cells = []
            for k, run in enumerate(runs):
                res = {t: v for t, v in run["tests"].items()}
                st = [req_status(r, tests, res) for r in rs]
                totals[k][0] += st.count("pass")
                totals[k][1] += st.count("fail")
                cells.append("%d met, %d failed%s" % (st.count("pass"), st.count("fail"),
                                                      ", %d skipped" % st.count("skip")
                                                      if st.count("skip") else ""))
            out("| %s§%s | %d | %d | %s |" % (label, sec, len(rs), sum(r["testable"] for r in rs),
                                              " | ".join(cells)))
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
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 when a covers line names no requirement or a testable "
                         "requirement has no test")
    ap.add_argument("--rfc", type=int, action="append",
                    help="only this RFC's matrix (and list); may be repeated")
    ap.add_argument("--list", action="store_true", help="one line per requirement with its status")
    ap.add_argument("--uncovered", action="store_true", help="with --list: only those without a test")
    ap.add_argument("--json", help="save the results here (for --compare)")
    ap.add_argument("--server-name", help="the name --json records (default: imapd or host:port)")
    ap.add_argument("--compare", nargs="+", metavar="JSON", help="print a Markdown comparison")
    ap.add_argument("--names", help="comma-separated column names for --compare")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    try:
        reqs, titles = load_requirements()
    except RequirementsError as e:
        print("the requirement files are malformed:\n%s\n0 passed, 1 failed" % e)
        return 1

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

    paths = args.tests or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".test"))
    tests = load_tests(paths)
    clients = load_client_covers()
    shown = [r for r in reqs if not args.rfc or r["rfc"] in args.rfc]
    if not shown:
        print("no requirements for RFC %s\n0 passed, 1 failed" % ", ".join(map(str, args.rfc)))
        return 1

    results = None
    if not (args.matrix_only or (args.list and not args.json)):
        # No silent zeroes: nothing to run, a tool every run of our server
        # needs, or a server that cannot be reached or logged in to fails
        # the suite with the reason, before any transcript runs.
        if not tests:
            print("1..0\nno transcripts found in %s\n0 passed, 1 failed" % HERE)
            return 1
        why = imaptest.cannot_run(args)
        if why:
            print("cannot run: %s (make conformance installs what is missing as root; or give "
                  "--host): none of the %d transcripts can run\n0 passed, %d failed"
                  % (why, len(tests), len(tests)))
            return 1
        why = reachable(args)
        if why is not None:
            print("cannot run: %s: none of the %d transcripts can run\n0 passed, %d failed"
                  % (why, len(tests), len(tests)))
            return 1
        results = run_suite(args, tests)
    elif not args.list:
        print("1..0 # SKIP --matrix-only: nothing run")

    if args.list:
        list_requirements(shown, tests, clients, results, args.uncovered)
        return 0

    out = lambda s: print("# " + s)
    out("")
    covers_ok = check_covers(reqs, tests, clients, out)
    target = "%s:%d%s" % (args.host, args.port, " (TLS)" if args.tls else "") if args.host else args.imapd
    if results is not None:
        out("server: %s" % target)
    totals = {}
    for rfc, rreqs in sorted(by_rfc(shown).items()):
        totals[rfc] = matrix(rreqs, titles[rfc], tests, clients, results, out)
        out("")
    if len(totals) > 1:
        summary(totals, titles, results is not None, out)
    uncovered = [r["id"] for r in shown if req_status(r, tests, None, clients) == "uncovered"]
    if uncovered:
        out("testable requirements no test covers: %s" % " ".join(uncovered))
    strict_ok = covers_ok and not uncovered
    if results is None:
        return 1 if args.strict and not strict_ok else 0
    p = sum(v["status"] == "ok" for v in results.values())
    f = sum(v["status"] == "fail" for v in results.values())
    s = sum(v["status"] == "skip" for v in results.values())
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"server": args.server_name or ("imapd" if not args.host else target),
                       "tests": {t: dict(results[t], covers=tests[t]["covers"]) for t in results}},
                      fh, indent=1, sort_keys=True)
    if p + f == 0:
        # Every transcript skipped: nothing about this server was tested,
        # which must not look like success.
        print("# every transcript was skipped: nothing was tested")
        f = 1
    print("%d passed, %d failed, %d skipped" % (p, f, s))
    return 1 if f or (args.strict and not strict_ok) else 0


if __name__ == "__main__":
    sys.exit(main())

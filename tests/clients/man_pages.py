#!/usr/bin/env python3
"""man_pages.py - man/*.8 and man/imapd.conf.5 render cleanly and are complete.

groff with all warnings (-ww) must print nothing, and so must man -l; every
key in src/util/config.c's table is documented in imapd.conf.5 with its
default, and every option of the synopses is described.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from imapdtest import TOP, Tap  # noqa: E402

tap = Tap("man")
PAGES = ["man/imapd.8", "man/imapd-master.8", "man/imapd-auth-http.8", "man/imapd.conf.5"]


def groff_clean(page):
    p = subprocess.run(["groff", "-man", "-ww", "-z", "-Tutf8", os.path.join(TOP, page)],
                       capture_output=True, text=True)
    assert p.returncode == 0 and p.stderr == "" and p.stdout == "", p.stderr
    return True


def man_clean(page):
    env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0")
    p = subprocess.run(["man", "-l", os.path.join(TOP, page)], capture_output=True, text=True,
                       env=env)
    assert p.returncode == 0 and p.stderr == "", p.stderr
    assert len(p.stdout.splitlines()) > 30, p.stdout
    return True


def config_keys():
    with open(os.path.join(TOP, "src/util/config.c")) as f:
        text = f.read()
    return re.findall(r'^\t\{ "([a-z_]+)", OPT_\w+, O\(\w+\), "([^"]*)"', text, re.M)


def keys_documented():
    with open(os.path.join(TOP, "man/imapd.conf.5")) as f:
        page = f.read()
    keys = config_keys()
    assert len(keys) > 10, keys
    missing = []
    for key, default in keys:
        m = re.search(r"^\.B %s\nDefault: (?:\\fI(.*)\\fR|empty)\.$" % re.escape(key), page, re.M)
        if not m or (m.group(1) or "") != default:
            missing.append("%s (default %r)" % (key, default))
    assert not missing, "undocumented or wrong default: " + ", ".join(missing)
    assert ".BI sasl_ option" in page
    return True


def options_documented(page, opts):
    with open(os.path.join(TOP, page)) as f:
        text = f.read()
    options = text.split(".SH OPTIONS", 1)[1].split(".SH ", 1)[0]
    missing = [o for o in opts if not re.search(r"^\.BI? \\%s\b" % o, options, re.M)]
    assert not missing, missing
    return True


def main():
    gone = tap.missing("groff", "man")
    for page in PAGES:
        if gone:
            tap.ok(False, "%s renders without warnings" % page, "not installed: " + ", ".join(gone))
            continue
        tap.check("%s: groff -ww prints no warning" % page, lambda: groff_clean(page))
        tap.check("%s: man -l renders it" % page, lambda: man_clean(page))
    tap.check("imapd.conf.5 documents every key with its default", keys_documented)
    tap.check("imapd.8 describes -C -U -T -D -s -p",
              lambda: options_documented("man/imapd.8", ["-C", "-U", "-T", "-D", "-s", "-p"]))
    tap.check("imapd-master.8 describes -C -M -p -d",
              lambda: options_documented("man/imapd-master.8", ["-C", "-M", "-p", "-d"]))
    tap.check("imapd-auth-http.8 describes -C -m -l -p -t -f -c",
              lambda: options_documented("man/imapd-auth-http.8",
                                         ["-C", "-m", "-l", "-p", "-t", "-f", "-c"]))
    tap.done()


if __name__ == "__main__":
    tap.main(main)

#!/usr/bin/env python3
"""check-layers.py - the layers of src/ point one way, and no files depend
on each other in a circle.

    util < net < store, mime, auth < proto < cmd < server < imapd.c, master.c

A file may use its own folder and the folders below it; store/, mime/ and
auth/ are side by side and use none of each other (README.md, "Layers").
gen/ (the parser Bison and re2c write from grammar/) belongs to proto/.

Two graphs are checked, each for both rules (layer order, no cycles),
with a file and its header as one node (src/store/sync.c and sync.h are
"store/sync"):

  includes  every #include "dir/file.h" in src/ and gen/;
  symbols   which object file uses a function or variable another one
            defines (nm on the objects of BUILD, default build/default,
            when they are there): a header that declares the functions
            of several files hides who calls whom; the linker does not.

Prints each problem and exits 1 if there is any.
"""
import os
import re
import subprocess
import sys

LAYERS = {
    "util": 0,
    "net": 1,
    "store": 2, "mime": 2, "auth": 2,
    "proto": 3, "gen": 3,
    "cmd": 4,
    "server": 5,
    "main": 6,  # src/imapd.c, src/master.c
}

# Cycles known and accepted, each with its reason.  Keep this short.
ACCEPTED_CYCLES = set()

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def node_of(path):
    """'src/store/sync.c' -> 'store/sync'; 'src/imapd.c' -> 'main/imapd'."""
    rel = os.path.relpath(path, TOP)
    parts = rel.split(os.sep)
    stem = os.path.splitext(parts[-1])[0]
    if parts[0] == "gen":
        return "gen/" + stem
    if len(parts) == 2:
        return "main/" + stem
    return parts[1] + "/" + stem


def layer(node):
    return LAYERS.get(node.split("/")[0])


def may_use(a, b):
    """Whether node a may depend on node b."""
    fa, fb = a.split("/")[0], b.split("/")[0]
    la, lb = layer(a), layer(b)
    if la is None or lb is None:
        return False
    if fa == fb:
        return True
    if {fa, fb} == {"gen", "proto"}:
        return True
    return lb < la


def include_graph():
    graph = {}
    files = []
    for base in ("src", "gen"):
        for root, _, names in os.walk(os.path.join(TOP, base)):
            files += [os.path.join(root, n) for n in names if n.endswith((".c", ".h"))]
    for path in sorted(files):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        a = node_of(path)
        graph.setdefault(a, set())
        for inc in INCLUDE.findall(text):
            # "dir/file.h" is src/dir/file.h (-Isrc); a name without a
            # folder is a generated header next to its .c (-Igen).
            b = os.path.splitext(inc)[0] if "/" in inc else "gen/" + os.path.splitext(inc)[0]
            if not os.path.exists(os.path.join(TOP, "src" if "/" in inc else "gen", inc)):
                print("includes: %s includes %s, which is not in src/ or gen/" % (a, inc))
                graph.setdefault("?missing", set())
                continue
            if b != a:
                graph[a].add(b)
    return graph


def symbol_graph(build):
    objs = []
    for base in ("src", "gen"):
        for root, _, names in os.walk(os.path.join(build, base)):
            for n in names:
                obj = os.path.join(root, n)
                # Objects of files since moved or removed are left out.
                src = os.path.join(TOP, os.path.relpath(obj, build))[:-2] + ".c"
                if n.endswith(".o") and os.path.exists(src):
                    objs.append(obj)
    if not objs:
        return None
    defined, used = {}, {}
    for obj in sorted(objs):
        rel = os.path.relpath(obj, build)
        node = node_of(os.path.join(TOP, rel))
        out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
        used.setdefault(node, set())
        for line in out.splitlines():
            f = line.split()
            if len(f) == 3 and f[1] in "TDBRC":
                defined[f[2]] = node
            elif len(f) == 2 and f[0] == "U":
                used[node].add(f[1])
    graph = {}
    for node, syms in used.items():
        graph[node] = {defined[s] for s in syms if s in defined and defined[s] != node}
    return graph


def cycles(graph):
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        work = [(v, iter(sorted(graph.get(v, ()))))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        while work:
            node, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    advanced = True
                    break
                if w in on:
                    low[node] = min(low[node], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def check(name, graph, how):
    problems = 0
    for a in sorted(graph):
        for b in sorted(graph[a]):
            if not may_use(a, b):
                print("%s: %s %s %s, against the layer order" % (name, a, how, b))
                problems += 1
    for comp in cycles(graph):
        if (name, tuple(comp)) in ACCEPTED_CYCLES:
            continue
        print("%s: cycle among %s" % (name, ", ".join(comp)))
        problems += 1
    return problems


def main():
    build = os.environ.get("BUILD", "build/default")
    if not os.path.isabs(build):
        build = os.path.join(TOP, build)
    problems = check("includes", include_graph(), "includes")
    syms = symbol_graph(build)
    if syms is None:
        print("# symbols: no objects under %s, not checked" % build)
    else:
        problems += check("symbols", syms, "uses")
    if problems:
        print("%d layering problem(s); the order is in tools/check-layers.py and README.md"
              % problems)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

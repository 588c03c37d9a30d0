#!/usr/bin/env python3
# `SPINDLE -X dis FILE` against python3 on sample programs, at the level the
# two can share: the code objects. Spindle's instruction shapes are not
# CPython 3.11's (see docs/internals/bytecode.md), so instructions are not
# compared; but both must produce the same tree of code objects, and the
# listing must name each one as CPython's dis does:
#   Disassembly of <code object NAME, file "FILE", line N>:
# (Spindle's headers carry no address.) The expected (name, first line)
# multiset comes from python3's compile() of the same bytes, walking
# co_consts. Every valid program under fuzz/corpus/ is a sample.
# The last line is `N passed, M failed`.
#
# Usage: dis_structure.py SPINDLE [FILES...]
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import frontend_common as fc

HEADER = re.compile(r'^Disassembly of <code object (\S+?)(?: at 0x[0-9a-f]+)?, file "[^"]*", line (\d+)>:$', re.M)


def python_code_objects(data, path):
    out = []
    def walk(co):
        for c in co.co_consts:
            if hasattr(c, "co_code"):
                out.append((c.co_name, c.co_firstlineno))
                walk(c)
    walk(compile(data, path, "exec", dont_inherit=True))
    return sorted(out)


def main():
    fc.require_cpython_311()
    if len(sys.argv) < 2:
        sys.exit("usage: dis_structure.py SPINDLE [FILES...]")
    spindle = os.path.abspath(sys.argv[1])
    files = sys.argv[2:]
    if not files:
        corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fuzz", "corpus")
        files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.startswith("valid_"))
    passed = failed = 0
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        want = python_code_objects(data, path)
        rc, out, err = fc.run([spindle, "-X", "dis", path])
        got = sorted((n, int(l)) for n, l in HEADER.findall(out.decode("utf-8", "replace")))
        if rc == 0 and got == want:
            passed += 1
        else:
            failed += 1
            print("FAIL %s: %s; code objects expected %s, listed %s" % (
                os.path.basename(path), fc.describe_returncode(rc), want, got))
            if rc != 0:
                print("    " + err.decode("utf-8", "replace").strip().replace("\n", "\n    "))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

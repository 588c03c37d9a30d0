#!/usr/bin/env python3
# Regenerates tests/frontend/syntax_errors/*.expected from CPython 3.11.
#
# For every FILE.py in the corpus it runs `python3 FILE.py` (cwd = the corpus
# folder, relative file name) and writes FILE.py.expected: a first line
# `exit N`, then python3's whole stderr, byte for byte, except that the
# absolute corpus directory (CPython 3.11 prints the script's absolute path)
# is replaced by <CORPUS>/ so the files do not depend on where the checkout
# lives. The .expected files are committed and never edited by hand.
#
# It also checks that every corpus file really is rejected at compile time:
# exit code 1, a SyntaxError (or subclass) report, no traceback (a traceback
# would mean python3 ran the file). A file that fails the check is an error.
#
# Usage: regen_expected.py [--check] [CORPUS_DIR]
#   --check  writes nothing; exits 1 if any .expected file is stale or missing.
import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import frontend_common as fc


def expected_for(corpus, name):
    rc, _out, err = fc.run([sys.executable, name], cwd=corpus, timeout=60)
    prefix = os.path.abspath(corpus).encode() + b"/"
    err = err.replace(prefix, fc.CORPUS_PLACEHOLDER)
    cls, _line = fc.error_class_and_line(err)
    problem = None
    if rc != 1 or cls not in fc.ERROR_CLASSES or b"Traceback" in err:
        problem = "%s, last stderr line %r" % (fc.describe_returncode(rc),
                                                err.strip().splitlines()[-1:] )
    return b"exit %d\n" % (rc if rc is not None else -1) + err, problem


def main():
    fc.require_cpython_311()
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("corpus", nargs="?",
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "syntax_errors"))
    args = ap.parse_args()
    names = sorted(f for f in os.listdir(args.corpus) if f.endswith(".py"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda n: (n, *expected_for(args.corpus, n)), names))
    bad = stale = written = 0
    for name, data, problem in results:
        if problem:
            print("NOT A COMPILE-TIME SYNTAX ERROR: %s: %s" % (name, problem))
            bad += 1
            continue
        path = os.path.join(args.corpus, name + ".expected")
        old = open(path, "rb").read() if os.path.exists(path) else None
        if old != data:
            if args.check:
                print("stale: %s" % path)
                stale += 1
            else:
                with open(path, "wb") as f:
                    f.write(data)
                written += 1
    orphans = [f for f in os.listdir(args.corpus)
               if f.endswith(".expected") and f[:-len(".expected")] not in names]
    for o in orphans:
        print("orphan .expected without its .py: %s" % o)
    print("%d corpus files, %d rewritten, %d stale, %d not syntax errors, %d orphans"
          % (len(names), written, stale, bad, len(orphans)))
    return 1 if (bad or stale or orphans) else 0


if __name__ == "__main__":
    sys.exit(main())

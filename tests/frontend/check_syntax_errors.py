#!/usr/bin/env python3
# Runs `SPINDLE FILE` on every file of the SyntaxError corpus and compares
# with the .expected file python3 produced (see regen_expected.py).
#
# Two criteria, both reported:
#   exact       exit code and whole stderr identical to CPython's;
#   class+line  same exception class (SyntaxError / IndentationError /
#               TabError) and same line number, and exit code 1.
# The test passes only if class+line holds for every file. Files that are not
# exact are listed as information. The last line is `N passed, M failed` on
# the class+line criterion.
#
# Usage: check_syntax_errors.py SPINDLE [--corpus DIR] [--filter SUBSTR] [--jobs N] [-v]
import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import frontend_common as fc


def check(spindle, corpus, name):
    with open(os.path.join(corpus, name + ".expected"), "rb") as f:
        expected = f.read()
    head, _, exp_err = expected.partition(b"\n")
    exp_rc = int(head.split()[1])
    rc, _out, err = fc.run([spindle, name], cwd=corpus, timeout=20)
    err = err.replace(os.path.abspath(corpus).encode() + b"/", fc.CORPUS_PLACEHOLDER)
    exact = rc == exp_rc and err == exp_err
    exp_cls, exp_line = fc.error_class_and_line(exp_err)
    got_cls, got_line = fc.error_class_and_line(err)
    class_line = rc == exp_rc and exp_cls == got_cls and exp_line == got_line
    why = ""
    if not class_line:
        why = "expected %s line %s (exit %d), got %s line %s (%s)" % (
            exp_cls, exp_line, exp_rc, got_cls, got_line, fc.describe_returncode(rc))
    return name, exact, class_line, why, exp_err, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spindle")
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "syntax_errors"))
    ap.add_argument("--filter", default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="show expected and actual stderr of files that are not exact")
    args = ap.parse_args()
    spindle = os.path.abspath(args.spindle)
    names = sorted(f for f in os.listdir(args.corpus)
                   if f.endswith(".py") and (args.filter is None or args.filter in f))
    missing = [n for n in names if not os.path.exists(os.path.join(args.corpus, n + ".expected"))]
    if missing:
        print("no .expected for: %s (run regen_expected.py)" % " ".join(missing))
        print("0 passed, %d failed" % len(names))
        return 1
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda n: check(spindle, args.corpus, n), names))

    not_exact = [r for r in results if not r[1]]
    failed = [r for r in results if not r[2]]
    if not_exact:
        print("Not exact (information): %d files" % len(not_exact))
        for name, _e, cl, _w, exp_err, err in not_exact:
            print("  %s%s" % (name, "" if cl else "   [class+line FAILS]"))
            if args.verbose:
                print("    expected:\n" + "".join("      " + l + "\n" for l in exp_err.decode("utf-8", "replace").splitlines()))
                print("    spindle:\n" + "".join("      " + l + "\n" for l in err.decode("utf-8", "replace").splitlines()))
    if failed:
        print("class+line failures:")
        for name, _e, _cl, why, _x, _y in failed:
            print("  FAIL %s: %s" % (name, why))
    total = len(results)
    print("exact: %d/%d (%.1f%%)" % (total - len(not_exact), total,
                                     100.0 * (total - len(not_exact)) / max(total, 1)))
    print("class+line: %d/%d" % (total - len(failed), total))
    print("%d passed, %d failed" % (total - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

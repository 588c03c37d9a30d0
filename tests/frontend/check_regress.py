#!/usr/bin/env python3
# Regression inputs (mostly crashes the fuzzer found, see fuzz/run.sh): every
# file in tests/frontend/regress/ is fed to `SPINDLE -X compile-only FILE`.
# Spindle must exit 0 or 1 (never die by a signal or hang), and agree with
# python3's compile() of the same bytes, computed here: exit 0 where CPython
# compiles the file, exit 1 with the same exception class where CPython raises
# a SyntaxError (or subclass). When CPython raises something else (a
# RecursionError or MemoryError on pathological nesting), 0 or 1 is accepted.
# The last line is `N passed, M failed`.
#
# Usage: check_regress.py SPINDLE [--dir DIR]
import argparse
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import frontend_common as fc


def python_verdict(data, name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, name, "exec", dont_inherit=True)
            return "ok", None
        except SyntaxError as e:
            return "rejected", type(e).__name__
        except Exception as e:
            return "other", type(e).__name__


def main():
    fc.require_cpython_311()
    ap = argparse.ArgumentParser()
    ap.add_argument("spindle")
    ap.add_argument("--dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "regress"))
    args = ap.parse_args()
    spindle = os.path.abspath(args.spindle)
    names = sorted(f for f in os.listdir(args.dir)
                   if not f.startswith(".") and os.path.isfile(os.path.join(args.dir, f)))
    passed = failed = 0
    for name in names:
        path = os.path.join(args.dir, name)
        with open(path, "rb") as f:
            data = f.read()
        kind, cls = python_verdict(data, path)
        rc, _out, err = fc.run([spindle, "-X", "compile-only", path], timeout=20)
        got_cls, _line = fc.error_class_and_line(err)
        if rc is None or rc < 0 or rc not in (0, 1):
            ok, why = False, fc.describe_returncode(rc)
        elif kind == "ok":
            ok, why = rc == 0, "CPython compiles it; Spindle: %s %s" % (fc.describe_returncode(rc), got_cls)
        elif kind == "rejected":
            ok = rc == 1 and got_cls == cls
            why = "CPython raises %s; Spindle: %s %s" % (cls, fc.describe_returncode(rc), got_cls)
        else:
            ok, why = True, ""
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL %s: %s" % (name, why))
    print("%d regression inputs" % len(names))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# Compile parity on the whole standard library: `SPINDLE -X compile-only FILE`
# (parse, symtable, compile; run nothing; exit 0 on success, CPython's
# SyntaxError report and exit 1 on failure) against python3's
#     compile(open(FILE, 'rb').read(), FILE, 'exec')
# computed here, in-process. Every file CPython compiles must compile; every
# file CPython rejects must be rejected with the same class and line.
#
# Categories in the summary:
#   compiled            both compiled (pass)
#   both-rejected-same  both rejected, same class and line (pass)
#   spindle-rejected    CPython compiled, Spindle did not (fail)
#   rejected-mismatch   CPython rejected; Spindle accepted, or rejected with
#                       another class or line (fail)
#   crashed             Spindle died by a signal or timed out (fail)
# The last line is `N passed, M failed`.
#
# Usage: compile_parity.py SPINDLE [--limit N] [--filter SUBSTR] [--jobs N] [--show N]
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import frontend_common as fc

SPINDLE = None


def init(spindle):
    global SPINDLE
    SPINDLE = spindle
    warnings.simplefilter("ignore")


def python_side(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        compile(data, path, "exec", dont_inherit=True)
        return "ok", None
    except SyntaxError as e:
        return "rejected", fc.python_error_tuple(e)
    except Exception as e:  # RecursionError, MemoryError, ValueError: not a SyntaxError
        return "other", "%s: %s" % (type(e).__name__, e)


def check(path):
    kind, py = python_side(path)
    rc, _out, err = fc.run([SPINDLE, "-X", "compile-only", path], timeout=60)
    if rc is None or rc < 0:
        return path, "crashed", fc.describe_returncode(rc)
    if kind == "other":
        return path, "skipped", "python3 raised %s" % py
    got_cls, got_line = fc.error_class_and_line(err)
    if kind == "ok":
        if rc == 0:
            return path, "compiled", None
        return path, "spindle-rejected", "%s line %s: %s (%s)" % (
            got_cls, got_line, err.decode("utf-8", "replace").strip().splitlines()[-1:],
            fc.describe_returncode(rc))
    cls, line, msg = py
    info = "CPython %s line %s: %s" % (cls, line, msg)
    if rc != 0 and got_cls == cls and got_line == line:
        return path, "both-rejected-same", info
    return path, "rejected-mismatch", "%s; Spindle: %s line %s (%s)" % (
        info, got_cls, got_line, fc.describe_returncode(rc))


PASSING = ("compiled", "both-rejected-same", "skipped")
ORDER = ("compiled", "both-rejected-same", "spindle-rejected", "rejected-mismatch",
         "crashed", "skipped")


def main():
    return fc.stdlib_parity_main(check, init, ORDER, PASSING, show_default=10)


if __name__ == "__main__":
    sys.exit(main())

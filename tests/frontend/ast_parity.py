#!/usr/bin/env python3
# AST parity on the whole standard library: `SPINDLE -X ast-dump FILE` must
# print exactly what python3 prints for
#     print(ast.dump(ast.parse(open(FILE, 'rb').read())))
# computed here, in-process, on the same bytes. Files python3 rejects are
# listed separately with CPython's class, line and message; for those Spindle
# must fail too, with the same class and line.
#
# File set: every .py under sysconfig's stdlib directory, test/ included,
# site-packages excluded. Categories in the summary:
#   identical             dumps equal (pass)
#   different             both parsed, dumps differ (fail)
#   both-rejected-same    both rejected, same class and line (pass)
#   rejected-mismatch     CPython rejected; Spindle accepted, or rejected with
#                         another class or line (fail)
#   spindle-rejected      CPython parsed, Spindle did not (fail)
#   crashed               Spindle died by a signal or timed out (fail)
# The last line is `N passed, M failed`.
#
# Usage: ast_parity.py SPINDLE [--limit N] [--filter SUBSTR] [--jobs N] [--show N]
import ast
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
        return "ok", ast.dump(ast.parse(data)) + "\n"
    except SyntaxError as e:
        return "rejected", fc.python_error_tuple(e)
    except Exception as e:  # RecursionError, MemoryError, ValueError: not a SyntaxError
        return "other", "%s: %s" % (type(e).__name__, e)


def check(path):
    kind, py = python_side(path)
    rc, out, err = fc.run([SPINDLE, "-X", "ast-dump", path], timeout=60)
    if rc is None or rc < 0:
        return path, "crashed", fc.describe_returncode(rc)
    if kind == "other":
        return path, "skipped", "python3 raised %s" % py
    if kind == "ok":
        if rc != 0:
            cls, line = fc.error_class_and_line(err)
            return path, "spindle-rejected", "%s line %s: %s" % (
                cls, line, err.decode("utf-8", "replace").strip().splitlines()[-1:])
        got = out.decode("utf-8", "surrogateescape")
        if got == py:
            return path, "identical", None
        return path, "different", fc.shortest_diff(py, got)
    cls, line, msg = py
    got_cls, got_line = fc.error_class_and_line(err)
    info = "CPython %s line %s: %s" % (cls, line, msg)
    if rc != 0 and got_cls == cls and got_line == line:
        return path, "both-rejected-same", info
    return path, "rejected-mismatch", "%s; Spindle: %s line %s (%s)" % (
        info, got_cls, got_line, fc.describe_returncode(rc))


PASSING = ("identical", "both-rejected-same", "skipped")
ORDER = ("identical", "different", "both-rejected-same", "rejected-mismatch",
         "spindle-rejected", "crashed", "skipped")


def main():
    return fc.stdlib_parity_main(check, init, ORDER, PASSING, show_default=5)


if __name__ == "__main__":
    sys.exit(main())

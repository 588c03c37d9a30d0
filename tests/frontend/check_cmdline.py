#!/usr/bin/env python3
# `spindle -c CMD` and `spindle < FILE` against `python3 -c CMD` / `python3 < FILE`:
# stderr and exit code must be identical for commands that fail to compile
# (CPython compiles -c as a str: no coding cookie, character columns, no
# source line for errors found after parsing; argv bytes that are not UTF-8
# fail before compiling; stdin is read as a file but is never re-read).
# Usage: check_cmdline.py SPINDLE. Ends with "N passed, M failed".
import os
import subprocess
import sys
import tempfile

COMMANDS = [
    b'# coding: latin-1\nx = "\xc3\xa9" +',
    b'# coding: latin-1\nx = "\xc3\xa9"; return 1',
    b'# coding: bogus\nx = (',
    b'x = "\xc3\xa9"; y = 1 +',
    b'x = "\xc3\xa9"; return 1',
    b"'\xc3\xa9' + \xc3\xa92 + $",
    b'a, *b, *c = d',
    b'\xef\xbb\xbfx = (1 +',
    b'f"{\xc3\xa9!z}"',
    b"x = 'abc",
    b'nonlocal x',
    b'def f():\n  x = 1\n  global x',
    b'x = 1\r\ny = (',
    b'\xc3\xa9 = (1 +* 2)',
    b'try:\n  pass\nexcept* E:\n  with a:\n    break',
    b'x = "\xff" +',
    b'a\xe9\x80b',
    b'\xed\xa0\x80',
    b'\xf0\x9f\x98 \xc3\xa9\xff\xfe',
]

STDIN = [
    b'\xef\xbb\xbfx = (1 +\n',
    b'\xef\xbb\xbf\xc3\xa9 = 1 +* 2\n',
    b'# coding: latin-1\nx = "\xe9" +\n',
    b'x = "\xff" +\n',
    b'def f():\n try:\n  pass\n except* E:\n  return 1\n',
    b'x = "\xc3\xa9"; return 1\n',
]


def main():
    spindle = os.path.abspath(sys.argv[1])
    passed = failed = 0
    cases = [(['-c', c], None, c) for c in COMMANDS] + [([], s, s) for s in STDIN] \
        + [(['-'], s, s) for s in STDIN]
    with tempfile.TemporaryDirectory() as tmp:
        for args, stdin, label in cases:
            # An empty working directory: no file named "<string>" to re-read.
            argv = [a if isinstance(a, bytes) else a.encode() for a in args]
            mine = subprocess.run([os.fsencode(spindle), b'-X', b'compile-only'] + argv,
                                  input=stdin, capture_output=True, timeout=60, cwd=tmp)
            ref = subprocess.run([b'python3'] + argv,
                                 input=stdin, capture_output=True, timeout=60, cwd=tmp)
            if (mine.returncode, mine.stderr) == (ref.returncode, ref.stderr) and ref.returncode != 0:
                passed += 1
            else:
                failed += 1
                print(f'FAIL {args[:1]} {label!r}')
                print(f'  spindle ({mine.returncode}): {mine.stderr!r}')
                print(f'  python3 ({ref.returncode}): {ref.stderr!r}')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

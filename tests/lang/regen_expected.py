#!/usr/bin/env python3
"""Regenerates tests/lang/**/<name>.expected by running every program with
CPython 3.11 (python3). Usage: regen_expected.py [--check] [FILTER]
--check compares instead of writing (exit 1 on any difference)."""
import os
import sys

from lang_common import HERE, format_expected, programs, run


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    bad = 0
    for rel in programs(args[0] if args else None):
        code, err, out = run(sys.executable, rel)
        text = format_expected(code, err, out)
        path = os.path.join(HERE, rel[:-3] + ".expected")
        if check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old != text:
                print("differs:", rel)
                bad += 1
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

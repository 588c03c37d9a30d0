#!/usr/bin/env python3
"""AST parity: every .py file of the installed CPython 3.11 standard library
(site-packages excluded, test/ included) must dump the same AST under Spindle
as under CPython's ast.dump(ast.parse(bytes)).

usage: ast_parity.py [--show N] CMD...   e.g. ast_parity.py build/spindle -X ast-dump
CMD is run once per file with the file path appended; its stdout must be the
dump followed by a newline. Files CPython rejects are counted separately.
"""
import ast, os, subprocess, sys, sysconfig

def main():
    args = sys.argv[1:]
    show = 10
    if args[:1] == ['--show']:
        show, args = int(args[1]), args[2:]
    root = sysconfig.get_paths()['stdlib']
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root)
                   if 'site-packages' not in d for f in fs if f.endswith('.py'))
    ok = bad = rejected = 0
    for path in files:
        try:
            expected = ast.dump(ast.parse(open(path, 'rb').read()))
        except (SyntaxError, ValueError):
            rejected += 1
            continue
        got = subprocess.run(args + [path], capture_output=True, text=True, errors='replace').stdout.rstrip('\n')
        if got == expected:
            ok += 1
        else:
            bad += 1
            if bad <= show:
                k = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
                print(f'MISMATCH {path}\n  got: {got[max(0, k - 120):k + 120]}\n  exp: {expected[max(0, k - 120):k + 120]}')
    print(f'ok {ok} mismatched {bad} rejected-by-cpython {rejected} total {len(files)}')
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main())

"""Calls of builtin functions and builtin methods in a hot loop.

Exercises CALL on C-level callables: len, abs, min, max, isinstance, ord, chr,
and methods of builtin types (list.append, dict.get, str.startswith), i.e. the
builtin-function and method-descriptor call paths with one to three arguments.
"""

SCALES = {"tiny": 4000, "quick": 100000, "full": 400000}

MASK = 0xFFFFFFFF

WORDS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta")


def run(n):
    table = {}
    for j, w in enumerate(WORDS):
        table[w] = j * 11
    out = []
    acc = 0
    nw = len(WORDS)
    for i in range(n):
        w = WORDS[i % nw]
        a = len(w) + abs(50 - (i & 127))
        b = min(a, 90, i & 255) + max(i & 63, a)
        c = ord(w[0]) + ord(chr(65 + (i % 26)))
        if isinstance(w, str) and w.startswith("e"):
            c += 3
        d = table.get(w, 0) + table.get("none", 1)
        out.append(a + b)
        if len(out) > 64:
            acc = (acc + sum(out)) & MASK
            out = []
        acc = (acc + b * 3 + c + d) & MASK
    return acc + len(out)

"""Calls of small Python functions with positional arguments (one to three).

Exercises the CALL fast path for plain Python functions with exact positional
arity: frame set-up and tear-down, argument binding, RETURN_VALUE, and small
int arithmetic in the callees.
"""

SCALES = {"tiny": 8800, "quick": 220000, "full": 880000}

MASK = 0xFFFFFFFF


def inc(a):
    return a + 1


def add(a, b):
    return a + b


def mix(a, b, c):
    return (a ^ b) + c


def pick(a, b):
    if a < b:
        return b
    return a


def run(n):
    acc = 0
    x = 1
    for i in range(n):
        x = inc(x)
        y = add(x, i)
        z = mix(y, i, 7)
        w = pick(z & 255, i & 511)
        acc = (acc + add(w, inc(z))) & MASK
    return acc

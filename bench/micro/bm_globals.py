"""Loads of module globals and builtins inside a function.

Exercises LOAD_GLOBAL in both specialized forms: names found in the module
dict (constants and functions) and names found in builtins (len, None, abs),
with the module dict left unchanged so the cached versions stay valid.
"""

SCALES = {"tiny": 9000, "quick": 225000, "full": 900000}

MASK = 0xFFFFFFFF

OFFSET = 17
FACTOR = 3
LIMIT = 1000
NAMES = ("a", "bb", "ccc", "dddd")
SENTINEL = None


def helper(x):
    return x + OFFSET


def run(n):
    acc = 0
    for i in range(n):
        a = helper(i) * FACTOR
        if a > LIMIT:
            a = a % LIMIT
        b = len(NAMES[i & 3]) + abs(OFFSET - FACTOR)
        if SENTINEL is None:
            b += OFFSET
        acc = (acc * 31 + a + b) & MASK
    return acc

"""Tuple packing and unpacking: swaps, multiple assignment, unpacking in for-loops, starred targets.

Exercises BUILD_TUPLE and UNPACK_SEQUENCE (the two-item and tuple/list
specializations), the swap pattern a, b = b, a, unpacking of pairs in for
loops, and UNPACK_EX for *rest targets.
"""

SCALES = {"tiny": 4000, "quick": 100000, "full": 400000}

MASK = 0xFFFFFFFF


def divmod3(x):
    return x // 3, x % 3, x & 1


def run(n):
    pairs = [(i, i * 2 + 1) for i in range(16)]
    a, b = 1, 2
    acc = 0
    for i in range(n):
        a, b = b, a
        a, b, c = b + 1, a & 1023, i
        q, r, odd = divmod3(c)
        first, *rest = (q, r, odd, a)
        *init, last = [b, c, r]
        x, y = pairs[i & 15]
        lst = [x, y]
        u, v = lst
        acc = (acc + first + len(rest) + last + len(init) + u - v + a) & MASK
    s = 0
    for x, y in pairs:
        s += x * y
    return (acc + s + b) & MASK

"""For-loops over range, list, tuple, dict items, enumerate and zip, and list comprehensions.

Exercises FOR_ITER in its specialized forms (range, list, tuple iterators) and
the generic iterator protocol for dict views, enumerate and zip, plus the
inner loops of list comprehensions.
"""

SCALES = {"tiny": 60, "quick": 1500, "full": 6000}

MASK = 0xFFFFFFFF


def run(n):
    lst = [(i * 7) & 255 for i in range(200)]
    tup = tuple(lst[::-1])
    d = {}
    for i in range(100):
        d["k%d" % i] = i * 3
    acc = 0
    for r in range(n):
        s = 0
        for i in range(200):
            s += i
        for v in lst:
            s += v
        for v in tup:
            s ^= v
        for k, v in d.items():
            s += v
        for i, v in enumerate(lst):
            s += i & v
        for a, b in zip(lst, tup):
            s += a - b
        sq = [v * 2 for v in lst if v & 1]
        s += len(sq) + sq[r % len(sq)]
        acc = (acc * 7 + s + r) & MASK
    return acc

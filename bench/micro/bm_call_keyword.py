"""Calls of small Python functions with keyword arguments and default values.

Exercises argument binding beyond the exact-positional fast path: keyword names
matched against parameters, omitted parameters filled from defaults, and
keyword-only parameters.
"""

SCALES = {"tiny": 4600, "quick": 115000, "full": 460000}

MASK = 0xFFFFFFFF


def scale(x, factor=3, offset=1):
    return x * factor + offset


def clamp(value, low=0, high=1000):
    if value < low:
        return low
    if value > high:
        return high
    return value


def combine(a, b, *, shift=2, mask=0xFFFF):
    return ((a << shift) ^ b) & mask


def run(n):
    acc = 0
    for i in range(n):
        a = scale(i)
        b = scale(i, offset=5)
        c = scale(x=i, factor=2)
        d = clamp(a - b + (i & 1023), high=700)
        e = clamp(value=c, low=10)
        f = combine(d, e, mask=0xFFFFF)
        g = combine(a, b=f, shift=3)
        acc = (acc + f + g) & MASK
    return acc

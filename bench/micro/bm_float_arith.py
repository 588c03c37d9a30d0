"""Float arithmetic: + - * /, mixed float/int operands, comparisons and math.sqrt.

Exercises BINARY_OP on float-float and float-int operands, float COMPARE_OP,
and a builtin math call, with fixed evaluation order so every engine produces
the same bits.
"""

import math

SCALES = {"tiny": 11000, "quick": 275000, "full": 1100000}


def run(n):
    x = 0.5
    y = 1.25
    total = 0.0
    count = 0
    for i in range(n):
        x = x * 1.0001 + 0.25
        if x > 100.0:
            x = x / 7.0
        y = (y + x) * 0.5 - (i & 7)
        d = math.sqrt(x * x + y * y)
        if d < 50.0:
            count += 1
        total += d / (i + 1) + y * 0.001
    return "%.9f %.9f %d" % (total, x, count)

"""Small-int arithmetic: + - * // % << >> & ^ | and comparisons in a loop.

Exercises BINARY_OP and COMPARE_OP on small ints (the int-int specializations),
with values kept small by masking so no big-int paths are taken.
"""

SCALES = {"tiny": 7500, "quick": 187500, "full": 750000}


def run(n):
    a = 12345
    b = 6789
    acc = 0
    for i in range(n):
        a = (a * 17 + i) & 0xFFFF
        b = (b ^ (a << 3)) & 0xFFFFF
        q = b // (a + 1)
        r = b % 97
        s = a - r + (b >> 5)
        if s > q:
            acc += s - q
        elif s == q:
            acc += 1
        else:
            acc -= 3
        acc = (acc | (r & 1)) & 0xFFFFFFF
    return acc * 65536 + a

# Logarithms: bases, ints of any size (exact beyond the float range), bools,
# int subclasses, and int-like objects.
import math

def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for x in [1, 2, 10, 1000, 2**52 + 1, 10**22, 2**1023, 2**1024, 10**400, 3**5000, 7**12345, True]:
    attempt(f'log(bits {x.bit_length()})', lambda: math.log(x))
    attempt(f'log2(bits {x.bit_length()})', lambda: math.log2(x))
    attempt(f'log10(bits {x.bit_length()})', lambda: math.log10(x))
    attempt(f'log(x, 3)', lambda: math.log(x, 3))
    attempt(f'log1p(x)', lambda: math.log1p(x) if x < 10**300 else 'skip')

for x, b in [(8, 2), (100, 10), (1000, 10), (2.5, 0.5), (10**500, 10), (10**500, 10**250), (1, 10), (0.5, 2.0),
             (math.e, math.e), (math.inf, 2), (math.nan, 2), (9, 3.0), (2, 8)]:
    attempt(f'log({x!r:.20}, {b!r:.20})', lambda: math.log(x, b))
for x in [0, -1, -10**400, False, 0.0, -0.0, -math.inf]:
    attempt(f'log({x!r})', lambda: math.log(x))
    attempt(f'log2({x!r})', lambda: math.log2(x))
    attempt(f'log10({x!r})', lambda: math.log10(x))
attempt('log(10, 1)', lambda: math.log(10, 1))
attempt('log(1, 1)', lambda: math.log(1, 1))
attempt('log(2, -2)', lambda: math.log(2, -2))

class BigInt(int):
    pass
class Flt:
    def __float__(self):
        return 8.0
attempt('log(BigInt(10**400))', lambda: math.log(BigInt(10**400)))
attempt('log2(BigInt(8))', lambda: math.log2(BigInt(8)))
attempt('log(Flt(), 2)', lambda: math.log(Flt(), 2))
attempt('log10(Flt())', lambda: math.log10(Flt()))
for e in range(-5, 64):
    print(e, math.log2(2.0 ** e), math.log10(10.0 ** e) if e < 23 else '', math.log(2 ** e if e >= 0 else 0.5 ** -e))

# Integer functions on small and big ints: factorial, comb, perm, isqrt,
# gcd, lcm, with their errors.
import math

def attempt(label, f):
    try:
        r = f()
        print(label, type(r).__name__, r)
    except Exception as e:
        print(label, type(e).__name__, e)

for n in [0, 1, 2, 5, 10, 20, 21, 25, 50, 100]:
    attempt(f'factorial({n})', lambda: math.factorial(n))
print(len(str(math.factorial(1000))), math.factorial(1000) % (10**9 + 7))
attempt('factorial(-1)', lambda: math.factorial(-1))
attempt('factorial(-10**30)', lambda: math.factorial(-10**30))
attempt('factorial(10**30)', lambda: math.factorial(10**30))
attempt('factorial(5.0)', lambda: math.factorial(5.0))
attempt('factorial("5")', lambda: math.factorial("5"))
attempt('factorial(True)', lambda: math.factorial(True))

for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (0, 0), (60, 30), (100, 50), (1000, 3), (67, 33), (2**70, 2), (2**70, 2**70 - 1)]:
    attempt(f'comb({n}, {k})', lambda: math.comb(n, k))
    attempt(f'perm({n}, {k})', lambda: math.perm(n, k) if k < 10**6 else 'skip')
attempt('perm(5)', lambda: math.perm(5))
attempt('perm(5, None)', lambda: math.perm(5, None))
attempt('comb(-1, 2)', lambda: math.comb(-1, 2))
attempt('comb(5, -2)', lambda: math.comb(5, -2))
attempt('perm(-1, 2)', lambda: math.perm(-1, 2))
attempt('perm(5, -2)', lambda: math.perm(5, -2))
attempt('comb(5.0, 2)', lambda: math.comb(5.0, 2))
attempt('comb(5, "2")', lambda: math.comb(5, "2"))
attempt('comb(10**30, 10**20)', lambda: math.comb(10**30, 10**20))
attempt('perm(10**30, 10**20)', lambda: math.perm(10**30, 10**20))
attempt('comb(5)', lambda: math.comb(5))
attempt('perm()', lambda: math.perm())
attempt('perm(1, 2, 3)', lambda: math.perm(1, 2, 3))

for n in [0, 1, 2, 3, 4, 15, 16, 17, 2**52 - 1, 2**64, 2**64 - 1, 10**40, 10**41, 3**200]:
    attempt(f'isqrt({n})', lambda: math.isqrt(n))
attempt('isqrt(-1)', lambda: math.isqrt(-1))
attempt('isqrt(4.0)', lambda: math.isqrt(4.0))
attempt('isqrt(True)', lambda: math.isqrt(True))

attempt('gcd()', lambda: math.gcd())
attempt('gcd(-12)', lambda: math.gcd(-12))
attempt('gcd(12, 18)', lambda: math.gcd(12, 18))
attempt('gcd(-12, 18, 27)', lambda: math.gcd(-12, 18, 27))
attempt('gcd(0, 0)', lambda: math.gcd(0, 0))
attempt('gcd(2**100, 6**50)', lambda: math.gcd(2**100, 6**50))
attempt('gcd(1, 2.0)', lambda: math.gcd(1, 2.0))
attempt('gcd(True, 4)', lambda: math.gcd(True, 4))
attempt('lcm()', lambda: math.lcm())
attempt('lcm(-4)', lambda: math.lcm(-4))
attempt('lcm(4, 6)', lambda: math.lcm(4, 6))
attempt('lcm(4, 6, -10)', lambda: math.lcm(4, 6, -10))
attempt('lcm(0, 5)', lambda: math.lcm(0, 5))
attempt('lcm(0, 5.5)', lambda: math.lcm(0, 5.5))
attempt('lcm(2**64, 3**40)', lambda: math.lcm(2**64, 3**40))
attempt('gcd(x=1)', lambda: math.gcd(x=1))

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
attempt('gcd(Idx(12), Idx(8))', lambda: math.gcd(Idx(12), Idx(8)))
attempt('factorial(Idx(6))', lambda: math.factorial(Idx(6)))
attempt('comb(Idx(6), Idx(3))', lambda: math.comb(Idx(6), Idx(3)))
attempt('isqrt(Idx(99))', lambda: math.isqrt(Idx(99)))

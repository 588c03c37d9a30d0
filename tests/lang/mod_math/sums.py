# Accurate sums and norms: fsum (exact, correctly rounded), hypot of many
# arguments, dist, prod with start=.
import math

inf, nan = math.inf, math.nan
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('fsum([])', lambda: math.fsum([]))
attempt('fsum(0.1 x 10)', lambda: math.fsum([0.1] * 10))
attempt('fsum(1e100, 1, -1e100)', lambda: math.fsum([1e100, 1.0, -1e100]))
attempt('fsum half-even', lambda: math.fsum([1e-16, 1.0, 1e16]))
attempt('fsum ints', lambda: math.fsum(range(10)))
attempt('fsum big int', lambda: math.fsum([10**20, 1, -10**20]))
attempt('fsum generator', lambda: math.fsum(x / 7 for x in range(100)))
attempt('fsum alt', lambda: math.fsum([(-1) ** i / (i + 1) for i in range(1000)]))
attempt('fsum inf', lambda: math.fsum([1.0, inf]))
attempt('fsum -inf', lambda: math.fsum([-inf, 1.0, -inf]))
attempt('fsum nan', lambda: math.fsum([1.0, nan]))
attempt('fsum inf-inf', lambda: math.fsum([inf, -inf]))
attempt('fsum overflow', lambda: math.fsum([1e308, 1e308]))
attempt('fsum max', lambda: math.fsum([1.7976931348623157e308, -1e292, 1e292]))
attempt('fsum subnormal', lambda: math.fsum([5e-324, 5e-324, -5e-324]))
attempt('fsum -0.0', lambda: math.fsum([-0.0, -0.0]))
attempt('fsum many', lambda: math.fsum([1.0 / (i * i) for i in range(1, 2000)]))

attempt('hypot()', lambda: math.hypot())
attempt('hypot(-3)', lambda: math.hypot(-3))
attempt('hypot(3, 4)', lambda: math.hypot(3, 4))
attempt('hypot(1, 2, 3, 4, 5)', lambda: math.hypot(1, 2, 3, 4, 5))
attempt('hypot(inf, nan)', lambda: math.hypot(inf, nan))
attempt('hypot(nan, 1)', lambda: math.hypot(nan, 1))
attempt('hypot(1e308, 1e308)', lambda: math.hypot(1e308, 1e308))
attempt('hypot(5e-324, 5e-324)', lambda: math.hypot(5e-324, 5e-324))
attempt('hypot(1e-310, 2e-310)', lambda: math.hypot(1e-310, 2e-310))
attempt('hypot(0.0, -0.0)', lambda: math.hypot(0.0, -0.0))
attempt('hypot(20 values)', lambda: math.hypot(*[i / 3 for i in range(20)]))
attempt('hypot(True, 2**60)', lambda: math.hypot(True, 2**60))
for i in range(1, 30):
    print(i, math.hypot(i * 0.1, i * 0.7, 1 / i), math.dist((i, 0.5), (0.25, i / 3)))

attempt('dist tuples', lambda: math.dist((1, 2, 3), (4, 6, 3)))
attempt('dist lists', lambda: math.dist([1.5], [-2.5]))
attempt('dist iter', lambda: math.dist(iter([0, 0]), range(3, 5)))
attempt('dist empty', lambda: math.dist((), ()))
attempt('dist inf', lambda: math.dist((inf, 0), (1, 1)))

attempt('prod([])', lambda: math.prod([]))
attempt('prod(range(1, 11))', lambda: math.prod(range(1, 11)))
attempt('prod big', lambda: math.prod(range(1, 40)))
attempt('prod floats', lambda: math.prod([0.1, 3, 7.5]))
attempt('prod start', lambda: math.prod([2, 3], start=0.5))
attempt('prod start=str', lambda: math.prod([3], start='ab'))
attempt('prod empty start', lambda: math.prod([], start='x'))
attempt('prod mixed', lambda: math.prod([2, 2.5, True, 10**20]))
attempt('prod fractions-like', lambda: math.prod([1j, 1j]))
attempt('prod bad', lambda: math.prod([1, 'a', 'b']))
attempt('prod kw iterable', lambda: math.prod(iterable=[1]))

# floor/ceil/trunc (and their dunders), frexp/modf/ldexp, nextafter/ulp,
# isclose, copysign, degrees/radians.
import math

def attempt(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for x in [2.5, -2.5, 0.0, -0.0, 1e300, -1e-300, 3, -7, 10**30, True, 2.0**63, -2.0**63 - 2048]:
    attempt(f'floor({x!r})', lambda: math.floor(x))
    attempt(f'ceil({x!r})', lambda: math.ceil(x))
    attempt(f'trunc({x!r})', lambda: math.trunc(x))
for x in [math.inf, -math.inf, math.nan]:
    attempt(f'floor({x!r})', lambda: math.floor(x))
    attempt(f'ceil({x!r})', lambda: math.ceil(x))
    attempt(f'trunc({x!r})', lambda: math.trunc(x))

class R:
    def __floor__(self):
        return 'floored'
    def __ceil__(self):
        return 'ceiled'
    def __trunc__(self):
        return 'truncated'
class OnlyFloat:
    def __float__(self):
        return 4.5
class Sub(float):
    def __floor__(self):
        return 'sub floor'
attempt('floor(R())', lambda: math.floor(R()))
attempt('ceil(R())', lambda: math.ceil(R()))
attempt('trunc(R())', lambda: math.trunc(R()))
attempt('floor(OnlyFloat())', lambda: math.floor(OnlyFloat()))
attempt('ceil(OnlyFloat())', lambda: math.ceil(OnlyFloat()))
attempt('trunc(OnlyFloat())', lambda: math.trunc(OnlyFloat()))
attempt('floor(Sub(2.5))', lambda: math.floor(Sub(2.5)))
attempt('ceil(Sub(2.5))', lambda: math.ceil(Sub(2.5)))
attempt('floor("x")', lambda: math.floor("x"))
attempt('trunc([])', lambda: math.trunc([]))
attempt('ceil(None)', lambda: math.ceil(None))

for x in [1.0, 0.1, -3.75, 1e-310, 2**1000, 123456789.125]:
    attempt(f'frexp({x!r})', lambda: math.frexp(x))
    attempt(f'modf({x!r})', lambda: math.modf(x))
attempt('ldexp(0.5, 3)', lambda: math.ldexp(0.5, 3))
attempt('ldexp(1, -1074)', lambda: math.ldexp(1, -1074))
attempt('ldexp(1, -1075)', lambda: math.ldexp(1, -1075))
attempt('ldexp(-1.5, 1023)', lambda: math.ldexp(-1.5, 1023))

for a, b, kw in [(1.0, 1.0 + 1e-10, {}), (1.0, 1.0 + 1e-8, {}), (0.0, 1e-10, {}), (0.0, 1e-10, {'abs_tol': 1e-9}),
                 (math.inf, math.inf, {}), (math.inf, -math.inf, {}), (math.nan, math.nan, {}),
                 (100, 101, {'rel_tol': 0.01}), (100, 102, {'rel_tol': 0.01}), (1, 1.0, {}),
                 (-1e-9, 1e-9, {'abs_tol': 2e-9}), (1e308, 1.0000001e308, {'rel_tol': 1e-6})]:
    attempt(f'isclose({a!r}, {b!r}, {kw})', lambda: math.isclose(a, b, **kw))
attempt('isclose kw a b', lambda: math.isclose(b=1, a=1))

for x in [0, 1, 90, 180, -45.5, 1e308]:
    attempt(f'radians({x})', lambda: math.radians(x))
    attempt(f'degrees({x})', lambda: math.degrees(x))
attempt('copysign(3, -0.0)', lambda: math.copysign(3, -0.0))
attempt('copysign(-3, 0.0)', lambda: math.copysign(-3, 0.0))
attempt('copysign(nan, -1)', lambda: math.copysign(math.nan, -1))

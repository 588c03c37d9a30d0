# Two-argument float functions: atan2, copysign, fmod, pow, remainder,
# nextafter, ldexp, on ordinary and special values.
import math

inf = math.inf
nan = math.nan
VALUES = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -2.5, 3.0, 1e308, 5e-324, inf, -inf, nan, 7, -7]

def show(name, *a):
    f = getattr(math, name)
    try:
        r = f(*a)
        print(name, a, repr(r))
    except Exception as e:
        print(name, a, type(e).__name__, e)

for x in VALUES:
    for y in VALUES:
        for n in ['atan2', 'copysign', 'fmod', 'pow', 'remainder', 'nextafter']:
            show(n, x, y)

for x in [1.0, -1.5, 0.0, -0.0, inf, nan, 5e-324, 1.7976931348623157e308]:
    for i in [0, 1, -1, 1023, 1024, -1074, -1075, 2000, -2000, 10**30, -10**30, True]:
        show('ldexp', x, i)

# remainder picks the even multiple on ties
for x in [0.5, 1.5, 2.5, 3.5, -2.5, 5.0, 7.0]:
    show('remainder', x, 1.0)
    show('remainder', x, 2.0)

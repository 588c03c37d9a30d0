# Special values: infinities, nans, signed zeros, subnormals, and the
# constants.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(type(math.pi).__name__, math.isnan(math.nan), math.isinf(math.inf))

inf, nan = math.inf, math.nan
VALUES = [0.0, -0.0, inf, -inf, nan, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]
NAMES = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh',
         'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'gamma', 'lgamma', 'log',
         'log10', 'log2', 'log1p', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'ulp',
         'isfinite', 'isinf', 'isnan', 'frexp', 'modf', 'degrees', 'radians']
for x in VALUES:
    for n in NAMES:
        try:
            print(n, repr(x), repr(getattr(math, n)(x)))
        except Exception as e:
            print(n, repr(x), type(e).__name__, e)

# signs of zero survive
print(math.copysign(1.0, math.sqrt(-0.0)), math.copysign(1.0, math.sin(-0.0)))
print(math.copysign(1.0, math.modf(-0.0)[0]), math.modf(-inf), math.modf(inf))
print(math.frexp(0.0), math.frexp(-0.0), math.frexp(inf), math.frexp(8.0), math.frexp(-5e-324))
print(math.ulp(1.0), math.ulp(-1.0), math.ulp(1.7976931348623157e308), math.ulp(0.0))
print(math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, inf), math.nextafter(1.0, 1.0))
print(math.nextafter(inf, 0.0), math.nextafter(1.7976931348623157e308, inf))

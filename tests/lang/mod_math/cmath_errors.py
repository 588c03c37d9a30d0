# cmath errors and helpers: domain/range errors, log with a base, isclose,
# isfinite/isinf/isnan, argument counts.
import cmath

inf, nan = float('inf'), float('nan')
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('log(0)', lambda: cmath.log(0))
attempt('log(0j)', lambda: cmath.log(-0.0 + 0j))
attempt('log10(0)', lambda: cmath.log10(0))
attempt('log(8, 2)', lambda: cmath.log(8, 2))
attempt('log(1j, 1j)', lambda: cmath.log(1j, 1j))
attempt('log(-1, 10)', lambda: cmath.log(-1, 10))
attempt('log(1, 1)', lambda: cmath.log(1, 1))
attempt('log(0, 2)', lambda: cmath.log(0, 2))
attempt('log(2, 0)', lambda: cmath.log(2, 0))
attempt('log(10, nan)', lambda: cmath.log(10, complex(nan, 0)))
attempt('log(1e308j, 1e-308)', lambda: cmath.log(1e308j, 1e-308))
attempt('log()', lambda: cmath.log())
attempt('log(1, 2, 3)', lambda: cmath.log(1, 2, 3))
attempt('log(1, "a")', lambda: cmath.log(1, 'a'))
attempt('log(x=1)', lambda: cmath.log(x=1))
attempt('atanh(1)', lambda: cmath.atanh(1))
attempt('atanh(-1)', lambda: cmath.atanh(-1))
attempt('atanh(1+1e-200j)', lambda: cmath.atanh(1 + 1e-200j))
attempt('exp(1000)', lambda: cmath.exp(1000))
attempt('exp(710+1j)', lambda: cmath.exp(710 + 1j))
attempt('exp(709.5)', lambda: cmath.exp(709.5))
attempt('cosh(1000)', lambda: cmath.cosh(1000))
attempt('sinh(-711+2j)', lambda: cmath.sinh(-711 + 2j))
attempt('cos(1000j)', lambda: cmath.cos(1000j))
attempt('tanh(1000+1j)', lambda: cmath.tanh(1000 + 1j))
attempt('tan(1000j)', lambda: cmath.tan(1000j))
attempt('exp(inf j)', lambda: cmath.exp(complex(1, inf)))
attempt('sin(inf)', lambda: cmath.sin(inf))
attempt('sqrt()', lambda: cmath.sqrt())
attempt('sqrt(1, 2)', lambda: cmath.sqrt(1, 2))
attempt('phase()', lambda: cmath.phase())
attempt('polar(1e308+1e308j)', lambda: cmath.polar(complex(1e308, 1e308)))
attempt('polar(inf, nan)', lambda: cmath.polar(complex(inf, nan)))
attempt('polar(nan)', lambda: cmath.polar(nan))
attempt('phase(-1)', lambda: cmath.phase(-1))
attempt('phase(-1-0j)', lambda: cmath.phase(complex(-1, -0.0)))
attempt('rect(1)', lambda: cmath.rect(1))
attempt('rect(1, inf)', lambda: cmath.rect(1, inf))
attempt('rect(0, inf)', lambda: cmath.rect(0, inf))
attempt('rect(2, pi/2)', lambda: cmath.rect(2, cmath.pi / 2))
attempt('rect(-1, -0.0)', lambda: cmath.rect(-1, -0.0))
attempt('rect(1j, 1)', lambda: cmath.rect(1j, 1))

for a, b, kw in [(1 + 1j, 1 + 1j, {}), (1 + 1j, 1 + 1.000000001j, {}), (1j, 1.00001j, {'rel_tol': 1e-4}),
                 (0j, 1e-12j, {}), (0j, 1e-12j, {'abs_tol': 1e-11}), (complex(inf, 0), complex(inf, 0), {}),
                 (complex(inf, 1), complex(inf, 2), {}), (complex(nan, 0), complex(nan, 0), {}), (1, 1.0, {})]:
    attempt(f'isclose({a}, {b}, {kw})', lambda: cmath.isclose(a, b, **kw))
attempt('isclose(1, 1, rel_tol=-1)', lambda: cmath.isclose(1, 1, rel_tol=-1))
attempt('isclose(1)', lambda: cmath.isclose(1))
attempt('isclose(a=1, b=2, abs_tol=5)', lambda: cmath.isclose(a=1, b=2, abs_tol=5))
for z in [1 + 1j, complex(inf, 0), complex(0, -inf), complex(nan, 1), complex(1, nan), complex(inf, nan), 5, 2.5]:
    print(z, cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))

# cmath on ordinary values: bit-exact results for a deterministic sample,
# conversions of the argument (int, float, __complex__, __float__), and the
# constants.
import cmath

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(type(cmath.infj).__name__, cmath.infj.real, cmath.nanj.real)

state = 77
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 11
def rf():
    k = rnd() % 4
    m = rnd() / (1 << 53)
    if k == 0:
        return m * 10 - 5
    if k == 1:
        return (m - 0.5) * 10 ** ((rnd() % 60) - 30)
    if k == 2:
        return (m - 0.5) * 1e300
    return (m - 0.5) * 2

NAMES = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp',
         'log', 'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar']
for i in range(25):
    z = complex(rf(), rf())
    print('z =', z)
    for n in NAMES:
        try:
            print(' ', n, getattr(cmath, n)(z))
        except Exception as e:
            print(' ', n, type(e).__name__, e)
    print('  rect', cmath.rect(abs(z), z.imag))

class C:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 2.25
class I:
    def __index__(self):
        return 9
class Bad:
    def __complex__(self):
        return 'no'
for arg in [4, -4, 2.0, True, 10**20, C(), F(), I(), 1j, -1j]:
    try:
        print(repr(cmath.sqrt(arg)), cmath.exp(arg), cmath.phase(arg), cmath.polar(arg))
    except OverflowError as e:
        print(repr(cmath.sqrt(arg)), 'OverflowError', e)
for arg in ['x', None, Bad(), [1]]:
    try:
        cmath.sqrt(arg)
    except TypeError as e:
        print('TypeError', e)
# sqrt of subnormal and huge values stays accurate
for z in [complex(5e-324, 5e-324), complex(1e-310, -2e-310), complex(1.7e308, 1.7e308), complex(-1.7e308, 1e-300)]:
    print(cmath.sqrt(z), cmath.log(z), cmath.acos(z), cmath.atanh(z))

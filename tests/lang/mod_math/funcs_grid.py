# One-argument float functions on a deterministic grid: results must be
# bit-exact with CPython (libm, or CPython's own algorithm for gamma/lgamma).
import math

state = 2024
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 11

def rfloat():
    k = rnd() % 5
    m = rnd() / (1 << 53)
    if k == 0:
        return m * 10 - 5
    if k == 1:
        return (m - 0.5) * 10 ** ((rnd() % 40) - 20)
    if k == 2:
        return float(rnd() % 50 - 25) + (0.5 if rnd() % 2 else 0.0)
    if k == 3:
        return m * 400 - 200
    return (m - 0.5) * 2

def show(f, *a):
    try:
        print(f.__name__, repr(f(*a)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

NAMES = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh',
         'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'gamma', 'lgamma', 'log',
         'log10', 'log2', 'log1p', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'degrees',
         'radians', 'ulp']
for i in range(40):
    x = rfloat()
    print('x =', repr(x))
    for n in NAMES:
        show(getattr(math, n), x)

# ints and int-like arguments convert through float()
class F:
    def __float__(self):
        return 0.25
class I:
    def __index__(self):
        return 3
for arg in [3, True, 10**20, F(), I()]:
    show(math.sqrt, arg)
    show(math.exp, arg)

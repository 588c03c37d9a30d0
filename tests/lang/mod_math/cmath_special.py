# cmath special values: every function on every pair of classes
# (-inf, negative, -0, +0, positive, +inf, nan) for the real and imaginary
# parts, as C99 Annex G tables; errors where CPython raises.
import cmath

inf, nan = float('inf'), float('nan')
CLASSES = [-inf, -2.5, -0.0, 0.0, 0.5, inf, nan]
NAMES = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp',
         'log', 'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh']

def fmt(v):
    if isinstance(v, complex):
        return f'({v.real!r}, {v.imag!r})'
    return repr(v)

for name in NAMES:
    f = getattr(cmath, name)
    rows = []
    for x in CLASSES:
        cells = []
        for y in CLASSES:
            try:
                cells.append(fmt(f(complex(x, y))))
            except ValueError:
                cells.append('ValueError')
            except OverflowError:
                cells.append('OverflowError')
        rows.append(' '.join(cells))
    print(name)
    for r in rows:
        print('  ', r)

print('rect')
for r in CLASSES:
    cells = []
    for phi in CLASSES:
        try:
            cells.append(fmt(cmath.rect(r, phi)))
        except ValueError as e:
            cells.append('ValueError ' + str(e))
    print('  ', ' '.join(cells))
print('polar/phase')
for x in CLASSES:
    print('  ', ' '.join(fmt(cmath.polar(complex(x, y))) + '/' + fmt(cmath.phase(complex(x, y))) for y in CLASSES))

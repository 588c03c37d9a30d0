# What hash() makes of a __hash__ result, and complex() of objects with
# __complex__ / __float__ / __index__.
class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v


for v in [0, 5, -5, -1, -2, 2**63 - 1, -2**63, 2**63, 2**64, -2**64 - 7, 2**61 - 1, 2**61, True, hash('abc')]:
    print(v, hash(H(v)), hash(H(v)) == hash(v) if v != -1 else 'minus one')
try:
    hash(H(1.5))
except TypeError as e:
    print('TypeError', e)


class Cx:
    def __init__(self, v):
        self.v = v

    def __complex__(self):
        return self.v


class Fl:
    def __float__(self):
        return 2.5


class Ix:
    def __index__(self):
        return 7


print(complex(Cx(1 + 2j)), complex(Cx(3j), 1), complex(Cx(3j), 1j), complex(Fl()), complex(Fl(), 1), complex(Ix()))
print(complex(Fl(), 1j), complex(Ix(), 2))
for bad in [Cx(5), Cx('x'), object()]:
    try:
        complex(bad)
    except TypeError as e:
        print('TypeError', e)


class Boom:
    def __complex__(self):
        raise ValueError('boom')


try:
    complex(Boom())
except ValueError as e:
    print('ValueError', e)

# operator.length_hint: len() first, then __length_hint__ looked up on the
# type, with CPython's checks of its result.
import operator

print(operator.length_hint([1, 2, 3]), operator.length_hint({1: 2}), operator.length_hint("ab"))
print(operator.length_hint(iter([1, 2, 3])), operator.length_hint(object()), operator.length_hint(object(), 5))

def gen():
    yield 1
print(operator.length_hint(gen(), 4), operator.length_hint(map(str, [1]), 3))

class H:
    def __init__(self, v):
        self.v = v
    def __length_hint__(self):
        return self.v

for v in (0, 5, True, NotImplemented, "x", 2.5, None, -1, 2**70):
    try:
        print(repr(v), operator.length_hint(H(v), 11))
    except Exception as e:
        print(repr(v), type(e).__name__, e)

class IntSub(int):
    pass
print(operator.length_hint(H(IntSub(9))))

# an instance attribute is not the special method
h = H(3)
h.__length_hint__ = lambda: 100
print(operator.length_hint(h))

# a TypeError raised by __length_hint__ means "unknown"; other errors propagate
class Raises:
    def __init__(self, exc):
        self.exc = exc
    def __length_hint__(self):
        raise self.exc
print(operator.length_hint(Raises(TypeError("t")), 6))
try:
    operator.length_hint(Raises(KeyError("k")))
except KeyError as e:
    print(type(e).__name__, e)

# __len__ wins over __length_hint__; a TypeError from __len__ falls through
class Both(H):
    def __len__(self):
        return 2
print(operator.length_hint(Both(50)))
class BadLen(H):
    def __len__(self):
        raise TypeError("no len")
print(operator.length_hint(BadLen(8)))
class NegLen(H):
    def __len__(self):
        return -1
try:
    operator.length_hint(NegLen(8))
except ValueError as e:
    print(type(e).__name__, e)

# argument checks
for args in ((), (1, 2, 3), ([], "x"), ([], 1.0)):
    try:
        operator.length_hint(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(operator.length_hint([], -3), operator.length_hint(object(), -3))

# sys.getsizeof honours __sizeof__, getrefcount, intern.
import sys

for obj in [0, 1.5, 'abc', b'xy', [], [1, 2, 3], (), {}, set(), None, object()]:
    n = sys.getsizeof(obj)
    print(type(obj).__name__, type(n).__name__, n > 0)
print(sys.getsizeof([1, 2, 3]) >= sys.getsizeof([]), sys.getsizeof('a' * 100) > sys.getsizeof('a'))

class Plain:
    __slots__ = ()
    def __sizeof__(self):
        return 100

class Tracked:
    def __sizeof__(self):
        return 100

print(sys.getsizeof(Plain()), sys.getsizeof(Tracked()))

class Neg:
    def __sizeof__(self):
        return -1

class Bad:
    def __sizeof__(self):
        return 'x'

for cls in [Neg, Bad]:
    try:
        sys.getsizeof(cls())
    except Exception as e:
        print(type(e).__name__, e)
print(sys.getsizeof(Bad(), 42), sys.getsizeof(Plain(), default=5))
try:
    sys.getsizeof()
except TypeError as e:
    print('TypeError', e)

x = object()
base = sys.getrefcount(x)
lst = [x, x]
print(sys.getrefcount(x) - base)
del lst
print(sys.getrefcount(x) - base)
a = ''.join(['inter', 'ned!'])
b = sys.intern(a)
print(b == 'interned!', sys.intern(b) is b, sys.intern('interned!') is b)
for bad in [1, b'x']:
    try:
        sys.intern(bad)
    except TypeError as e:
        print('TypeError', e)
class S(str):
    pass
try:
    sys.intern(S('q'))
except TypeError as e:
    print('TypeError', e)

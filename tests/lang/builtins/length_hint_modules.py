# Iterators of library types: which have __length_hint__ (as CPython 3.11).
import array
import collections
import itertools
import operator
import struct

def show(it):
    has = hasattr(it, "__length_hint__")
    print(type(it).__name__, has, operator.length_hint(it, -1))

show(iter(collections.deque([1, 2, 3])))
show(reversed(collections.deque([1, 2])))
show(iter(array.array("i", [1, 2])))
show(itertools.repeat(1, 4))
show(struct.iter_unpack("h", b"1234"))
for it in (map(str, [1]), zip([1], [2]), enumerate([1]), filter(None, [1]),
           iter(lambda: 1, 1), (x for x in [1]), itertools.count()):
    show(it)

d = collections.deque("abc")
it = iter(d)
next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())
it = itertools.repeat(0)
try:
    it.__length_hint__()
except TypeError as e:
    print(type(e).__name__, e)
print(operator.length_hint(itertools.repeat(0), 9))
it = struct.iter_unpack("h", b"123456")
next(it)
print(it.__length_hint__(), len(list(it)), it.__length_hint__())
print(iter(collections.deque()).__length_hint__.__doc__)
print(list(collections.deque([1, 2])), list(array.array("b", [3, 4])))

# deque: comparisons, concatenation, in-place operators.
from collections import deque

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = deque([1, 2, 3])
b = deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == deque([1, 2, 3]), a == [1, 2, 3], a != (1, 2, 3))
print(deque() < deque([0]), deque([1]) < deque([1, 0]), deque([2]) > deque([1, 9]))
print(deque([1, 2]) <= deque([1, 2]), deque([1, 2]) >= deque([1, 2, 0]))
print(deque([1], maxlen=3) == deque([1]))
show(lambda: deque([1]) < deque(['a']))
print(a + b)
print(type(a + b).__name__)
c = a
c += [9, 8]
print(a, c is a)
c += c
print(a)
c *= 2
print(len(a), a.count(9))
print(deque('ab') + deque('cd'))
show(lambda: deque('ab') + 'cd')
print(deque([1]) * 3, 3 * deque([1]))
print(sorted(deque([3, 1, 2])), max(deque([3, 1, 2])), sum(deque(range(10))))
print(list(enumerate(deque('xy'))))
print(deque([1, 2]) == deque([1.0, 2.0]))
nan = float('nan')
print(deque([nan]) == deque([nan]))
match deque([1, 2]):
    case [x, y]:
        print('sequence pattern', x, y)

# deque: error messages and mutation during iteration.
from collections import deque

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: deque(1, 2, 3))
show(lambda: deque(x=1))
show(lambda: deque(5))
show(lambda: deque().pop())
show(lambda: deque().popleft())
show(lambda: deque([1]).index(5))
show(lambda: deque([1]).remove(5))
show(lambda: deque([1])[5])
show(lambda: deque([1])[-2])
show(lambda: deque([1])[1:2])
show(lambda: deque([1])['a'])
show(lambda: deque([1]).__delitem__(3))
show(lambda: deque([1]).__setitem__(3, 1))
show(lambda: deque([1]) + [1])
show(lambda: deque([1]) < [1])
show(lambda: hash(deque()))
show(lambda: deque([1]).index())
show(lambda: deque([1]).index(1, 'a'))
show(lambda: deque([1]).insert(1))
show(lambda: deque([1]) * 'a')
show(lambda: deque([1]).index(1, 0, 0))
show(lambda: deque([1, 2, 3]).index(3, -1))
show(lambda: deque([1, 2, 3]).index(3, 1, -5))
show(lambda: deque([1, 2, 3, 2]).index(2, 2))
show(lambda: deque([1, 2, 3]).index(1, -100, 100))

d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)
d = deque([1, 2, 3])
try:
    for x in reversed(d):
        d.pop()
except RuntimeError as e:
    print('RuntimeError', e)
d = deque([1, 2, 3])
it = iter(d)
print(next(it))
d[1] = 'changed'
print(next(it), next(it))
show(lambda: next(it))
it = iter(deque([1, 2, 3]))
print(it.__length_hint__())
next(it)
print(it.__length_hint__(), list(it))

class Bad:
    def __eq__(self, other):
        d.clear()
        return False

d = deque([1, Bad(), 3])
show(lambda: d.count(3))
d = deque([Bad(), 1])
show(lambda: d.index(1))
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)

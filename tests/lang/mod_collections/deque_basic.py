# deque: construction, both ends, indexing, insert/remove, copy, repr.
from collections import deque

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = deque()
print(d, len(d), bool(d))
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d), bool(d))
print(d.pop(), d.popleft(), d)
d.extend('ab')
d.extendleft('xy')
print(d)
print(d[0], d[-1], d[3])
d[0] = 'first'
d[-1] = 'last'
del d[1]
print(d)
d.insert(2, 'ins')
d.insert(-1, 'neg')
d.insert(100, 'end')
d.insert(-100, 'start')
print(d)
d.remove('ins')
print(d)
print(d.count(0), d.count('zzz'), d.index('last'))
print(list(d) == [x for x in d])
print(list(reversed(deque([1, 2, 3]))))
c = d.copy()
c.append('only in copy')
print(len(c) - len(d), type(c).__name__)
print(d.__copy__() == d)
d.clear()
print(d, d.maxlen)
d.extend(d)
print(d)
e = deque([1, 2, 3])
e.extend(e)
print(e)
e.extendleft(e)
print(e)
e.reverse()
print(e)
print(3 in e, 9 in e)
print(deque('abc'), deque(range(3)), deque(iterable=[1]))
print(deque((x * x for x in range(4))))
# large: O(1) ends
big = deque()
for i in range(100000):
    big.append(i)
for i in range(99990):
    big.popleft()
print(big, len(big))
for i in range(50000):
    big.appendleft(i)
print(big[0], big[-1], len(big))

class MyDeque(deque):
    pass

m = MyDeque([1, 2])
print(m, type(m.copy()).__name__, isinstance(m, deque))
show(lambda: deque([1, [2]]))
r = deque([1])
r.append(r)
print(r)
show(lambda: deque.__class_getitem__(int))
print(deque.__name__, deque.__module__)

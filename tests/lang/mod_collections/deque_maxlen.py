# deque with maxlen: trimming from the other end, rotate, * and repr.
from collections import deque

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = deque(range(10), maxlen=3)
print(d, d.maxlen)
d.append(10)
print(d)
d.appendleft(-1)
print(d)
d.extend([20, 21])
print(d)
d.extendleft([30, 31])
print(d)
z = deque([1, 2], maxlen=0)
z.append(3)
z.appendleft(4)
print(z, len(z))
show(lambda: deque([1], 1).insert(0, 2))
show(lambda: deque([1], -1))
show(lambda: deque([1], 'a'))
show(lambda: deque([1], maxlen=2.0))
show(lambda: deque([1], None))
print(deque([1, 2, 3], 2))
print(deque([1, 2, 3], maxlen=3) * 2)
print(2 * deque([1, 2, 3], maxlen=4))
print(deque(maxlen=3) * 5)
print(deque([1, 2]) * 0, deque([1, 2]) * -1)
x = deque([1, 2], maxlen=5)
x *= 3
print(x)
x += [7, 8]
print(x)
show(lambda: deque([1]).__setattr__('maxlen', 2))

r = deque(range(7))
r.rotate()
print(r)
r.rotate(3)
print(r)
r.rotate(-5)
print(r)
r.rotate(100)
print(r)
r.rotate(0)
print(r)
deque().rotate(5)
full = deque(range(8))
full.rotate(3)
print(full)
full.rotate(-11)
print(full)
show(lambda: deque([1]).rotate('a'))
show(lambda: deque([1]).rotate(1, 2))
m = deque(range(5), maxlen=5)
m.rotate(2)
print(m, m.maxlen)

class Bounded(deque):
    pass

print(Bounded([1, 2, 3], 2))
print(Bounded([1, 2, 3], maxlen=5).copy())

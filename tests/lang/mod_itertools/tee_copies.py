# tee: independent copies, __copy__, shared buffering and errors.
import itertools as it

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a, b = it.tee(range(5))
print(next(a), next(a), list(b), list(a))
t = it.tee("abc", 3)
print(len(t), [list(x) for x in t])
print(it.tee([1], 0), it.tee(1, 0))
x, y = it.tee(iter(range(200)))
print(sum(x), sum(y))
x, = it.tee([1, 2, 3], 1)
print(type(x).__name__, list(x))

a, b = it.tee("hello")
c = a.__copy__()
print(next(a), next(a), next(c), list(b), list(a), list(c))
a2, b2 = it.tee(a)
print(list(a2), type(a2) is type(a))
p, q = it.tee(iter(range(6)))
next(p)
r, s = it.tee(p)
print(list(r), list(s), list(q))

class Copyable:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
    def __copy__(self):
        c = Copyable()
        c.n = self.n
        return c
u, v = it.tee(Copyable())
print(type(u).__name__, type(v).__name__, list(u), list(v))

show(lambda: it.tee([1], -1))
show(lambda: it.tee([1], "a"))
show(lambda: it.tee())
show(lambda: it.tee([], 2, 3))
show(lambda: it.tee(1))
print(list(it._tee([4, 5])))
show(lambda: it._tee(1))
show(lambda: it._tee([1], 2))
show(lambda: type("X", (type(a),), {}))

def gen():
    yield 1
    yield next(t1)
t1, t2 = it.tee(gen())
print(next(t1))
show(lambda: next(t1))

# count, cycle and repeat: values, reprs, steps and argument errors.
import itertools as it

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(list(it.islice(it.count(), 5)))
print(list(it.islice(it.count(10, -3), 4)))
print(list(it.islice(it.count(0.5, 0.25), 4)))
print(list(it.islice(it.count(1j, 1), 3)))
c = it.count(3)
next(c); next(c)
print(repr(c), repr(it.count(0, 2)), repr(it.count(1.5)), repr(it.count(0, 1.0)), repr(it.count(step=5)))
print(repr(it.count(start=-1)), repr(it.count(2 ** 70, 2 ** 64)))
show(lambda: it.count("a"))
show(lambda: it.count(1, "a"))
show(lambda: it.count(1, 2, 3))
show(lambda: it.count(x=1))

class MyCount(it.count):
    pass
print(repr(MyCount(7, 3)), isinstance(MyCount(), it.count))

print(list(it.islice(it.cycle("abc"), 8)))
print(list(it.cycle([])))
src = iter([1, 2])
cy = it.cycle(src)
print([next(cy) for _ in range(5)])
show(lambda: it.cycle())
show(lambda: it.cycle(1))
show(lambda: it.cycle([], []))

print(list(it.repeat("x", 3)), list(it.repeat(1, 0)), list(it.repeat(1, -5)))
r = it.repeat(None, 4)
next(r)
print(repr(r), r.__length_hint__(), repr(it.repeat([1, 2])), repr(it.repeat("a", times=2)))
show(lambda: it.repeat(1).__length_hint__())
show(lambda: it.repeat())
show(lambda: it.repeat(1, "a"))
show(lambda: it.repeat(1, 2, 3))
show(lambda: it.repeat(times=3))
print(list(map(pow, range(4), it.repeat(2))))
class Rep(it.repeat):
    pass
print(repr(Rep(1, 2)))
show(lambda: it.repeat(1, 2 ** 70))
show(lambda: it.tee([], 2 ** 70))
print(it.chain[int], it.count(True, True), it.count(0, False))

# islice: every argument form, lazy consumption and its ValueError texts.
import itertools as it

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

s = "ABCDEFG"
print(list(it.islice(s, 2)), list(it.islice(s, 2, 4)), list(it.islice(s, 2, None)))
print(list(it.islice(s, 0, None, 2)), list(it.islice(s, None)), list(it.islice(s, None, None, None)))
print(list(it.islice(s, 1, 100, 3)), list(it.islice(s, 5, 2)), list(it.islice(s, 0)))
print(list(it.islice(range(10), 3, 8, 2)), list(it.islice(it.count(), 2, 20, 7)))
src = iter(range(10))
print(list(it.islice(src, 3)), next(src))
src = iter(range(10))
print(list(it.islice(src, 2, 4)), next(src))
src = iter(range(10))
sl = it.islice(src, 1, 7, 3)
print(list(sl), next(src))
print(list(it.islice(s, True, 3)))

class Idx:
    def __index__(self):
        return 3
print(list(it.islice(s, Idx())))

for args in [(-1,), ("a",), (1.5,), (2 ** 70,), (-2,), (1, -1), (-1, 2), (0, 2, 0), (0, 2, -1),
             ("x", 2), (None, None, "a"), (1, 2, 3, 4), ()]:
    show(lambda: it.islice([1], *args))
show(lambda: it.islice([1], stop=2))
show(lambda: it.islice(1, 2))
class MySlice(it.islice):
    pass
print(list(MySlice("abcdef", 1, None, 2)))

# compress, dropwhile, takewhile, filterfalse and starmap.
import itertools as it

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(it.compress("ABC", [1, 1, 1, 1, 1])), list(it.compress("ABCDE", [0, 1])))
print(list(it.compress(data=range(5), selectors=it.cycle([True, False]))))
show(lambda: it.compress([1]))

print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.dropwhile(bool, [])), list(it.dropwhile(lambda x: True, [1, 2])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
tw = it.takewhile(lambda x: x < 2, iter([0, 1, 2, 0, 1]))
print(list(tw), list(tw))
show(lambda: it.takewhile(1))
show(lambda: it.dropwhile(None, [1], 2))
show(lambda: list(it.dropwhile(None, [1])))
show(lambda: list(it.takewhile(len, [[1], 5])))

print(list(it.filterfalse(lambda x: x % 2, range(10))))
print(list(it.filterfalse(None, [0, 1, "", "a", [], None])), list(it.filterfalse(bool, [0, 2])))
show(lambda: it.filterfalse(None))
show(lambda: list(it.filterfalse(lambda x: 1 / x, [1, 0])))

print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(it.starmap(lambda *a: a, ["ab", [1, 2, 3], ()])))
show(lambda: it.starmap(1))
show(lambda: next(it.starmap(None, [1])))
show(lambda: next(it.starmap(divmod, [(1,)])))

class Drop(it.dropwhile):
    pass
print(list(Drop(lambda c: c == "a", "aabca")))

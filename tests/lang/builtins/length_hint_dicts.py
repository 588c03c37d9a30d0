# dict key/value/item iterators and their reverse iterators: the count left
# while the dict keeps its size, 0 once its size changed.
import operator

d = {"a": 1, "b": 2, "c": 3}
for it in (iter(d), iter(d.keys()), iter(d.values()), iter(d.items()),
           reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items())):
    hints = [it.__length_hint__()]
    items = []
    for x in it:
        items.append(x)
        hints.append(it.__length_hint__())
    print(type(it).__name__, hints, items)

# size change: the hint drops to 0 (and iteration then fails)
d = {1: 1, 2: 2, 3: 3}
it = iter(d)
next(it)
d[4] = 4
print("grown", it.__length_hint__())
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
print("after error", it.__length_hint__())

d = {1: 1, 2: 2, 3: 3}
it = reversed(d.values())
next(it)
del d[1]
print("shrunk", it.__length_hint__())

# same size after a delete and an insert: the count stays
d = {1: 1, 2: 2, 3: 3}
it = iter(d)
next(it)
del d[3]
d[5] = 5
print("same size", it.__length_hint__(), list(it))

# values replaced in place do not disturb anything
d = {1: 1, 2: 2}
it = iter(d.items())
d[1] = 10
print("replaced", operator.length_hint(it), list(it))

# empty dicts, instance dicts and subclasses
print(iter({}).__length_hint__(), reversed({}).__length_hint__())
class C:
    pass
o = C()
o.x, o.y = 1, 2
it = reversed(o.__dict__)
print(type(it).__name__, it.__length_hint__(), list(it))
class D(dict):
    pass
it = iter(D(p=1, q=2).items())
print(type(it).__name__, operator.length_hint(it))
print(iter({}).__length_hint__.__doc__)

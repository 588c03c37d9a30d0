# reversed() over dicts and their views: lazy reverse iterators that walk the
# table backwards and notice size changes.
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(type(reversed(d)).__name__, type(reversed(d.keys())).__name__,
      type(reversed(d.values())).__name__, type(reversed(d.items())).__name__)
print(type(reversed(d)) is type(reversed(d.keys())), iter(reversed(d)) is not None)
it = reversed(d)
print(iter(it) is it)

# deleted entries are skipped
d = {i: i * i for i in range(8)}
for k in (0, 3, 7):
    del d[k]
print(list(reversed(d)), list(reversed(d.items()))[:2])

# the iterator is lazy: a value replaced in place is seen
d = {1: "x", 2: "y"}
it = reversed(d.values())
d[1] = "z"
print(list(it))

# a size change raises, and the iterator stays broken
d = {1: 1, 2: 2, 3: 3}
it = reversed(d)
print(next(it))
d[4] = 4
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print(type(e).__name__, e)
d = {1: 1, 2: 2}
it = reversed(d.items())
del d[2]
try:
    list(it)
except RuntimeError as e:
    print(type(e).__name__, e)

# delete one key and insert another: same size, so the walk goes on
d = {1: 1, 2: 2, 3: 3}
it = reversed(d)
next(it)
del d[3]
d[9] = 9
print(list(it))

# exhausted iterators stay exhausted
d = {1: 1}
it = reversed(d)
print(list(it), list(it))
d[2] = 2
print(list(it))

# empty dicts, subclasses, instance dicts, keyword-built dicts
print(list(reversed({})), list(reversed({}.items())))
class D(dict):
    pass
print(list(reversed(D(x=1, y=2))), list(reversed(D(x=1, y=2).values())))
class C:
    def __init__(self):
        self.p, self.q, self.r = 1, 2, 3
o = C()
print(list(reversed(vars(o))), list(reversed(vars(o).items())))
del o.q
print(list(reversed(vars(o))))
print(list(reversed(dict(m=1, n=2))))

# __reversed__ is a method of dict and of each view type
print(dict.__reversed__({1: 2, 3: 4}).__class__.__name__, list(type({}.keys()).__reversed__({5: 6, 7: 8}.keys())))
for view in ({}.keys(), {}.values(), {}.items()):
    print(type(view).__name__, hasattr(view, "__reversed__"))
try:
    reversed({}.keys(), 1)
except TypeError as e:
    print(type(e).__name__, e)

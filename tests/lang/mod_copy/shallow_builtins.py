# copy.copy on builtin types: immutables are returned, containers duplicated.
import copy

for x in [1, 2.5, "s", b"b", (1, [2]), frozenset({1}), None, True, 3j, range(3), len, int, Ellipsis]:
    print(repr(x), copy.copy(x) is x)
for x in [[1, [2]], {"a": [1]}, {1, 2}, bytearray(b"xy")]:
    y = copy.copy(x)
    print(type(y).__name__, y == x, y is x)
l = [[1], [2]]
c = copy.copy(l)
print(c[0] is l[0])
c.append(3)
print(l, c)
d = {"k": [1]}
e = copy.copy(d)
e["k"].append(2)
e["n"] = 0
print(d, e)
print(copy.copy(slice(1, 2)) == slice(1, 2))


def f():
    pass


print(copy.copy(f) is f, copy.deepcopy(f) is f)
print(copy.Error.__name__, copy.Error.__module__, issubclass(copy.Error, Exception), copy.error is copy.Error)

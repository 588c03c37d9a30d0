# array: indexing, slicing, slice assignment and deletion.
from array import array

a = array("i", range(10))
print(a[0], a[-1], a[3:6], a[::2], a[::-3], a[8:2:-2], a[100:], a[-100:2])
a[0] = 100
a[-1] = -5
print(a)
a[2:5] = array("i", [7, 7])
print(a)
a[1:1] = array("i", [1, 2, 3])
print(a)
a[::3] = array("i", [0] * len(a[::3]))
print(a)
del a[0]
del a[-2:]
print(a)
del a[::2]
print(a)
a[:] = a
print(a)
a[len(a):] = array("i", [99])
print(a)
del a[::-2]
print(a)
for bad in ["a[20]", "a['x']", "a[1.0]", "a.__setitem__(20, 1)", "a.__delitem__(20)",
            "a.__setitem__(slice(0, 1), [1])", "a.__setitem__(slice(0, 1), array('d', [1]))",
            "a.__setitem__(slice(0, 4, 2), array('i', [5, 5, 5]))", "a[::0]"]:
    try:
        print(eval(bad))
    except (IndexError, TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
b = array("d", [1.5, 2.5])
b[0] = 3
print(b, len(b), list(b), [x for x in reversed(b)])
print(2.5 in b, 3 in b, "x" in b, 4 in b)

# array: append/extend/insert/pop/remove/index/count/reverse.
from array import array

a = array("h", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(array("h", [7]))
a.extend(x for x in (8, 9))
print(a)
a.insert(0, 0)
a.insert(-1, 100)
a.insert(100, 200)
a.insert(-100, -1)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(100)
print(a, a.index(5), a.index(5, 2), a.index(5, -8, -1), a.count(5), a.count(50))
a.extend(a)
print(a.count(1), a.index(1, 3))
a.reverse()
print(a)
e = array("h")
for call in [lambda: e.pop(), lambda: a.pop(100), lambda: a.remove(42), lambda: a.index(42),
             lambda: a.index(1, 100), lambda: a.extend(array("d")), lambda: a.extend(5),
             lambda: a.insert("x", 1), lambda: a.pop("x"), lambda: a.index(),
             lambda: a.count(), lambda: a.byteswap(1), lambda: a.append("s")]:
    try:
        print(call())
    except (IndexError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(a.index(1.0), array("d", [1.0, 2.0]).count(1), array("u", "abca").count("a"))

# array: +, *, +=, *=, comparisons, hash, iteration.
from array import array

a = array("i", [1, 2])
b = array("i", [3])
print(a + b, a * 3, 3 * a, a * 0, a * -1)
c = a
c += b
print(c is a, a)
c *= 2
print(c is a, a)
c *= 0
print(a, len(a))
for bad in ["array('i') + [1]", "array('i') + array('d')", "array('i') * 'x'",
            "array('i') * 1.5", "hash(array('i'))", "array('i') < 3"]:
    try:
        print(eval(bad))
    except TypeError as e:
        print(bad, "->", type(e).__name__, e)
x = array("i", [1, 2, 3])
try:
    x += [1]
except TypeError as e:
    print(type(e).__name__, e)
print(array("i", [1, 2]) == array("i", [1, 2]), array("i", [1]) == array("d", [1.0]))
print(array("i", [1, 2]) < array("i", [1, 3]), array("i", [1, 2]) < array("i", [1, 2, 0]))
print(array("i", [2]) > array("i", [1, 9]), array("i", []) <= array("i", []), array("i", [1]) != array("i", [1]))
print(array("i", [1]) == [1], array("i") != "x")
print(array("u", "ab") < array("u", "b"), array("d", [float("nan")]) == array("d", [float("nan")]))
it = iter(array("b", [5, 6]))
print(type(it).__name__, next(it), list(it), list(it))
print(sorted(array("i", [3, 1, 2])), sum(array("d", [0.5, 0.25])), max(array("B", b"az")))
print(bool(array("i")), bool(array("i", [0])), len(array("q", range(5))))

# array: construction from lists, bytes, str, arrays, iterables; typecode errors.
from array import array
import array as array_module

print(array("i", [1, 2, 3]), array("d", [1, 2.5]), array("u", "héllo"), array("b"))
print(array("B", b"\x01\x02"), array("h", bytearray(b"\x01\x00")))
print(array("l", range(4)), array("q", (x * x for x in range(3))))
print(array("d", array("i", [1, 2])), array("i", array("i", [7])))
print(array("f", [0.1])[0])
print(array_module.typecodes, array_module.ArrayType is array)
print(repr(array), array.__module__, array.__name__)
for bad in [(5,), ("ii",), ("z",), ("i", "abc"), ("u", [1]), ("i", array("u", "ab")),
            ("i", 5), ("i", None), (), ("i", [], 1), ("i", b"abcde")]:
    try:
        print(array(*bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    array("i", typecode="i")
except TypeError as e:
    print(type(e).__name__, e)
for tc in array_module.typecodes:
    a = array(tc)
    print(tc, a.typecode, a.itemsize, len(a), repr(a))

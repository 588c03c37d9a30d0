# array: tobytes/frombytes, byteswap, buffer_info, tolist/fromlist, unicode.
from array import array

a = array("H", [1, 256, 65535])
b = a.tobytes()
print(b, len(b), a.itemsize)
c = array("H")
c.frombytes(b)
print(c == a, c)
a.byteswap()
print(a)
a.byteswap()
print(a)
d = array("d", [1.5])
d.byteswap()
d.byteswap()
print(d)
info = a.buffer_info()
print(type(info).__name__, len(info), info[1], isinstance(info[0], int))
print(a.tolist(), type(a.tolist()).__name__)
a.fromlist([7, 8])
print(a)
try:
    a.fromlist([9, -1])
except OverflowError as e:
    print(type(e).__name__, e, a)
for call in [lambda: a.fromlist((1,)), lambda: a.frombytes(b"abc"), lambda: a.frombytes("x"),
             lambda: a.tounicode(), lambda: a.fromunicode("x"), lambda: a.tobytes(1)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
u = array("u", "ab")
u.fromunicode("cd")
u.append("é")
print(u, u.tounicode(), u.tolist(), len(u.tobytes()))
try:
    u.fromunicode(5)
except TypeError as e:
    print(type(e).__name__, e)
bb = array("b", [1, -1])
bb.frombytes(array("b", [5]))
print(bb, array("i", [1]).tobytes() == b"\x01\x00\x00\x00")
i8 = array("q", [-2])
print(i8.tobytes(), array("Q", [2**64 - 1]))

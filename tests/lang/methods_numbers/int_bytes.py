# int.to_bytes / int.from_bytes: defaults, byte orders, signed ranges,
# bytes-like and iterable sources, subclasses and the error messages.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("default", lambda: (1).to_bytes())
show("len 2", lambda: (1).to_bytes(2))
show("little", lambda: (258).to_bytes(2, "little"))
show("kw", lambda: (258).to_bytes(length=3, byteorder="little"))
show("zero len", lambda: (0).to_bytes(0))
show("signed -1", lambda: (-1).to_bytes(2, "big", signed=True))
show("signed -128", lambda: (-128).to_bytes(1, signed=True))
show("signed 127", lambda: (127).to_bytes(1, signed=True))
show("signed -32768", lambda: (-32768).to_bytes(2, "little", signed=True))
show("big value", lambda: (2 ** 64).to_bytes(9, "little"))
show("big negative", lambda: (-(2 ** 70)).to_bytes(10, "big", signed=True))
show("bool", lambda: True.to_bytes())
show("signed truthy", lambda: (1).to_bytes(1, "big", signed=[]))
for n in (0, 1, 255, 256, -1, -255, 2 ** 63, -(2 ** 63), 12345678901234567890):
    for order in ("big", "little"):
        size = (n.bit_length() + 8) // 8
        b = n.to_bytes(size, order, signed=True)
        print(n, order, b.hex(), int.from_bytes(b, order, signed=True) == n)

show("overflow", lambda: (256).to_bytes(1, "big"))
show("overflow signed", lambda: (128).to_bytes(1, signed=True))
show("overflow signed neg", lambda: (-129).to_bytes(1, signed=True))
show("overflow zero len", lambda: (1).to_bytes(0))
show("negative unsigned", lambda: (-1).to_bytes(1, "big"))
show("negative length", lambda: (1).to_bytes(-1))
show("bad order", lambda: (1).to_bytes(1, "middle"))
show("order type", lambda: (1).to_bytes(1, byteorder=1))
show("length type", lambda: (1).to_bytes("x"))
show("positional signed", lambda: (1).to_bytes(1, "big", True))
show("bad kw", lambda: (1).to_bytes(bad=1))

show("from big", lambda: int.from_bytes(b"\x01\x00"))
show("from little", lambda: int.from_bytes(b"\x01\x00", "little"))
show("from signed", lambda: int.from_bytes(b"\xff", signed=True))
show("from signed pos", lambda: int.from_bytes(b"\x7f\xff", signed=True))
show("from unsigned", lambda: int.from_bytes(b"\xff\xff", "little"))
show("from empty", lambda: int.from_bytes(b""))
show("from empty signed", lambda: int.from_bytes(b"", signed=True))
show("from list", lambda: int.from_bytes([1, 2]))
show("from bytearray", lambda: int.from_bytes(bytearray(b"\x02\x01"), "little"))
show("from memoryview", lambda: int.from_bytes(memoryview(b"\x01\x02\x03")[1:]))
show("from generator", lambda: int.from_bytes((x for x in (1, 0, 0)), "little"))
show("from tuple", lambda: int.from_bytes((255, 255, 255, 255, 255, 255, 255, 255, 255)))
show("from kw", lambda: int.from_bytes(bytes=b"\x05", byteorder="big"))
show("bool from", lambda: bool.from_bytes(b"\x01"))
show("bool from zero", lambda: bool.from_bytes(b"\x00"))
class MyInt(int):
    pass
show("subclass", lambda: (type(MyInt.from_bytes(b"\x07")).__name__, MyInt.from_bytes(b"\x07")))
class HasBytes:
    def __bytes__(self):
        return b"\x01\x01"
show("from __bytes__", lambda: int.from_bytes(HasBytes()))
show("from str", lambda: int.from_bytes("ab"))
show("from int", lambda: int.from_bytes(5))
show("from big item", lambda: int.from_bytes([256]))
show("from bad order", lambda: int.from_bytes(b"\x01", "mid"))
show("from no args", lambda: int.from_bytes())
show("from too many", lambda: int.from_bytes(b"", "big", False))
show("getnewargs", lambda: (5).__getnewargs__())
show("getnewargs bool", lambda: True.__getnewargs__())
show("getnewargs big", lambda: (2 ** 80).__getnewargs__())
show("getnewargs sub", lambda: type(MyInt(3).__getnewargs__()[0]).__name__)

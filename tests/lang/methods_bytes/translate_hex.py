# bytes.maketrans/translate (with delete), hex with separators, fromhex,
# decode and the dunders __bytes__, __getnewargs__, __sizeof__, __alloc__.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], type(t).__name__)
print(bytearray.maketrans(b"a", b"b")[97])
for T in (bytes, bytearray):
    s = T(b"aabbcc-abc")
    show("translate", lambda: s.translate(t))
    show("translate delete", lambda: s.translate(t, b"-a"))
    show("translate None", lambda: s.translate(None, b"b"))
    show("translate kw delete", lambda: s.translate(None, delete=b"c"))
    show("hex", lambda: T(b"\x01\xab\xff").hex())
    show("hex sep", lambda: T(b"\x01\x02\x03\x04\x05").hex(":"))
    show("hex sep 2", lambda: T(b"\x01\x02\x03\x04\x05").hex("-", 2))
    show("hex sep -2", lambda: T(b"\x01\x02\x03\x04\x05").hex("-", -2))
    show("hex bytes sep", lambda: T(b"\x01\x02").hex(b"|"))
    show("hex kw", lambda: T(b"\x01\x02\x03").hex(sep=" ", bytes_per_sep=3))
    show("hex empty", lambda: T(b"").hex(":"))
    show("fromhex", lambda: T.fromhex("01 ab\tFF  "))
    show("fromhex empty", lambda: T.fromhex(""))
    show("fromhex odd", lambda: T.fromhex("abc"))
    show("fromhex bad", lambda: T.fromhex("zz"))
    show("fromhex bad 2", lambda: T.fromhex("1 2"))
    show("fromhex bytes", lambda: T.fromhex(b"01"))

class MyBytes(bytes):
    pass
show("subclass fromhex", lambda: type(MyBytes.fromhex("41")).__name__)
show("maketrans len", lambda: bytes.maketrans(b"a", b"bc"))
show("maketrans str", lambda: bytes.maketrans("a", "b"))
show("translate short", lambda: b"a".translate(b"x"))
show("translate str delete", lambda: b"a".translate(None, "x"))
show("hex long sep", lambda: b"a".hex("::"))
show("hex int sep", lambda: b"a".hex(1))
show("hex non-ascii sep", lambda: b"ab".hex("\xe9"))
show("decode", lambda: b"caf\xc3\xa9".decode())
show("decode latin", lambda: b"caf\xe9".decode("latin-1"))
show("decode errors", lambda: b"a\xffb".decode("utf-8", "replace"))
show("decode ignore", lambda: b"a\xffb".decode(errors="ignore"))
show("decode bad", lambda: b"a\xffb".decode())
show("decode ascii", lambda: b"a\x80".decode("ascii"))
show("decode unknown", lambda: b"a".decode("nope"))
show("decode int", lambda: b"a".decode(1))
b = b"xyz"
print(b.__bytes__() is b, MyBytes(b"q").__bytes__(), type(MyBytes(b"q").__bytes__()).__name__)
print(b.__getnewargs__(), MyBytes(b"w").__getnewargs__())
print(b.__sizeof__() - b"".__sizeof__(), bytearray(b"ab").__alloc__(), bytearray().__alloc__())
print(bytearray(b"ab").__reduce__(), bytearray().__reduce_ex__(2))
class WithBytes:
    def __bytes__(self):
        return b"custom"
class BadBytes:
    def __bytes__(self):
        return "nope"
print(bytes(WithBytes()))
show("bad __bytes__", lambda: bytes(BadBytes()))
print(sorted(set(dir(bytes)) - set(dir(bytearray))))
print(sorted(set(dir(bytearray)) - set(dir(bytes))))

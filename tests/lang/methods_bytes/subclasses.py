# bytes and bytearray subclasses: which methods keep the subclass (none of
# the transforming ones), __bytes__, fromhex through the subclass, repr,
# comparisons across kinds, hashing and pickling helpers.
def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

class B(bytes):
    def extra(self):
        return len(self) * 2

class BA(bytearray):
    pass

b = B(b"Hello World")
ba = BA(b"Hello World")
for obj in (b, ba):
    print(type(obj).__name__, obj.extra() if isinstance(obj, B) else "-")
    show("upper", lambda: obj.upper())
    show("replace", lambda: obj.replace(b"l", b"L"))
    show("split", lambda: obj.split())
    show("partition", lambda: obj.partition(b" "))
    show("strip", lambda: obj.strip(b"Hd"))
    show("slice", lambda: obj[1:4])
    show("item", lambda: obj[0])
    show("concat", lambda: obj + b"!")
    show("repeat", lambda: obj * 2)
    show("join", lambda: obj.join([b"a", b"b"]))
    show("center", lambda: obj.center(15))
    show("zfill", lambda: obj.zfill(3))
    show("removeprefix", lambda: obj.removeprefix(b"x"))
    show("translate", lambda: obj.translate(None))
    show("mod", lambda: B(b"%s!") % b"x" if isinstance(obj, B) else BA(b"%s!") % b"x")
    show("bytes()", lambda: bytes(obj))
    show("fromhex", lambda: type(obj).fromhex("4142"))
    show("copy", lambda: obj.copy() if isinstance(obj, BA) else obj.__bytes__())
    show("eq bytes", lambda: obj == b"Hello World")
    show("eq other kind", lambda: obj == bytearray(b"Hello World"))
    show("lt", lambda: obj < b"Z")
    show("contains", lambda: b"World" in obj)
    show("iter", lambda: list(obj)[:3])
    show("repr", lambda: repr(obj))
    show("len", lambda: len(obj))

print(hash(b) == hash(b"Hello World"))
show("hash bytearray", lambda: hash(ba))
show("getnewargs", lambda: b.__getnewargs__())
show("reduce bytearray sub", lambda: ba.__reduce__())
ba.tag = 1
show("reduce with dict", lambda: ba.__reduce__())
ba += b"!"
print(type(ba).__name__, ba)
ba *= 2
print(type(ba).__name__, ba, len(ba))
del ba[::2]
print(type(ba).__name__, ba)
ba.extend(B(b"xy"))
print(ba, ba.tag)
print(isinstance(b, bytes), issubclass(BA, bytearray), B.__mro__[1].__name__)
class WithNew(bytes):
    def __new__(cls, value):
        return super().__new__(cls, value * 2)
print(WithNew(b"ab"), type(WithNew(b"ab")).__name__)

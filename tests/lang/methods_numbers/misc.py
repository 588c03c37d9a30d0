# complex.__complex__/__getnewargs__, range.__bool__, tuple.__getnewargs__,
# and the dunders dir() lists for the numeric and sequence types.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

c = 1 + 2j
print(c.__complex__() is c, c.__getnewargs__(), (-0.0 - 1j).__getnewargs__())
class MyComplex(complex):
    pass
m = MyComplex(3, 4)
print(type(m.__complex__()).__name__, m.__complex__(), m.__getnewargs__())
print(complex.__complex__(5j), complex(m), type(complex(m)).__name__)
show("complex of non-complex", lambda: complex.__complex__(1))

print(bool(range(0)), bool(range(3)), range(5, 1).__bool__(), range(0, 10, 3).__bool__(), range(-5).__bool__())
print(bool(range(10 ** 20, 10 ** 20 + 1)) if False else "skip", bool(range(1, 2, -1)))
print((1, 2).__getnewargs__(), ().__getnewargs__(), (1,).__getnewargs__()[0] == (1,))
class MyTuple(tuple):
    pass
t = MyTuple((1, 2))
na = t.__getnewargs__()
print(na, type(na[0]).__name__)
x = (1, 2)
print(x.__getnewargs__()[0] is x)

for T in (int, bool, float, complex, range, tuple):
    names = [n for n in ("__getnewargs__", "__bool__", "__complex__", "to_bytes", "from_bytes", "fromhex", "hex",
                         "__getformat__", "__getstate__") if hasattr(T, n)]
    print(T.__name__, names)

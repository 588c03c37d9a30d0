# float.fromhex (rounding, subnormals, overflow, grammar) and float.hex
# round trips; float.__getformat__ and __getnewargs__.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for s in ["0x1.8p1", "-0X1P-1074", " inf ", "-Infinity", "nan", "-nan", "1.", ".8", "0x.8p-1", "1", "0x10", "ff",
          "0x1.fffffffffffff7p1023", "0x1p-1075", "0x1.8p-1074", "0x3p-1076", "0x1p-1076", "0x1.00000000000008p0",
          "0x1.00000000000018p0", "0x1.000000000000080000001p0", "+0x1.0p+0", "0x1.0P-0", "0x0p99999999999999999999",
          "0x1p-99999999999999999999", "0x0.0000000000001p-1022", "0x1.999999999999ap-4", "\t0xA.Bp3\n",
          "0x1p-1022", "0x0.fffffffffffffp-1022", "0x.0000000000000000000001p0", "-0x0p0", "0x000000000001p0"]:
    show(repr(s), lambda: float.fromhex(s))

for bad in ["", "0x", "0xp1", "1p", "1 2", "1_0", "0x1.2.3", "infinit", "--1", "0x1p+", "p1", "0x1g"]:
    show(repr(bad), lambda: float.fromhex(bad))
show("too large", lambda: float.fromhex("0x1p1024"))
show("round up overflow", lambda: float.fromhex("0x1.fffffffffffff8p1023"))
show("huge exponent", lambda: float.fromhex("0x1p99999999999999999999"))
show("int arg", lambda: float.fromhex(1))
show("bytes arg", lambda: float.fromhex(b"1"))

for x in [0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 5e-324, 2.2250738585072014e-308, 123456.789, float("inf"), float("-inf")]:
    h = x.hex()
    print(repr(x), h, float.fromhex(h) == x)
print(float("nan").hex(), float.fromhex(float("nan").hex()) != float.fromhex("nan"))

class MyFloat(float):
    pass
r = MyFloat.fromhex("0x1p-1")
print(type(r).__name__, r)
show("getformat double", lambda: float.__getformat__("double"))
show("getformat float", lambda: float.__getformat__("float"))
show("getformat bad", lambda: float.__getformat__("x"))
show("getformat int", lambda: float.__getformat__(1))
show("getnewargs", lambda: (1.5).__getnewargs__())
show("getnewargs sub", lambda: (MyFloat(2.5).__getnewargs__(), type(MyFloat(2.5).__getnewargs__()[0]).__name__))

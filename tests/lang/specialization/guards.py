# Programs stay correct when the assumptions a specialized instruction made
# stop holding mid-loop (every case runs long enough to specialize first).
import builtins

# --- a global rebound, then deleted so the builtin shows through ------------
len = lambda x: -1
def use_len(items):
    return len(items)
out = []
for i in range(30):
    if i == 10:
        len = lambda x: -2          # rebound: same key, new value
    if i == 20:
        del globals()["len"]        # deleted: builtins.len shows through
    out.append(use_len("abc"))
print("global rebound/deleted:", out)

# --- a builtin replaced, then restored ---------------------------------------
def use_abs(x):
    return abs(x)
real_abs = builtins.abs
out = []
for i in range(30):
    if i == 10:
        builtins.abs = lambda x: "fake"
    if i == 20:
        builtins.abs = real_abs
    out.append(use_abs(-3))
print("builtin replaced:", out)

# --- a new global shadows a builtin -------------------------------------------
def use_max(a, b):
    return max(a, b)
out = []
for i in range(20):
    if i == 10:
        globals()["max"] = lambda a, b: "shadow"
    out.append(use_max(1, 2))
del globals()["max"]
print("global shadows builtin:", out, use_max(3, 4))

# --- a class attribute assigned (methods and plain attributes) --------------
class C:
    kind = "c"
    def __init__(self):
        self.v = 1
    def m(self):
        return "m1"
def call_m(o):
    return o.m(), o.kind, o.v
o = C()
out = []
for i in range(30):
    if i == 10:
        C.m = lambda self: "m2"
    if i == 15:
        C.kind = "k2"
    if i == 20:
        o.m = lambda: "instance"      # an instance attribute shadows the method
    out.append(call_m(o))
print("class attribute assigned:", out)

# --- an attribute of a base class changed -------------------------------------
class Base:
    def who(self):
        return "base"
class Derived(Base):
    pass
def who(o):
    return o.who()
d = Derived()
out = []
for i in range(20):
    if i == 10:
        Base.who = lambda self: "patched"
    out.append(who(d))
print("base attribute changed:", out)

# --- __class__ assigned ---------------------------------------------------------
class P:
    def __init__(self):
        self.x = 1
    def name(self):
        return "P"
class Q:
    def __init__(self):
        self.x = 2
    def name(self):
        return "Q"
def probe(o):
    return o.x, o.name()
p = P()
out = []
for i in range(20):
    if i == 10:
        p.__class__ = Q
    out.append(probe(p))
print("__class__ assigned:", out)

# --- __getattr__ added to a class -----------------------------------------------
class G:
    def __init__(self):
        self.a = 1
def get_b(o):
    try:
        return o.b
    except AttributeError as e:
        return "AttributeError: " + str(e)
def get_a(o):
    return o.a
g = G()
out = []
for i in range(20):
    if i == 10:
        G.__getattr__ = lambda self, name: "via __getattr__ " + name
    out.append((get_a(g), get_b(g)))
print("__getattr__ added:", out)

# --- the instance __dict__ materialized and replaced ------------------------
class D:
    def __init__(self):
        self.a = 1
        self.b = 2
def read_write(o, i):
    o.a = i
    return o.a + o.b
obj = D()
out = []
for i in range(30):
    if i == 10:
        obj.__dict__["b"] = 100        # the values move to a dict object
    if i == 20:
        obj.__dict__ = {"a": 0, "b": -1}
    out.append(read_write(obj, i))
print("instance dict:", out)

# --- a function's __code__ and __defaults__ replaced mid-loop ---------------
def f(a, b):
    return a + b
def g2(a, b):
    return a * b
def h(a, b=10):
    return a - b
out = []
for i in range(30):
    if i == 10:
        f.__code__ = g2.__code__
    if i == 20:
        h.__defaults__ = (100,)
    out.append((f(i, 2), h(i), h(i, 1)))
print("__code__/__defaults__ replaced:", out)

# --- argument counts change at one call site --------------------------------
def two(a, b):
    return (a, b)
def callee_varies(fn, *args):
    return fn(*args)
def site(fn, x):
    return fn(x, x)
out = []
for i in range(20):
    fn = two if i < 10 else (lambda *a: len(a))
    out.append(site(fn, i))
print("call site changes callee:", out)

# --- arithmetic and comparisons change operand kinds -----------------------
def arith(a, b):
    return a + b, a - b, a * b, a < b, a == b
vals = [(1, 2), (3, 4), (2**62, 2**62), (-2**63, -1), (1.5, 2.5), (float("nan"), 1.0),
        ("x", "y"), (2**100, 3), (True, 2), (5, 5.0), ([1], [2])]
out = []
for rnd in range(3):
    for a, b in vals:
        try:
            out.append(arith(a, b))
        except TypeError as e:
            out.append("TypeError: " + str(e))
print("operand kinds:", out[:11])
print("same on later rounds:", repr(out[:11]) == repr(out[11:22]) == repr(out[22:]))

# --- string comparisons -------------------------------------------------------------
def cmp_str(a, b):
    return a == b, a != b, a < b
print("str compare:", [cmp_str(a, b) for a, b in [("a", "a"), ("a", "b"), ("é", "é"), ("b", "a")] * 3])

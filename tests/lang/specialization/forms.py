# Each specialized form gives CPython's results and errors, including at the
# edges its guards send back to the generic instruction. Loops run long
# enough to specialize before the edge case arrives.
import math


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


# --- iteration -----------------------------------------------------------------
def total(it):
    s = 0
    for x in it:
        s += x
    return s
print("iterate:", [total(x) for x in ([1, 2, 3], (4, 5), range(10), range(2**62, 2**62 + 3), range(5, 0, -2), [], ())])
def mutate():
    items = [1, 2, 3]
    out = []
    for x in items:
        out.append(x)
        if x == 1:
            items.append(4)
        if len(out) > 6:
            break
    return out
print("mutated during iteration:", [mutate() for _ in range(3)])
print("mixed iterators:", [total(it) for it in [[1], (2,), range(3), {4: 0}, {5}, iter([6])] * 3])

# --- subscripts -------------------------------------------------------------------
def get(c, i):
    return c[i]
for c, i in [([10, 20, 30], 1)] * 3 + [([10, 20, 30], -1), ([10], 5), ((1, 2), 1), ((1, 2), 2),
                                        ({"a": 1}, "a"), ({"a": 1}, "b"), ({}, []), ("abc", 1), ([1], 2**70)]:
    show("get %r[%r]:" % (c, i), lambda: get(c, i))
def put(c, i, v):
    c[i] = v
    return c
for c, i in [([0, 0], 1)] * 3 + [([0, 0], -1), ([0], 3), ({}, "k"), ({}, [1])]:
    show("put %r[%r]:" % (c, i), lambda: put(c, i, 9))

# --- truth -------------------------------------------------------------------------
class Plain:
    pass
class Sized:
    def __len__(self):
        return 0
def truth(v):
    return "yes" if v else "no"
print("truth:", [truth(v) for v in [True, False, 0, 1, -5, 2**80, [], [0], None, "", "x", Plain(), Sized(), 0.0, {}]])
later = Plain()
print("before __bool__:", [truth(later) for _ in range(5)])
Plain.__bool__ = lambda self: False
print("after __bool__:", [truth(later) for _ in range(5)])

# --- unpacking -----------------------------------------------------------------------
def two(p):
    a, b = p
    return b, a
def three(p):
    a, b, c = p
    return c
for p in [(1, 2)] * 3 + [[3, 4], (1, 2, 3), "xy", (1,)]:
    show("unpack2 %r:" % (p,), lambda: two(p))
for p in [(1, 2, 3)] * 3 + [[4, 5, 6], (1, 2), [1, 2, 3, 4]]:
    show("unpack3 %r:" % (p,), lambda: three(p))

# --- containment ------------------------------------------------------------------------
def has(x, c):
    return x in c, x not in c
for x, c in [(1, {1, 2})] * 3 + [(3, frozenset([3])), ([], {1}), (1, {1: 0}), ([], {1: 0}), (1, [1])]:
    show("in %r %r:" % (x, c), lambda: has(x, c))

# --- builtin calls and methods of builtin types ---------------------------------------
def builtins_calls(x):
    return len(x), abs(-3), min(1, 2), isinstance(x, list), math.sqrt(4.0), type(x).__name__
for x in [[1, 2]] * 3 + ["ab", (1,)]:
    show("builtins %r:" % (x,), lambda: builtins_calls(x))
def bad_calls(i):
    return [len(), len(1, 2), abs(), math.sqrt(-1.0)][i]
for i in range(4):
    show("bad call %d:" % i, lambda: bad_calls(i))
class MyList(list):
    def append(self, x):
        list.append(self, x * 10)
def methods(lst, s):
    lst.append(1)
    lst.extend([2])
    x = lst.pop()
    return s.upper(), s.startswith("a"), "-".join([s, s]), lst, x, {}.get("k", 0)
for lst in [[], [], [], MyList()]:
    show("methods:", lambda: methods(lst, "abc"))
show("descriptor on wrong type:", lambda: list.append((), 1))
def unbound(lst):
    list.append(lst, 5)
    return lst
print("unbound method:", [unbound([]) for _ in range(3)])

# --- bound methods and Python calls ------------------------------------------------------
class K:
    def m(self, a):
        return a + 1
def call_bound(f, a):
    return f(a)
bm = K().m
print("bound:", [call_bound(bm, i) for i in range(5)], call_bound(lambda a: -a, 3))
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
show("recursion limit:", lambda: deep(100000))
print("after:", deep(50))

# --- slots, modules, class attributes ----------------------------------------------------
class S:
    __slots__ = ("a", "b")
    kind = "s"
def slot_rw(o, v):
    o.a = v
    return o.a, o.kind
s = S()
print("slots:", [slot_rw(s, i) for i in range(4)])
del s.a
def slot_read(o):
    return o.a
show("deleted slot:", lambda: slot_read(s))
def mod_attr():
    return math.pi, math.floor(2.5)
print("module:", [mod_attr() for _ in range(3)])
math.extra = 1
print("module after a new attribute:", mod_attr())
class A:
    value = 1
    other = "x"
def cls_attr():
    return A.value, A.other
print("class attrs:", [cls_attr() for _ in range(3)])
A.value = 2
print("after assignment:", cls_attr())
class WithDefault:
    level = 0
    def __init__(self, set_it):
        if set_it:
            self.level = 5
def level(o):
    return o.level
print("class default then instance:", [level(WithDefault(i % 2 == 0)) for i in range(6)])

# --- strings ----------------------------------------------------------------------------------
def cat(a, b):
    return a + b
print("concat:", [cat("a", "b"), cat("é", "x"), cat("", "")] * 2, end=" ")
show("", lambda: cat("a", 1))

# --- class instantiation with a Python __init__ -----------------------------------------------
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class ReturnsValue:
    def __init__(self, v):
        return v
class InitRaises:
    def __init__(self, v):
        if v == 3:
            raise ValueError("three")
        self.v = v
class Sub(Point):
    pass
class Base2:
    def __init__(self, x, y):
        self.x = x
class WithNew(Base2):
    def __new__(cls, x, y):
        print("new", x, y)
        return super().__new__(cls)
def make(cls, *a):
    return cls(*a)
def point(i):
    return Point(i, -i)
def sub(i):
    return Sub(i, i)
print("points:", [(p.x, p.y) for p in map(point, range(5))], [sub(i).x for i in range(4)])
def returns(i):
    try:
        return ReturnsValue(i)
    except TypeError as e:
        return str(e)
print("__init__ results:", [returns(v) for v in (None, None, 1, None, "s")].count(None),
      [returns(v) for v in (2, "s")])
def raises(i):
    try:
        return InitRaises(i).v
    except ValueError as e:
        return repr(e)
print("__init__ raises:", [raises(i) for i in range(6)])
print("wrong arity:", end=" ")
show("", lambda: [point(i) for i in range(3)] and Point(1))
Point.__init__ = lambda self, x, y: setattr(self, "x", x * 10)
print("__init__ replaced:", [point(i).x for i in range(3)], [sub(i).x for i in range(3)])
Point.__new__ = lambda cls, x, y: "made by __new__"
print("__new__ assigned:", [point(i) for i in range(3)])
def with_new(i):
    return WithNew(i, 2).x
print("subclass with __new__:", [with_new(i) for i in range(3)])
def gen_init_cls():
    class G:
        def __init__(self):
            yield 1
    return G
G = gen_init_cls()
def mk():
    return G()
for _ in range(3):
    show("generator __init__:", mk)

# --- numbers: // and % on ints, float arithmetic with int operands, results reusing operands ---------
def fdiv(a, b):
    return a // b
def mod(a, b):
    return a % b
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (-(2**63), -1), (2**70, 3), (-9, 2**65), (5, 0), (7.5, 2)]
for f in (fdiv, mod):
    out = []
    for a, b in pairs * 2:
        try:
            out.append(f(a, b))
        except ZeroDivisionError as e:
            out.append(str(e))
    print(f.__name__ + ":", out)
def arith(a, b):
    return a + b, a - b, a * b, a / b
vals = [(1.5, 2), (3, 0.25), (2**53, 1.0), (2**53 + 1, 1.0), (-(2**60), 3.0), (7, 2), (1.0, 0.0), (1, 0), (True, 2.5), (2**80, 2.0)]
for a, b in vals * 2:
    try:
        print("arith:", a, b, arith(a, b))
    except ZeroDivisionError as e:
        print("arith:", a, b, type(e).__name__, e)
def cmp(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b
for a, b in [(1.0, 1), (2**53 + 1, float(2**53)), (float("nan"), 1), (0.5, 0), (3, 2.5), (-0.0, 0), (2**63, 9.3e18)] * 2:
    print("cmp:", a, b, cmp(a, b))
def keep(x):
    y = x + 1.0        # x is still named: it must not be written over
    z = y * 2.0        # y may be reused only once no name holds it
    return x, y, z
print("operands kept:", [keep(float(i)) for i in range(3)])
def accumulate(n):
    s = 0.0
    t = 1000
    ids = set()
    for i in range(n):
        s = s + i * 0.5
        t = t * 3 // 2 % 1000003
    return s, t
print("accumulate:", accumulate(50))
big = 10**6
def shared(n):
    out = []
    for i in range(n):
        out.append(big + i)
    return out
print("shared results:", shared(4), big)

# --- str indexing, str(x), tuple(x), builtin classes called ------------------------------------
def char(s, i):
    return s[i]
print("chars:", [char("héllo", i) for i in (0, 1, 4, -1, 2)], [char("ab€", i) for i in range(3)], end=" ")
show("", lambda: char("abc", 3))
class S:
    def __str__(self):
        return "S!"
class BadStr:
    def __str__(self):
        return 3
def to_str(x):
    return str(x)
print("str():", [to_str(x) for x in (1, 2.5, "s", None, S(), b"b", [1])], end=" ")
show("", lambda: to_str(BadStr()))
def to_tuple(x):
    return tuple(x)
print("tuple():", [to_tuple(x) for x in ([1], (2,), "ab", range(3), {4: 5}, (i for i in range(2)))], end=" ")
show("", lambda: to_tuple(5))
def builtin_classes(x):
    return int(x), float(x), list(range(x)), bool(x), set(), dict(), frozenset([x]), type(x)
print("builtin classes:", [builtin_classes(i) for i in range(3)])
def conv(s):
    return int(s)
print("int():", [conv(s) for s in ("12", " -3 ", "0x1" if False else "7")], end=" ")
show("", lambda: conv("x1"))
def three(n, b, d):
    return type(n, b, d).__name__
print("type(3 args):", [three("T%d" % i, (), {}) for i in range(3)])

# --- bitwise operators on ints ----------------------------------------------------------------------
def bits(a, b):
    out = [a & b, a | b, a ^ b]
    for op in (lambda: a << b, lambda: a >> b):
        try:
            out.append(op())
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
def shifts(a, b):
    try:
        return a << b, a >> b
    except ValueError as e:
        return str(e)
for a, b in [(12, 10), (-12, 3), (2**62, 1), (1, 62), (1, 63), (-1, 64), (5, 200), (2**70, 3), (-7, 1), (3, -1), (0, 99)] * 2:
    print("bits:", a, b, bits(a, b), shifts(a, b))
def rng(s):
    out = []
    for _ in range(6):
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        out.append(s)
    return out
print("xorshift:", rng(2463534242))

# --- properties ---------------------------------------------------------------------------------------
class Temp:
    def __init__(self, c):
        self.c = c
        self.__dict__["f"] = "shadow?"      # a data descriptor wins over the instance dict
    @property
    def f(self):
        if self.c == 99:
            raise ValueError("boiling")
        return self.c * 9 / 5 + 32
def fahrenheit(t):
    try:
        return t.f
    except ValueError as e:
        return str(e)
print("property:", [fahrenheit(Temp(c)) for c in (0, 100, 99, 37, -40)])
def replaced_getter(self):
    return "new getter"
Temp.f = property(replaced_getter)
print("property replaced:", [fahrenheit(Temp(c)) for c in (1, 2)])
replaced_getter.__code__ = (lambda self: "new code").__code__
print("getter code replaced:", [fahrenheit(Temp(c)) for c in (1, 2)])
Temp.f = 5
print("plain class attribute:", [fahrenheit(Temp(c)) for c in (1, 2)])
class Sized:
    @property
    def n(self):
        return 3
def via_method(o):
    return o.n, o.n
print("property reads:", [via_method(Sized()) for _ in range(3)])

# --- s += t appending in place ---------------------------------------------------------------------------
def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
        s += "é" if i == 7 else "-"
    return s
print("built:", build(12), len(build(300)))
def shared_build():
    s = "ab"
    keep = s
    for i in range(4):
        s += "c"
        alias = s
        s += "d"
    return s, keep, alias
print("aliases kept:", shared_build())
def wide():
    s = "x"
    for c in ["€", "a", "😀", "b"] * 2:
        s += c
    return s
print("widening:", wide())
def other_store():
    s = "q"
    t = ""
    for i in range(5):
        t = s + "z"
        s += "w"
    return s, t
print("other stores:", other_store())
def bad_add():
    s = "a"
    for x in ["b", "c", 1]:
        try:
            s += x
        except TypeError as e:
            return s, str(e)
print("type error:", bad_add())

# --- attributes in an instance's own dict (with hint) ------------------------------------------------------
class Bag(list):    # instances of builtin subclasses keep a real dict
    pass
def many_attrs():
    b = Bag()
    for i in range(40):               # more names than shared keys take: a real dict
        setattr(b, "a%d" % i, i)
    return b
def get_set(b, n):
    out = []
    for i in range(n):
        b.a3 = b.a3 + 1
        out.append(b.a39)
    return out, b.a3
bag = many_attrs()
print("dict attributes:", get_set(bag, 5), get_set(many_attrs(), 3))
del bag.a39
try:
    get_set(bag, 2)
except AttributeError as e:
    print("deleted:", e)
bag.a39 = "back"
print("re-added:", get_set(bag, 2))
Bag.a3 = property(lambda self: "class property wins")
try:
    print("class property:", get_set(bag, 2))
except (AttributeError, TypeError) as e:
    print("class property:", type(e).__name__, e)

# --- super() attribute and method loads ---------------------------------------------------------------------
class Base:
    greeting = "hello"
    def who(self):
        return "base"
    @classmethod
    def kind(cls):
        return cls.__name__
    @staticmethod
    def static(x):
        return x * 2
    @property
    def prop(self):
        return "base prop"
class Child(Base):
    def who(self):
        return "child>" + super().who()
    def all(self):
        return (super().who(), super().kind(), super().static(3), super().greeting, super().prop,
                super().__class__.__name__)
    def missing(self):
        try:
            return super().nothing
        except AttributeError as e:
            return str(e)
    @classmethod
    def cls_level(cls):
        return super().kind()
c = Child()
print("super:", [c.who() for _ in range(3)], [c.all() for _ in range(2)], [c.missing() for _ in range(3)],
      [Child.cls_level() for _ in range(3)])
Base.who = lambda self: "patched"
print("super after patch:", [c.who() for _ in range(3)])
class Other:
    pass
def unrelated():
    try:
        return super(Child, Other()).who()
    except TypeError as e:
        return str(e)
print("unrelated:", [unrelated() for _ in range(3)])

# An instance's Python __call__ (CALL_PY_INSTANCE), a metaclass __call__,
# a generator __call__, a wrong argument count, the class's __call__ replaced.
class Warp:
    def __init__(self, k):
        self.k = k
    def __call__(self, u):
        return u * self.k
warp = Warp(3)
total = 0
for i in range(30):
    total += warp(i)
    if i == 20:
        Warp.__call__ = lambda self, u: -u
print("instance call:", total)
class Gen:
    def __call__(self, n):
        for i in range(n):
            yield i * i
gen = Gen()
print("generator __call__:", [list(gen(i)) for i in range(4)])
class MetaCall(type):
    def __call__(cls, *args):
        return ("made", cls.__name__, args)
class ViaMeta(metaclass=MetaCall):
    pass
print("metaclass __call__:", [ViaMeta(i) for i in range(3)])
class Pair:
    def __call__(self, a, b):
        return a + b
pair = Pair()
for i in range(4):
    try:
        print("pair:", pair(i) if i % 2 else pair(i, i))
    except TypeError as e:
        print("pair TypeError:", e)
class Depth:
    def __call__(self, n):
        return 0 if n == 0 else self(n - 1) + 1
print("recursive __call__:", Depth()(200))

# A Python __getattribute__ (LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN): values,
# AttributeError, object.__getattribute__ inside, the class's replaced,
# a __getattr__ added to a subclass, recursion through it.
class Intercept:
    def __init__(self):
        self.real = 5
    def __getattribute__(self, name):
        if name == "missing":
            raise AttributeError("no " + name)
        if name == "real":
            return object.__getattribute__(self, "real") * 2
        return "intercepted " + name
icp = Intercept()
def intercept_loads(o):
    try:
        missing = o.missing
    except AttributeError as e:
        missing = str(e)
    return (o.a, o.real, missing)
print("getattribute:", [intercept_loads(icp) for _ in range(4)])
Intercept.__getattribute__ = lambda self, name: "replaced " + name
print("getattribute replaced:", [intercept_loads(icp) for _ in range(3)])
class InterceptChild(Intercept):
    def __getattr__(self, name):
        return "child fallback " + name
print("getattribute with __getattr__:", [intercept_loads(InterceptChild()) for _ in range(3)])
class Chain:
    def __getattribute__(self, name):
        return 0 if name == "depth0" else getattr(self, "depth" + str(int(name[5:]) - 1)) + 1
print("getattribute recursion:", [Chain().depth30 for _ in range(3)])

# Spindle-only (uses _spindle): each implemented family specializes where it
# should, and each guard deoptimizes when its assumption breaks. Run with
# -X pystats=/dev/null so that deopts are counted. Prints "ok" last.
import _spindle


def names(fn):
    return _spindle.code_instructions(fn)


def has(fn, op):
    return op in names(fn)


def deopts(head, member):
    return _spindle.stats()["families"][head]["deopts"][member]


def check(cond, what):
    if not cond:
        raise AssertionError(what)


assert _spindle.specialization_enabled()
assert _spindle.stats() is not None, "run with -X pystats"

# --- LOAD_GLOBAL: module and builtin, guarded by keys versions --------------
G = 1
def load_globals():
    return G + len("ab")
for _ in range(3):
    load_globals()
check(has(load_globals, "LOAD_GLOBAL_MODULE") and has(load_globals, "LOAD_GLOBAL_BUILTIN"), names(load_globals))
before = deopts("LOAD_GLOBAL", "LOAD_GLOBAL_MODULE")
globals()["NEW_KEY"] = 0               # a new key: the globals' keys version changes
check(load_globals() == 3, "value after a new global")
check(deopts("LOAD_GLOBAL", "LOAD_GLOBAL_MODULE") == before + 1, "LOAD_GLOBAL_MODULE deopts on a new key")
G = 5                                   # a value replaced: no deopt needed
check(load_globals() == 7, "rebound global read through the cache")

# --- BINARY_OP / COMPARE_OP -------------------------------------------------
def arith(a, b):
    return a + b, a - b, a * b, a < b
for _ in range(3):
    arith(2, 3)
for op in ("BINARY_OP_ADD_INT", "BINARY_OP_SUBTRACT_INT", "BINARY_OP_MULTIPLY_INT", "COMPARE_OP_INT"):
    check(has(arith, op), (op, names(arith)))
before = deopts("BINARY_OP", "BINARY_OP_ADD_INT")
check(arith(1.5, 2.0) == (3.5, -0.5, 3.0, True), "floats through int-specialized code")
check(deopts("BINARY_OP", "BINARY_OP_ADD_INT") == before + 1, "BINARY_OP_ADD_INT deopts on floats")
check(arith(2**62, 2**62) == (2**63, 0, 2**124, False), "overflow leaves the word")
def farith(a, b):
    return a + b, a - b, a * b, a < b
for _ in range(3):
    farith(1.0, 2.0)
for op in ("BINARY_OP_ADD_FLOAT", "BINARY_OP_SUBTRACT_FLOAT", "BINARY_OP_MULTIPLY_FLOAT", "COMPARE_OP_FLOAT"):
    check(has(farith, op), (op, names(farith)))
def streq(a, b):
    return a == b
for _ in range(3):
    streq("a", "b")
check(has(streq, "COMPARE_OP_STR"), names(streq))

# --- LOAD_ATTR / STORE_ATTR on instances --------------------------------------
class C:
    def __init__(self):
        self.x = 1
    def m(self):
        return self.x
def attrs(o):
    o.x = o.x + 1
    return o.m()
c = C()
for _ in range(3):
    attrs(c)
for op in ("LOAD_ATTR_INSTANCE_VALUE", "STORE_ATTR_INSTANCE_VALUE", "LOAD_ATTR_METHOD_WITH_VALUES"):
    check(has(attrs, op), (op, names(attrs)))
v = _spindle.type_version(C)
check(v != 0, "a specialized-on class has a version")
before = deopts("LOAD_ATTR", "LOAD_ATTR_METHOD_WITH_VALUES")
C.m = lambda self: -self.x              # a class attribute assigned: new version
check(_spindle.type_version(C) != v, "assigning a class attribute changes the version")
check(attrs(c) == -5, "the new method is called")
check(deopts("LOAD_ATTR", "LOAD_ATTR_METHOD_WITH_VALUES") == before + 1, "method load deopts on a class change")
class Slots:
    __slots__ = ("a",)
    def get(self):
        return 7
def slot_method(o):
    return o.get()
for _ in range(3):
    slot_method(Slots())
check(has(slot_method, "LOAD_ATTR_METHOD_NO_DICT"), names(slot_method))

# __class__ assignment: the type version guard sees another type
class D:
    def __init__(self):
        self.x = 10
    def m(self):
        return "D"
def method_of(o):
    return o.m()
c2 = C()
for _ in range(3):
    method_of(c2)
before = deopts("LOAD_ATTR", "LOAD_ATTR_METHOD_WITH_VALUES")
c2.__class__ = D
check(method_of(c2) == "D", "__class__ assignment")
check(deopts("LOAD_ATTR", "LOAD_ATTR_METHOD_WITH_VALUES") == before + 1, "deopt after __class__ assignment")

# __getattr__ added: new version; the site cannot specialize again
class E:
    def __init__(self):
        self.a = 1
def get_a(o):
    return o.a
e = E()
for _ in range(3):
    get_a(e)
check(has(get_a, "LOAD_ATTR_INSTANCE_VALUE"), names(get_a))
E.__getattr__ = lambda self, name: 99
for _ in range(80):                     # past the cool-down: specialization is tried again and fails
    check(get_a(e) == 1, "__getattr__ class")
check(not has(get_a, "LOAD_ATTR_INSTANCE_VALUE"), names(get_a))
check(_spindle.stats()["families"]["LOAD_ATTR"]["failures"].get("overridden", 0) >= 1, "failure reason counted")

# --- CALL: Python functions, guarded by the function version ---------------
def add(a, b):
    return a + b
def calls(x):
    return add(x, 1)
for _ in range(3):
    calls(1)
check(has(calls, "CALL_PY_EXACT_ARGS"), names(calls))
fv = _spindle.function_version(add)
check(fv != 0 and _spindle.function_from_version(fv) is add, "function version cache")
before = deopts("CALL", "CALL_PY_EXACT_ARGS")
def mul(a, b):
    return a * b
add.__code__ = mul.__code__             # the version is gone for good
check(_spindle.function_version(add) == 0, "__code__ clears the version")
check(_spindle.function_from_version(fv) is None, "the cache forgets the function")
check(_spindle.code_from_version(fv) is not None, "the cache keeps the code")
check(calls(5) == 5, "the new code runs")
check(deopts("CALL", "CALL_PY_EXACT_ARGS") == before + 1, "CALL deopts on a cleared version")
add.__annotations__ = {"a": int}        # not critical: nothing else changes
def k(a, b=2):
    return a + b
kv = _spindle.function_version(k)
k.__annotations__ = {}
check(_spindle.function_version(k) == kv, "__annotations__ keeps the version")
k.__defaults__ = (3,)
check(_spindle.function_version(k) == 0, "__defaults__ clears the version")
k.__defaults__ = (4,)
check(_spindle.function_version(k) == 0, "a cleared version is never given again")
k2 = lambda: 0
k2.__kwdefaults__ = {}
check(_spindle.function_version(k2) == 0, "__kwdefaults__ clears the version")
versions = [_spindle.function_version(f) for f in (lambda: 1, lambda: 2, lambda: 3)]
check(versions[0] < versions[1] < versions[2], "versions come from one counter")
# Functions made from one code object share its version (CPython 3.12+):
# a CALL of a closure or genexpr made afresh each time stays specialized.
def make(i):
    def inner():
        return i
    return inner
shared = [_spindle.function_version(make(i)) for i in range(3)]
check(shared[0] > versions[2] and shared[0] == shared[1] == shared[2], "closures of one code share its version")
def call_fresh(n):
    t = 0
    for i in range(n):
        t += make(i)()
    return t
call_fresh(3)
check(has(call_fresh, "CALL_PY_EXACT_ARGS"), names(call_fresh))
before = deopts("CALL", "CALL_PY_EXACT_ARGS")
check(call_fresh(100) == 4950, "fresh closures return their own cell")
check(deopts("CALL", "CALL_PY_EXACT_ARGS") == before, "a fresh closure of the same code passes the version guard")
g1 = make(1)
g2 = make(2)
check(_spindle.function_from_version(shared[0]) is g2, "the cache holds the latest function of the version")
del g1
check(_spindle.function_from_version(shared[0]) is g2, "another function's death keeps the entry")
del g2
check(_spindle.function_from_version(shared[0]) is None and _spindle.code_from_version(shared[0]) is not None,
      "the last one's death forgets the function, not the code")

# --- the other implemented forms: each specializes where it should ----------
import math


class Sl:
    __slots__ = ("a",)
    def __init__(self):
        self.a = 1


class Cls:
    attr = 5


class NoDict:
    __slots__ = ()
    plain = 7


def forms(lst, tup, d, st, s, sl, nd):
    out = 0
    for x in lst:
        out += x
    for x in tup:
        out += x
    for i in range(2):
        out += lst[i] + tup[i] + d["k"]
    lst[0] = 1
    d["k"] = 2
    if lst and s and out and nd:
        out += 1
    a, b = tup
    c, e, f = lst
    out += (3 in st) + ("k" in d)
    out += len(lst) + abs(-1) + math.floor(1.5)
    lst.append(1)
    lst.pop()
    s = s + "x"
    s = "".join([s])
    out += isinstance(s, str)
    out += math.pi > 3.0
    sl.a = 2
    out += sl.a + Cls.attr + nd.plain
    return out, type(s), s.upper()


args = ([1, 2, 3], (4, 5), {"k": 1}, {3}, "s", Sl(), NoDict())
for _ in range(3):
    forms(*args)
expected = {"FOR_ITER_LIST", "FOR_ITER_TUPLE", "FOR_ITER_RANGE", "BINARY_SUBSCR_LIST_INT", "BINARY_SUBSCR_TUPLE_INT",
            "BINARY_SUBSCR_DICT", "STORE_SUBSCR_LIST_INT", "STORE_SUBSCR_DICT", "TO_BOOL_LIST", "TO_BOOL_STR",
            "TO_BOOL_INT", "TO_BOOL_ALWAYS_TRUE", "UNPACK_SEQUENCE_TWO_TUPLE", "UNPACK_SEQUENCE_LIST", "CONTAINS_OP_SET",
            "CONTAINS_OP_DICT", "CALL_BUILTIN_O", "CALL_LEN", "CALL_ISINSTANCE", "CALL_LIST_APPEND", "CALL_METHOD_DESCRIPTOR_O", "CALL_METHOD_DESCRIPTOR_FAST",
            "CALL_METHOD_DESCRIPTOR_NOARGS", "BINARY_OP_ADD_UNICODE", "LOAD_ATTR_MODULE", "STORE_ATTR_SLOT",
            "LOAD_ATTR_SLOT", "LOAD_ATTR_CLASS", "LOAD_ATTR_NONDESCRIPTOR_NO_DICT", "CALL_TYPE_1", "COMPARE_OP_FLOAT"}
missing = expected - set(names(forms))
check(not missing, ("not specialized", sorted(missing), names(forms)))
class Bound:
    def m(self, a):
        return a
def call_bound(f):
    return f(1)
bm = Bound().m
for _ in range(3):
    call_bound(bm)
check(has(call_bound, "CALL_BOUND_METHOD_EXACT_ARGS"), names(call_bound))

# --- numbers beyond CPython 3.11's forms: int // and %, float arithmetic with int operands ---
def divmod_ints(a, b):
    return a // b, a % b
def mixed(x, i):
    return x * i, i / 2, x < i
for i in range(3):
    divmod_ints(17, 5)
    mixed(1.5, 3)
def bitwise(a, b):
    return a & b, a | b, a ^ b, a << 2, a >> 1
for i in range(3):
    bitwise(12, 10)
check(names(bitwise).count("BINARY_OP_BITWISE_INT") == 5, names(bitwise))
for op in ("BINARY_OP_FLOOR_DIVIDE_INT", "BINARY_OP_REMAINDER_INT"):
    check(has(divmod_ints, op), (op, names(divmod_ints)))
check(names(mixed).count("BINARY_OP_FLOAT_ARITH") == 2 and has(mixed, "COMPARE_OP_FLOAT"), names(mixed))
before = deopts("BINARY_OP", "BINARY_OP_FLOAT_ARITH")
check(mixed(1.5, 2**60) == (1.5 * 2**60, 2**59, True), "an int beyond 53 bits takes the generic path")
check(deopts("BINARY_OP", "BINARY_OP_FLOAT_ARITH") == before + 2, "and deoptimizes")

# --- FOR_ITER_GEN and SEND_GEN ----------------------------------------------
def counter(n):
    for i in range(n):
        yield i
def over_gen():
    return sum(x for x in counter(3)) + sum([x for x in counter(2)])
def delegate():
    yield from counter(2)
for _ in range(3):
    over_gen()
    list(delegate())
check(has(over_gen, "FOR_ITER_GEN") or any(
    "FOR_ITER_GEN" in names(c) for c in over_gen.__code__.co_consts if hasattr(c, "co_code")), names(over_gen))
check(has(delegate, "SEND_GEN"), names(delegate))

# --- str[i], str(x), tuple(x), builtin classes ------------------------------
def conversions(s, x):
    return s[1], str(x), tuple(s), int(x), float(x)
for _ in range(3):
    conversions("ab", 3)
for op in ("BINARY_SUBSCR_STR_INT", "CALL_STR_1", "CALL_TUPLE_1", "CALL_BUILTIN_CLASS"):
    check(has(conversions, op), (op, names(conversions)))

# --- LOAD_ATTR_PROPERTY: type version and the getter's function version ----
class Prop:
    @property
    def v(self):
        return 1
def read_v(o):
    return o.v
for _ in range(3):
    read_v(Prop())
check(has(read_v, "LOAD_ATTR_PROPERTY"), names(read_v))
before = deopts("LOAD_ATTR", "LOAD_ATTR_PROPERTY")
Prop.v.fget.__code__ = (lambda self: 2).__code__
check(read_v(Prop()) == 2, "the getter's new code runs")
check(deopts("LOAD_ATTR", "LOAD_ATTR_PROPERTY") == before + 1, "replacing the getter's code deoptimizes")

# --- BINARY_OP_INPLACE_ADD_UNICODE: s += t stored back to s -----------------
def appender(n):
    s = ""
    for i in range(n):
        s += "x"
    return s
check(appender(50) == "x" * 50, "appends")
check(has(appender, "BINARY_OP_INPLACE_ADD_UNICODE"), names(appender))

# --- LOAD_ATTR_WITH_HINT / STORE_ATTR_WITH_HINT: an instance's own dict -----
class Roomy(Exception):   # instances of builtin subclasses keep a real dict
    pass
def roomy():
    r = Roomy()
    r.f1 = 1
    return r
def bump(r):
    r.f1 = r.f1 + 1
r = roomy()
for _ in range(3):
    bump(r)
check(r.f1 == 4, "bumped")
check(has(bump, "LOAD_ATTR_WITH_HINT") and has(bump, "STORE_ATTR_WITH_HINT"), names(bump))

# --- LOAD_SUPER_ATTR_METHOD / _ATTR ------------------------------------------
class SBase:
    x = 1
    def m(self):
        return 2
class SChild(SBase):
    def m(self):
        return super().m() + super().x
sc = SChild()
for _ in range(3):
    sc.m()
check(has(SChild.m, "LOAD_SUPER_ATTR_METHOD") and has(SChild.m, "LOAD_SUPER_ATTR_ATTR"), names(SChild.m))

# --- CALL_ALLOC_AND_ENTER_INIT: guarded by the class's type version ---------
class Pt:
    def __init__(self, x):
        self.x = x
def make_pt(i):
    return Pt(i)
for i in range(3):
    make_pt(i)
check(has(make_pt, "CALL_ALLOC_AND_ENTER_INIT"), names(make_pt))
before = deopts("CALL", "CALL_ALLOC_AND_ENTER_INIT")
Pt.__init__ = lambda self, x: setattr(self, "x", -x)
check(make_pt(4).x == -4, "the replaced __init__ runs")
check(deopts("CALL", "CALL_ALLOC_AND_ENTER_INIT") == before + 1, "a class change deoptimizes the instantiation")
class WithNew:
    def __new__(cls, x):
        return object.__new__(cls)
    def __init__(self, x):
        self.x = x
def make_wn(i):
    return WithNew(i)
for i in range(3):
    make_wn(i)
check(not has(make_wn, "CALL_ALLOC_AND_ENTER_INIT"), ("a __new__ keeps the generic call", names(make_wn)))

# --- CALL_PY_INSTANCE: an instance's Python __call__, guarded by the class's version
class Scale:
    def __init__(self, k):
        self.k = k
    def __call__(self, u):
        return u * self.k
sc3 = Scale(3)
def apply_scale(i):
    return sc3(i)
for i in range(3):
    apply_scale(i)
check(has(apply_scale, "CALL_PY_INSTANCE"), names(apply_scale))
check(apply_scale(5) == 15, "the instance's __call__ runs with it as self")
before = deopts("CALL", "CALL_PY_INSTANCE")
sc3.__call__ = lambda u: 0              # an instance attribute is not the special method
check(apply_scale(5) == 15 and deopts("CALL", "CALL_PY_INSTANCE") == before, "instance __call__ ignored")
Scale.__call__ = lambda self, u: -u
check(apply_scale(5) == -5, "the replaced __call__ runs")
check(deopts("CALL", "CALL_PY_INSTANCE") == before + 1, "a class change deoptimizes the call")
class Meta(type):
    def __call__(cls, x):
        return (cls.__name__, x)
class Made(metaclass=Meta):
    pass
def make_made(i):
    return Made(i)
for i in range(3):
    make_made(i)
check(has(make_made, "CALL_PY_INSTANCE") and make_made(7) == ("Made", 7), names(make_made))

# --- LOAD_ATTR_POLY: a site that sees several classes ------------------------
class PA:
    kind = "a"
    def __init__(self, v):
        self.v = v
    def get(self):
        return ("A", self.v)
class PB(PA):
    kind = "b"
    def get(self):
        return ("B", self.v)
class PC:
    kind = "c"
    def __init__(self, v):
        self.v = v
    def get(self):
        return ("C", self.v)
class PS:
    __slots__ = ("v",)
    kind = "s"
    def __init__(self, v):
        self.v = v
    def get(self):
        return ("S", self.v)
poly_objs = [PA(1), PB(2), PC(3)]
def poly_loads(objs):
    out = []
    for o in objs:
        out.append((o.v, o.get(), o.kind))
    return out
def poly_run(objs, n):
    out = None
    for _ in range(n):
        out = poly_loads(objs)
    return out
expect = [(1, ("A", 1), "a"), (2, ("B", 2), "b"), (3, ("C", 3), "c")]
check(poly_run(poly_objs, 200) == expect, "polymorphic loads")
check(has(poly_loads, "LOAD_ATTR_POLY"), names(poly_loads))
before = deopts("LOAD_ATTR", "LOAD_ATTR_POLY")
check(poly_run(poly_objs, 50) == expect and deopts("LOAD_ATTR", "LOAD_ATTR_POLY") == before,
      "every class of the site is served without a deopt")
PB.get = lambda self: ("B2", self.v)         # a class change: its entries never match again
PC.kind = "c2"
check(poly_loads(poly_objs) == [(1, ("A", 1), "a"), (2, ("B2", 2), "b"), (3, ("C", 3), "c2")], "class changes seen")
poly_objs[0].get = lambda: "own"              # an instance attribute now shadows the method
poly_objs[0].kind = "own kind"
check(poly_loads(poly_objs)[0] == (1, "own", "own kind"), "a new instance attribute shadows the class's")
del poly_objs[0].v
try:
    poly_loads(poly_objs)
    check(False, "a deleted attribute raises")
except AttributeError as e:
    check("'v'" in str(e), str(e))
poly_objs[0].v = 7
poly_objs.append(PS(4))                       # a __slots__ class: another kind, the site deoptimizes
check(poly_run(poly_objs, 100)[3] == (4, ("S", 4), "s"), "a slots instance at a polymorphic site")
class PD(PA):
    def __getattribute__(self, name):
        return (lambda: "called") if name == "get" else "intercepted"
check(poly_loads([PD(5)]) == [("intercepted", "called", "intercepted")], "__getattribute__ at a polymorphic site")

# --- LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN: a Python __getattribute__, no __getattr__
class GA:
    def __getattribute__(self, name):
        return "ga:" + name
ga = GA()
def ga_load(o):
    return o.anything
for _ in range(3):
    ga_load(ga)
check(has(ga_load, "LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN"), names(ga_load))
check(ga_load(ga) == "ga:anything", "__getattribute__ runs with the name")
before = deopts("LOAD_ATTR", "LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN")
GA.__getattribute__ = lambda self, name: "new:" + name
check(ga_load(ga) == "new:anything", "the replaced __getattribute__ runs")
check(deopts("LOAD_ATTR", "LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN") == before + 1, "a class change deoptimizes")
for _ in range(60):
    ga_load(ga)
getattribute_fn = GA.__getattribute__
before = deopts("LOAD_ATTR", "LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN")
getattribute_fn.__code__ = (lambda self, name: "code:" + name).__code__
check(ga_load(ga) == "code:anything", "the new code runs")
check(deopts("LOAD_ATTR", "LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN") == before + 1, "a cleared function version deoptimizes")
class GAFallback:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return "fallback"
def fallback_load(o):
    return o.anything
for _ in range(3):
    fallback_load(GAFallback())
check(not has(fallback_load, "LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN") and fallback_load(GAFallback()) == "fallback",
      ("__getattr__ keeps the generic load", names(fallback_load)))

print("ok")

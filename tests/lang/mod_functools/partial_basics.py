# functools.partial: attributes, calls, keyword merging, flattening, repr.
import functools
from functools import partial

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def f(*args, **kw):
    return args, kw

p = partial(f, 1, 2, a=3)
print(p(3, b=4), p(a=10), p.func is f, p.args, p.keywords)
print(repr(partial(max, 3, key=abs))[:40], repr(partial(len)))
print(repr(partial(f, "x", [1], k={"a": 1})).split(" at ")[0])
q = partial(p, 4, b=5)
print(q.func is f, q.args, q.keywords, q())
print(partial(partial(partial(f, 1), 2), 3).args)
print(partial(int, base=2)("1010"), partial(int, "12")(), partial(sorted, reverse=True)([2, 3, 1]))
print(type(p).__name__, type(p).__module__, isinstance(p, partial), callable(p))
show(lambda: partial())
show(lambda: partial(1))
show(lambda: setattr(p, "func", len))
show(lambda: setattr(p, "args", ()))
p.attr = "user value"
print(p.attr, p.__dict__)
r = partial(p, 9)
print(r.func is p, r.args)

class MyPartial(partial):
    pass
mp = MyPartial(f, 1)
print(repr(mp).split("(")[0], mp(2), type(MyPartial(mp, 3).func).__name__)
print(partial(mp, 5).func is f)

class A:
    meth = partial(f, "bound?")
print(A().meth(1))
print(type(partial[int]).__name__)

rec = partial(f)
rec2 = partial(f, rec)
print(repr(rec2).count("functools.partial"))
show(lambda: partial(f, x=1)(x=2))
show(lambda: partial(lambda a: a, 1)(2))

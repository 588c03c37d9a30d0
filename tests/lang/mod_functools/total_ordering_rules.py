# total_ordering: the chosen root, derived methods, NotImplemented handling.
from functools import total_ordering

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def make(root):
    ns = {"__init__": lambda self, v: setattr(self, "v", v),
          "__eq__": lambda self, o: self.v == o.v if isinstance(o, type(self)) else NotImplemented}
    ops = {"__lt__": lambda s, o: s.v < o.v if isinstance(o, type(s)) else NotImplemented,
           "__le__": lambda s, o: s.v <= o.v if isinstance(o, type(s)) else NotImplemented,
           "__gt__": lambda s, o: s.v > o.v if isinstance(o, type(s)) else NotImplemented,
           "__ge__": lambda s, o: s.v >= o.v if isinstance(o, type(s)) else NotImplemented}
    ns[root] = ops[root]
    return total_ordering(type("T" + root.strip("_"), (), ns))

for root in ["__lt__", "__le__", "__gt__", "__ge__"]:
    T = make(root)
    a, b, c = T(1), T(2), T(1)
    print(root, [a < b, a <= b, a > b, a >= b, a <= c, a >= c, b < a, b > a, a < c, a > c])
    print(sorted(n for n in ("__lt__", "__le__", "__gt__", "__ge__") if n in T.__dict__))
    print(T.__dict__[[n for n in ("__gt__", "__lt__") if n != root][0]].__name__)
    show(lambda: a < 1)
    show(lambda: a >= "x")

@total_ordering
class Both:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __gt__(self, other):
        return self.v > other.v
    def __le__(self, other):
        return self.v <= other.v
print(Both(1) < Both(2), Both(2) >= Both(2), sorted(k for k in Both.__dict__ if k[:2] == "__" and k[2:4] in ("lt", "le", "gt", "ge")))

show(lambda: total_ordering(type("Empty", (), {})))
@total_ordering
class FromInt(int):
    pass
print(FromInt(1) < FromInt(2), "__gt__" in FromInt.__dict__)

@total_ordering
class Odd:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return "yes" if self.v < other.v else ""
    def __eq__(self, other):
        return self.v == other.v
print(repr(Odd(1) <= Odd(2)), repr(Odd(2) <= Odd(2)), repr(Odd(3) <= Odd(2)), repr(Odd(1) > Odd(2)), repr(Odd(1) >= Odd(2)))

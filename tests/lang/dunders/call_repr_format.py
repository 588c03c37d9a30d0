class F:
    def __call__(self, *a, **k): return ("called", a, k)
    def __repr__(self): return "F()"
    def __str__(self): return "an F"
    def __format__(self, spec): return f"F[{spec}]"
f = F()
print(f(1, x=2), repr(f), str(f), f"{f}", f"{f:abc}", format(f, "z"), [f], "%s %r" % (f, f))
class R:
    def __repr__(self): return "R!"
print(str(R()), R(), [R()], f"{R()!r}")

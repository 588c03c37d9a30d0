def trace(f):
    def wrapper(*a, **k):
        print("call", f.__name__, a, k)
        r = f(*a, **k)
        print("ret", r)
        return r
    return wrapper
@trace
def add(a, b=0): return a + b
add(1, b=2)
def repeat(n):
    def deco(f):
        def w(*a):
            return [f(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(x): return "hi " + x
print(hi("bob"))
def d1(f): return lambda: "d1(" + f() + ")"
def d2(f): return lambda: "d2(" + f() + ")"
@d1
@d2
def base(): return "base"
print(base())
@lambda c: c
class K: pass
print(K.__name__)

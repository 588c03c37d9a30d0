import weakref, gc
class C:
    pass
c = C()
r = weakref.ref(c)
print(r() is c, weakref.ref(c) is r, weakref.getweakrefcount(c))
log = []
r2 = weakref.ref(c, lambda w: log.append(('cb', w is r2)))
print(weakref.getweakrefcount(c), r2 is not r, r2.__callback__ is not None)
del c
print(r(), r2(), log)
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
def f(): pass
rf = weakref.ref(f)
print(rf() is f)
del f
print(rf())
# GC integration
class N: pass
def cyc():
    a = N(); a.me = a
    return weakref.ref(a, lambda w: log.append('gc cb'))
w = cyc()
print(w() is not None)
gc.collect()
print(w(), log)
# proxy
class P:
    def __init__(self): self.x = 5
    def m(self): return 'm'
p = P()
px = weakref.proxy(p)
print(px.x, px.m())
px.y = 3
print(p.y)
del p
try:
    px.x
except ReferenceError as e:
    print('ReferenceError', e)
# hash/eq
k = C()
a1 = weakref.ref(k); a2 = weakref.ref(k, lambda w: None)
print(a1 == a2, hash(a1) == hash(k))
del k
print(a1 == a2)
print(type(a1).__name__, weakref.ReferenceType is weakref.ref)
class D: pass
d = D()
print(d.__weakref__ is None)
rd = weakref.ref(d)
print(d.__weakref__ is rd)
# class weakrefs
def mk():
    class T: pass
    return weakref.ref(T)
wt = mk()
gc.collect()
print(wt())

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
q = P(3, 4)
print(p.x, p.y, q.x, q.y)
q.z = 5
print(vars(q), vars(p))
del p.x
print(p.__dict__)
p.x = 10
print(p.__dict__, list(p.__dict__))
p.__dict__['w'] = 7
print(p.w, p.__dict__)
del p.__dict__['y']
print(p.__dict__)
try:
    del p.nope
except AttributeError as e:
    print(e)
try:
    p.nope
except AttributeError as e:
    print(e)
class M:
    pass
objs = [M() for _ in range(3)]
for i, o in enumerate(objs):
    for j in range(40):
        setattr(o, f"a{(j * 7 + i) % 40}", j)
print([sorted(vars(o).items())[:3] for o in objs])
print(list(vars(objs[1]))[:5])
o = M()
o.b = 1; o.a = 2
print(vars(o))
o.__dict__ = {'q': 1}
print(o.q, vars(o))
class N:
    pass
n = N(); n.x = 1
n.__class__ = M
print(n.x, vars(n))
class K(str): pass
m = M()
m.__dict__[K('kk')] = 3
print(m.kk, m.__dict__)
setattr(m, 'ee', 4)
print(m.__dict__ == {'kk': 3, 'ee': 4}, m.__dict__.copy(), dict(m.__dict__), {**m.__dict__})
d = M().__dict__
d[1] = 2
print(d)
class S:
    def meth(self): return 'cls'
s = S()
s.meth = lambda: 'inst'
print(s.meth())
del s.meth
print(s.meth())
import sys
class A: pass
a = A(); a.x = 1; a.y = 2
print(a.__dict__.pop('x'), a.__dict__, a.__dict__.popitem(), a.__dict__)
a.z = 1; a.__dict__.clear(); a.q = 3; print(vars(a))
a.__dict__.update(r=1, s=2); print(vars(a), 'r' in a.__dict__, a.__dict__.get('s'), repr(a.__dict__))
a.__dict__.setdefault('t', 9); print(a.t, list(reversed(a.__dict__)))
for k, v in a.__dict__.items(): print(k, v)
print(set(a.__dict__) == {'q','r','s','t'}, a.__dict__ == {'q':3,'r':1,'s':2,'t':9})
try:
    for k in a.__dict__: a.new = 1
except RuntimeError as e: print(e)
# The dict object is stable once asked for, and may be shared.
o1, o2 = A(), A()
o1.v = 1
d1 = o1.__dict__
print(d1 is o1.__dict__, vars(o1) is d1)
o2.__dict__ = d1
o2.w = 2
print(vars(o1), o1.w, o2.v)
# Slots with __dict__, __getattr__ fallbacks, many attributes.
class WS:
    __slots__ = ('s', '__dict__')
ws = WS(); ws.s = 1; ws.t = 2
print(ws.s, ws.t, vars(ws))
class GA:
    def __getattr__(self, name): return 'missing:' + name
g = GA(); g.here = 1
print(g.here, g.there)
class Many: pass
big = Many()
for i in range(100):
    setattr(big, 'k%d' % (i * 37 % 100), i)
print(len(vars(big)), list(vars(big))[:4], big.k37, big.k0)
for i in range(0, 100, 3):
    delattr(big, 'k%d' % i)
print(len(vars(big)), sorted(vars(big))[:5])
small = Many(); small.a = 1
print(vars(small))
# An attribute stored under a str subclass key, found by equal plain str.
class Key(str):
    pass
k = Many()
setattr(k, Key('name'), 'v1')
print(k.name, vars(k))
k.__dict__[Key('other')] = 'v2'
print(k.other, getattr(k, 'other'))
# Deleting all then re-adding keeps insertion order of the new adds.
e = Many(); e.a = 1; e.b = 2; e.c = 3
del e.a, e.b, e.c
e.c = 30; e.a = 10
print(vars(e), len(vars(e)))

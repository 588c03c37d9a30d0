# WeakSet: add/discard/remove/pop, membership and items vanishing.
import weakref


class I:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'I(%d)' % self.n


a, b, c = I(1), I(2), I(3)
s = weakref.WeakSet([a, b])
print(len(s), a in s, c in s, 5 in s, sorted(x.n for x in s))
s.add(c)
s.add(c)
print(len(s))
s.discard(c)
s.discard(c)
print(len(s), c in s)
try:
    s.remove(c)
except KeyError:
    print('KeyError')
s.remove(b)
print(len(s))
try:
    s.add(5)
except TypeError as e:
    print('TypeError', e)
s.update([b, c])
print(sorted(x.n for x in s))
del b
print(len(s), sorted(x.n for x in s))
x = s.pop()
print(x.n in (1, 3), len(s))
del x
s.clear()
print(len(s), list(s), bool(s))
try:
    s.pop()
except KeyError as e:
    print('KeyError', e)
t = weakref.WeakSet()
t.add(a)
cp = t.copy()
print(type(cp).__name__, len(cp), a in cp, cp == t, cp is t)
print(t == {a}, t != weakref.WeakSet())
try:
    hash(t)
except TypeError as e:
    print('TypeError', e)
del a
print(len(t), len(cp))

# WeakMethod: bound methods held weakly, callbacks, equality and errors.
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def get(self):
        return self.n

    def other(self):
        return -self.n


c = C(5)
wm = weakref.WeakMethod(c.get)
print(isinstance(wm, weakref.ref), type(wm).__name__)
m = wm()
print(m(), m == c.get, m.__self__ is c)
print(wm == weakref.WeakMethod(c.get), wm != weakref.WeakMethod(c.get), wm == weakref.WeakMethod(c.other))
print(hash(wm) == hash(weakref.WeakMethod(c.get)))
print(wm == 5, wm != 'x')
log = []
wm2 = weakref.WeakMethod(c.other, lambda r: log.append(('dead', r is wm2)))
print(wm2()())
del c, m
print(wm(), wm2(), log)
for bad in [len, 5, C.get]:
    try:
        weakref.WeakMethod(bad)
    except TypeError as e:
        print('TypeError', e)
d = C(1)
wa = weakref.WeakMethod(d.get)
wb = weakref.WeakMethod(d.get)
del d
print(wa == wb, wa == wa, wa != wb)


class Sub(weakref.WeakMethod):
    pass


e = C(9)
s = Sub(e.get)
print(type(s).__name__, s()(), isinstance(s, weakref.WeakMethod))

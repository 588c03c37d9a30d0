# set and frozenset instances (and set subclasses) support weak references.
import weakref, gc
s = {1, 2}
r = weakref.ref(s)
print(r() is s, weakref.getweakrefcount(s))
fs = frozenset([3])
log = []
r2 = weakref.ref(fs, lambda x: log.append('fs dead'))
del s, fs
print(r(), r2(), log)
class S(set): pass
x = S([1])
rx = weakref.ref(x)
del x
print(rx())
ws = weakref.WeakSet()
a = {5}
ws.add(frozenset([1]))
print(len(ws))
d = weakref.WeakValueDictionary()
d[1] = a
print(len(d)); del a; print(len(d))
k = weakref.WeakKeyDictionary()
fk = frozenset('ab')
k[fk] = 1
print(len(k), k[frozenset('ab')]); del fk; print(len(k))

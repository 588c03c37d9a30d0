# WeakKeyDictionary: keys held weakly, mapping methods, keyrefs.
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'K(%d)' % self.n


k1, k2, k3 = K(1), K(2), K(3)
d = weakref.WeakKeyDictionary({k1: 'one'})
d[k2] = 'two'
d[k3] = 'three'
print(len(d), d[k1], d[k2], k1 in d, K(9) in d, 5 in d, 'x' in d)
print(sorted(d.values()), sorted(d.keys(), key=lambda k: k.n))
print(sorted(d.items(), key=lambda kv: kv[0].n))
del k1
print(len(d), sorted(d.values()))
print(d.get(k2), d.get(K(7)), d.get(K(7), 'dflt'))
print(d.setdefault(k2, 'x'), d.setdefault(K(10), 'y'), len(d))
print(d.pop(k3), len(d), d.pop(k3, 'none'))
del k3
print(len(d))
refs = d.keyrefs()
print(len(refs), [r() for r in refs])
d2 = d.copy()
print(type(d2).__name__, list(d2.items()))
d[k2] = 'TWO'
print(d[k2], d2[k2])
del d[k2]
print(len(d), k2 in d)
try:
    d[5] = 1
except TypeError as e:
    print('TypeError', e)
try:
    d[5]
except TypeError as e:
    print('TypeError', e)
k4 = K(4)
d.update([(k4, 4)])
d.update({k2: 2})
print(sorted(v for v in d.values()))
print(d.popitem()[1] in (2, 4), len(d))
print(repr(d).startswith('<WeakKeyDictionary at 0x'))
try:
    weakref.WeakKeyDictionary().popitem()
except KeyError as e:
    print('KeyError', e)
del k2, k4
print(len(d), len(d2))

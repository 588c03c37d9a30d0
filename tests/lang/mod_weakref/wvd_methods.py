# WeakValueDictionary: pop, popitem, setdefault, update, copy, valuerefs, |.
import weakref


class O:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'O(%d)' % self.n


objs = [O(i) for i in range(5)]
d = weakref.WeakValueDictionary({i: objs[i] for i in range(3)})
print(sorted(d.items(), key=lambda kv: kv[0]))
print(d.pop(0), len(d), d.pop(0, 'gone'))
try:
    d.pop(0)
except KeyError as e:
    print('KeyError', e)
print(d.setdefault(1, objs[4]), d.setdefault(9, objs[4]), d[9])
d.update({5: objs[3]}, six=objs[2])
d.update([(7, objs[1])])
print(sorted(map(str, d.keys())))
k, v = d.popitem()
print(k, v, k in d)
c = d.copy()
print(type(c).__name__, sorted(map(str, c)) == sorted(map(str, d)), c is d)
refs = d.valuerefs()
print(len(refs), all(isinstance(r, weakref.ref) for r in refs), sorted(r().n for r in refs))
print(sorted(map(str, (r.key for r in refs))) == sorted(map(str, d.keys())), all(isinstance(r, weakref.KeyedRef) for r in refs))
print(len(list(d.itervaluerefs())))
e = weakref.WeakValueDictionary()
try:
    e.popitem()
except KeyError as exc:
    print('KeyError', exc)
e[1] = objs[0]
u = e | {2: objs[1]}
print(type(u).__name__, sorted(u.keys()))
e |= {3: objs[2]}
print(sorted(e.keys()))
print((e | 5) if False else 'skip')
try:
    e | 5
except TypeError as exc:
    print('TypeError', exc)
e.clear()
print(len(e))
print(weakref.WeakValueDictionary(a=objs[0])['a'])

# WeakValueDictionary: mapping behaviour and entries vanishing with their values.
import weakref


class O:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'O(%d)' % self.n


d = weakref.WeakValueDictionary()
a, b, c = O(1), O(2), O(3)
d['a'] = a
d['b'] = b
d[3] = c
print(len(d), sorted(map(str, d)), d['a'], d[3])
print('a' in d, 'z' in d, 3 in d)
print(d.get('a'), d.get('zz'), d.get('zz', 'dflt'))
print(sorted(map(str, d.keys())), sorted(d.values(), key=lambda o: o.n))
print(sorted((str(k), v) for k, v in d.items()))
del a
print(len(d), 'a' in d, d.get('a'))
try:
    d['a']
except KeyError as e:
    print('KeyError', e)
d['b'] = c
print(d['b'], len(d))
del b
print(len(d))
del d['b']
print(len(d), list(d.keys()))
try:
    del d['nope']
except KeyError as e:
    print('KeyError', e)
try:
    d['x'] = 5
except TypeError as e:
    print('TypeError', e)
try:
    d[[1]] = c
except TypeError as e:
    print('TypeError', e)
print(repr(d).startswith('<WeakValueDictionary at 0x'), repr(d).endswith('>'))
print(type(d).__name__, type(d).__module__, bool(d))
del c
print(len(d), bool(d), list(d))

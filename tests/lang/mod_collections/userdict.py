# collections.UserDict: the dict wrapper and its overridable methods.
import collections
from collections import UserDict
import collections.abc as cabc

print(UserDict, UserDict.__mro__[1:3], issubclass(UserDict, cabc.MutableMapping))
d = UserDict({'a': 1}, b=2)
print(d, d.data, len(d), 'a' in d, 'z' in d, d['b'], list(d), d.get('q', 9))
d['c'] = 3
del d['a']
print(d, sorted(d.items()), list(d.keys()), list(d.values()))
try:
    d['nope']
except KeyError as e:
    print('KeyError', e)
try:
    del d['nope']
except KeyError as e:
    print('KeyError', e)
print(UserDict(), UserDict(None), UserDict([('x', 1)]), UserDict(dict=5), UserDict(self=1))
try:
    UserDict({}, {})
except TypeError as e:
    print('TypeError', e)

print(d | {'z': 0}, {'y': 1} | d, d | UserDict(q=1), type(d | {}).__name__)
print(d.__or__(5), d.__ror__([1]))
d |= {'n': 1}
d |= [('m', 2)]
print(d)
c = d.copy()
c['new'] = 1
print(c, d, type(c).__name__)
print(UserDict.fromkeys('ab'), UserDict.fromkeys([1, 2], 0))
print(d == {'b': 2, 'c': 3, 'n': 1, 'm': 2}, d != {}, d.pop('n'), d.setdefault('s', 5), d)
d.update({'u': 1}, v=2)
print(d.popitem(), len(d))
d.clear()
print(d, bool(d))


class Missing(UserDict):
    def __missing__(self, key):
        return 'missing ' + str(key)


m = Missing(a=1)
print(m['a'], m['zz'], 'zz' in m, m.get('zz'))


class Logged(UserDict):
    def __setitem__(self, key, value):
        print('set', key, value)
        super().__setitem__(key, value)


lg = Logged({'x': 1}, y=2)
lg2 = lg.copy()
print(type(lg2).__name__, lg2, lg2 is not lg, lg2.data is not lg.data)
lg3 = Logged.fromkeys('pq', 0)
print(lg3)
import copy
cp = copy.copy(lg)
print(cp, cp.data is not lg.data)
print(copy.deepcopy(UserDict(k=[1])))
print(collections.UserDict is UserDict, repr(UserDict(a=UserDict(b=1))))

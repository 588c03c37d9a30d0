# ChainMap: lookups through maps, writes to the first, new_child/parents, repr, order.
from collections import ChainMap

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
c = ChainMap(a, b)
print(c, ChainMap())
print(c['x'], c['y'], c['z'])
show(lambda: c['q'])
print(list(c), len(c), 'z' in c, 'q' in c)
print(c.get('q'), c.get('q', 5), c.get('y', 5))
print(c.maps, c.maps[0] is a)
print(c.new_child())
print(c.new_child({'n': 1}, k=2))
print(c.new_child(k=2))
print(c.new_child(m={'m': 0}))
print(c.parents, c.parents.parents)
c['w'] = 9
print(a, b)
show(lambda: c.__delitem__('z'))
show(lambda: c.pop('z'))
print(c.pop('z', 7), c.pop('w'), a)
show(lambda: ChainMap({}, {'a': 1}).popitem())
print(ChainMap({'k': 1}, {'a': 1}).popitem())
print(bool(ChainMap({}, {})), bool(ChainMap({}, {'a': 1})))
print(ChainMap({'a': 1}) == {'a': 1}, ChainMap({'a': 1}, {'b': 2}) == ChainMap({'b': 2, 'a': 1}))
print(ChainMap({'a': 1}) | {'b': 2}, {'b': 2} | ChainMap({'a': 1}))
show(lambda: ChainMap({}) | 3)
x = ChainMap({})
x |= {'a': 1}
print(x)
print(ChainMap.fromkeys('ab', 0), ChainMap.fromkeys('cd'))
cp = c.copy()
cp['new'] = 1
print(cp, 'new' in c, cp.maps[1] is b)
print(sorted(c.items()), sorted(c.keys()), sorted(c.values()))
print(list(c.items()), list(c.keys()), list(c.values()))
print(ChainMap({}).setdefault('k', 3))
d = ChainMap({'a': 1})
d['self'] = d
print(d)
show(lambda: hash(ChainMap()))

class M(ChainMap):
    pass

print(M({'a': 1}).new_child(), M({'a': 1}, {}).parents, type(M().copy()).__name__)
print(dict(ChainMap({'a': 1}, {'b': 2})))
e = ChainMap({'a': 1}, {'a': 2, 'b': 3})
e.clear()
print(e)
u = ChainMap({'a': 1})
u.update({'b': 2}, c=3)
print(u)
defaults = {'color': 'red', 'user': 'guest'}
args = {'user': 'admin'}
combined = ChainMap(args, {}, defaults)
print(combined['color'], combined['user'], list(combined))
print(ChainMap.__name__, ChainMap.__module__)

# defaultdict: factory, __missing__, repr, copy, |, errors.
from collections import defaultdict

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(d)
print(d['zz'], 'zz' in d, len(d))
print(d.get('missing'), 'missing' in d)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts)
print(sorted(counts.items()))
print(counts.default_factory, defaultdict().default_factory)
show(lambda: defaultdict(1))
show(lambda: defaultdict('x', {}))
show(lambda: defaultdict(None)[1])
show(lambda: defaultdict()[1])
print(defaultdict(None, {1: 2}), defaultdict(list, a=1), defaultdict())
print(defaultdict(list, [(1, 2)], b=3))
c = counts.copy()
print(type(c).__name__, c == counts, c is counts, c.default_factory)
print(counts.__copy__() == counts)
print(d.__missing__('new'), d['new'])
show(lambda: d.__missing__())
n = defaultdict(lambda: 'dflt')
print(n['q'], dict(n))
n.default_factory = None
show(lambda: n['r'])
n.default_factory = set
print(n['s'])
print(defaultdict(list, {1: 2}) | {3: 4})
print({1: 2} | defaultdict(list, {3: 4}))
print(type({1: 2} | defaultdict(list)).__name__)
x = defaultdict(int, a=1)
x |= {'b': 2}
print(x)
print(defaultdict(list, {1: 2}) == {1: 2}, isinstance(x, dict))
print(x.__reduce__()[:2])
dd = defaultdict()
dd[1] = dd
print(dd)

class Sub(defaultdict):
    pass

s = Sub(int)
s['k'] += 5
print(s, type(s.copy()).__name__)
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 1
print(dict(nested['a']), list(nested))
print(defaultdict.__name__, defaultdict.__module__)

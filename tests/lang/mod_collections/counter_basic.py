# Counter: construction, missing keys, most_common ties, elements, update/subtract, total, repr.
from collections import Counter

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

c = Counter('abracadabra')
print(c)
print(c['a'], c['zzz'], 'zzz' in c, len(c))
print(c.most_common(3))
print(c.most_common())
print(c.most_common(0), c.most_common(-1), c.most_common(100) == c.most_common())
print(c.most_common(n=1))
print(Counter(b=2, a=2, c=3), Counter(b=2, a=2, c=3).most_common())
print(Counter(a=1, b=2), Counter({'a': 1}, b=2), Counter([1, 1, 2]))
print(Counter(), Counter(None), Counter(iterable='ab'), Counter(self=1))
show(lambda: Counter(1, 2))
show(lambda: Counter(5))
print(sorted(Counter(a=2, b=1, c=0, d=-1).elements()))
print(list(Counter(a=2, b=1).elements()))
print(Counter(a=3, b=4).total(), Counter().total())
u = Counter(a=1)
u.update('aab')
print(u)
u.update({'a': 10})
print(u)
u.update(c=5)
print(u)
u.subtract('aaz')
print(u)
u.subtract({'b': 5}, b=1)
print(u)
show(lambda: Counter(a=1).update(1, 2))
show(lambda: Counter(a=1).subtract(1, 2))
d = Counter(a=1)
del d['zz']
del d['a']
print(d)
show(lambda: Counter.fromkeys('ab'))
print(Counter(a='x', b='y'))
print(Counter(a=1, b='y'))
print(Counter(a=1.5, b=2))
print(Counter(a=1).copy(), type(Counter(a=1).copy()).__name__)
print(Counter(a=1).__reduce__())

class C(Counter):
    pass

print(C('aab'), C('aab').copy(), type(C('aab').copy()).__name__)
show(lambda: hash(Counter()))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
wc = Counter(words)
print(wc.most_common(2), wc['the'], wc['cat'])
print(Counter('hello') == Counter('olleh'))
print(Counter.__name__, Counter.__module__, isinstance(wc, dict))
print([k for k in Counter('banana')])

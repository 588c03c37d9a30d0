# OrderedDict: move_to_end, popitem(last), order-sensitive ==, views, |.
from collections import OrderedDict

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

o = OrderedDict(a=1, b=2, c=3)
print(o)
o.move_to_end('a')
print(o, list(o))
o.move_to_end('c', last=False)
print(o)
o.move_to_end('b', False)
print(list(o.items()))
show(lambda: o.move_to_end('z'))
show(lambda: o.move_to_end())
print(o.popitem(last=False), o.popitem(), o)
show(lambda: OrderedDict().popitem())
show(lambda: OrderedDict(a=1).popitem(1, 2))
print(OrderedDict())
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))
print(OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1))
print(OrderedDict(a=1, b=2) == dict(b=2, a=1), dict(b=2, a=1) == OrderedDict(a=1, b=2))
print(OrderedDict(a=1) == OrderedDict(a=2))
print(list(reversed(OrderedDict(a=1, b=2, c=3))))
print(OrderedDict(a=1) | {'b': 2}, {'b': 2} | OrderedDict(a=1))
u = OrderedDict(a=1)
u |= [('c', 3)]
print(u)
v = OrderedDict(x=1, y=2)
print(v.keys(), v.values(), v.items())
print(list(reversed(v.keys())), list(reversed(v.values())), list(reversed(v.items())))
print(len(v.keys()), 'x' in v.keys(), ('x', 1) in v.items(), 2 in v.values())
print(v.keys() & {'x', 'q'}, v.keys() == {'x', 'y'})
show(lambda: OrderedDict([('a', 1)], [2]))
print(OrderedDict.fromkeys('abc'), OrderedDict.fromkeys('ab', 0))
w = OrderedDict(a=1)
print(w.setdefault('b', 3), w.pop('a'), w)
show(lambda: w.pop('zz'))
print(w.copy(), type(w.copy()).__name__)
r = OrderedDict(a=1)
r['s'] = r
print(r)
show(lambda: hash(OrderedDict()))
od = OrderedDict()
for k in 'hello world':
    od[k] = od.get(k, 0) + 1
print(od)
od.move_to_end('l', last=False)
print(''.join(od))
del od['h']
od['h'] = 0
print(''.join(od))

class LastUpdated(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)

lu = LastUpdated(a=1, b=2)
lu['a'] = 3
print(lu, list(lu))
print(OrderedDict.__name__, OrderedDict.__module__, isinstance(lu, dict))

# OrderedDict: update/__init__ through __setitem__, instance __dict__, pair errors.
from collections import OrderedDict
class LU(OrderedDict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
x = LU([('a', 1)], b=2)
x.update({'c': 3}, d=4)
x.update([('e', 5)])
print(x)
o = OrderedDict(a=1)
o.attr = 5
print(o.attr, o.__dict__, o)
class S(OrderedDict):
    pass
s = S(z=1); s.q = 2; print(s.__dict__, s)
try:
    OrderedDict().update([1])
except Exception as e: print(type(e).__name__, e)
try:
    LU().update([(1,2,3)])
except Exception as e: print(type(e).__name__, e)
try:
    OrderedDict([(1,)])
except Exception as e: print(type(e).__name__, e)
print(OrderedDict([(1, 2)], x=3))
for a in [[()], [(1, 2, 3)], [1]]:
    try:
        OrderedDict(a)
    except Exception as e:
        print(type(e).__name__, e)

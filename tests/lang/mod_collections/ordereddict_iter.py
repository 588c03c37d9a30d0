# OrderedDict: its own iterators (forward, reversed, views) and "mutated during iteration".
from collections import OrderedDict
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def a():
    o = OrderedDict(a=1, b=2, c=3)
    for k in o: o['z'] = 1
def b():
    o = OrderedDict(a=1, b=2, c=3)
    r = []
    for k in o:
        r.append(k); o.move_to_end('a')
    return r
def c():
    o = OrderedDict(a=1, b=2, c=3)
    for k in o: del o['c']; o['d'] = 1
def d():
    o = OrderedDict(a=1, b=2, c=3)
    for k in o.items(): o['z'] = 1
def e():
    o = OrderedDict(a=1, b=2, c=3)
    for k in reversed(o): o['z'] = 1
t(a); t(b); t(c); t(d); t(e)
t(lambda: type(iter(OrderedDict())).__name__)
t(lambda: type(reversed(OrderedDict())).__name__)
t(lambda: type(iter(OrderedDict().items())).__name__)
o = OrderedDict(a=1, b=2, c=3)
for k in o:
    o[k] = o[k] * 10
print(o, list(reversed(o.values())), list(reversed(o.items())))
it = iter(o)
print(next(it), list(it), list(it))
print(list(o.values()), list(o.items()), [k for k in reversed(o)])
print(sorted(o, reverse=True), dict(o), {**o})

# namedtuple: fields, defaults, _make/_replace/_asdict, repr, subclassing.
from collections import namedtuple

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p))
print(Point(x=3, y=4), Point(5, y=6))
print(p == (1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple))
x, y = p
print(x + y, sum(p), list(p))
print(Point._fields, Point._field_defaults, Point.__match_args__)
print(Point.__doc__, Point.x.__doc__, Point.y.__doc__)
print(Point.__name__, Point.__module__, Point.__mro__)
print(Point.__slots__)
show(lambda: p.__dict__)
show(lambda: setattr(p, 'x', 3))
print(Point._make([7, 8]), Point._make(range(2)), p._replace(x=5), p._asdict())
print(p.__getnewargs__(), type(p.__getnewargs__()).__name__)
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[10, 20])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
print(namedtuple('A', ['a', 'b'], defaults=(1, 2))._field_defaults)
print(namedtuple('A', 'a,b')._fields, namedtuple('A', 'a, b  c')._fields)
print(namedtuple('A', ['x', 'y'])(1, 2), namedtuple('A', ('u',))(0))
E = namedtuple('E', '')
print(E(), E._fields, len(E()))
print(namedtuple(typename='T', field_names='a')(1))
print(namedtuple('A', 'x', module='mod').__module__)
print(namedtuple('A', 'def x _y x 1z', rename=True)._fields)
print(namedtuple('A', ['abc', 'class', 'abc'], rename=True)._fields)

class Q(Point):
    def total(self):
        return self.x + self.y

q = Q(3, 4)
print(q, q.total(), Q._fields, type(q._replace(x=0)).__name__)

class R(namedtuple('R', 'a b')):
    __slots__ = ()

    def __repr__(self):
        return 'R<%s,%s>' % self

print(R(1, 2), R._make([3, 4]))
print(Point.x.__get__(None, Point) is Point.x, Point.x.__get__(p, Point))
match p:
    case Point(x, y):
        print('matched', x, y)
pts = sorted([Point(2, 1), Point(1, 5), Point(1, 2)])
print(pts)
print({Point(1, 2): 'a'}[(1, 2)])

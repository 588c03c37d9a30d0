# copy.dispatch_table (copyreg's): a registered reductor is used by copy and
# deepcopy after __copy__/__deepcopy__ and before __reduce_ex__.
import copy
import copyreg

print(copy.dispatch_table is copyreg.dispatch_table, type(copy.dispatch_table).__name__)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


def reduce_point(p):
    print('reduce_point called')
    return (Point, (p.x * 10, p.y * 10))


copyreg.pickle(Point, reduce_point)
p = Point(1, [2])
c = copy.copy(p)
print(c, c is not p)
d = copy.deepcopy(p)
print(d, d.y is not p.y)


class WithCopy(Point):
    def __copy__(self):
        return 'own __copy__'

    def __deepcopy__(self, memo):
        return 'own __deepcopy__'


copy.dispatch_table[WithCopy] = reduce_point
print(copy.copy(WithCopy(1, 2)), copy.deepcopy(WithCopy(1, 2)))


class Named:
    pass


copy.dispatch_table[Named] = lambda obj: 'global_name'
n = Named()
print(copy.copy(n) is n, copy.deepcopy(n) is n)


class Stateful:
    def __init__(self):
        self.items = [1, 2]


def reduce_stateful(obj):
    return (Stateful.__new__, (Stateful,), {'items': obj.items, 'extra': True})


copy.dispatch_table[Stateful] = reduce_stateful
s = Stateful()
s2 = copy.deepcopy(s)
print(s2.items, s2.extra, s2.items is not s.items)

for rv in [(), (1,), (Named, (), None, None, None, None)]:
    copy.dispatch_table[Named] = lambda obj, rv=rv: rv
    try:
        copy.copy(Named())
    except TypeError as e:
        print('TypeError', e)


def boom(obj):
    raise ValueError('no copies')


copy.dispatch_table[Named] = boom
try:
    copy.deepcopy(Named())
except ValueError as e:
    print('ValueError', e)
# Only the exact class is looked up, not its bases.


class SubPoint(Point):
    pass


sp = copy.copy(SubPoint(3, 4))
print(type(sp).__name__, sp)
saved = copy.dispatch_table
copy.dispatch_table = {Point: lambda p: (Point, ('rebound', 0))}
print(copy.copy(Point(0, 0)))
copy.dispatch_table = saved
print(copy.copy(Point(5, 6)))

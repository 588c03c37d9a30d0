# copy: user __reduce_ex__ / __reduce__ results reconstructed as copy.py does.
import copy


def make(a, b):
    print("make", a, b)
    o = Custom.__new__(Custom)
    o.a, o.b = a, b
    return o


class Custom:
    def __reduce__(self):
        return (make, (self.a, self.b), {"c": 3})


c = make([1], 2)
d = copy.copy(c)
print(d.a is c.a, d.b, d.c)
e = copy.deepcopy(c)
print(e.a is c.a, e.a, e.c)


class Ex:
    def __reduce_ex__(self, proto):
        print("proto", proto)
        return (Ex, ())


print(type(copy.copy(Ex())).__name__)


class Singleton:
    def __reduce__(self):
        return "Singleton"


s = Singleton()
print(copy.copy(s) is s, copy.deepcopy(s) is s)


class ListLike(list):
    pass


ll = ListLike([1, [2]])
ll.attr = "x"
l2 = copy.copy(ll)
print(type(l2).__name__, l2, l2.attr, l2[1] is ll[1])
l3 = copy.deepcopy(ll)
print(l3, l3[1] is ll[1], l3.attr)


class DictLike(dict):
    pass


dl = DictLike(a=[1])
d2 = copy.deepcopy(dl)
print(type(d2).__name__, d2, d2["a"] is dl["a"])


class WithItems:
    def __init__(self):
        self.data = []

    def append(self, x):
        self.data.append(x)

    def __setitem__(self, k, v):
        self.data.append((k, v))

    def __reduce__(self):
        return (WithItems, (), None, iter([1, 2]), iter([("k", "v")]))


print(copy.copy(WithItems()).data)


class TupleSub(tuple):
    pass


ts = TupleSub((1, [2]))
tc = copy.deepcopy(ts)
print(type(tc).__name__, tc, tc[1] is ts[1])


class IntSub(int):
    pass


print(type(copy.copy(IntSub(7))).__name__, copy.copy(IntSub(7)) + 1)


class SetSub(set):
    pass


print(type(copy.deepcopy(SetSub({1}))).__name__, copy.copy(SetSub({2})))

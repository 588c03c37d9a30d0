# array: subclasses, copies and use with copy.copy / deepcopy.
from array import array
import copy


class Named(array):
    def __new__(cls, tc, init=(), name="x"):
        self = super().__new__(cls, tc, init)
        self.name = name
        return self

    def total(self):
        return sum(self)


n = Named("i", [1, 2, 3], name="nums")
print(type(n).__name__, n.name, n.total(), repr(n), isinstance(n, array))
print(n[1:], type(n[1:]).__name__, type(n + n).__name__)
n.append(4)
print(n.tolist(), len(n))
c = copy.copy(array("d", [1.5]))
print(c, type(c).__name__)
d = copy.deepcopy(array("u", "xy"))
print(d)
orig = array("i", [1])
cp = orig.__copy__()
cp.append(2)
print(orig, cp, orig.__deepcopy__({}))
lst = [array("i", [1])]
deep = copy.deepcopy(lst)
print(deep, deep[0] is lst[0])


class Plain(array):
    pass


p = Plain("b", [1])
print(repr(p), p.typecode, p == array("b", [1]))

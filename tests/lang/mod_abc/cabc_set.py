# _collections_abc: Set and MutableSet mixins.
import _collections_abc as cabc


class S(cabc.Set):
    def __init__(self, items=()):
        self.items = []
        for x in items:
            if x not in self.items:
                self.items.append(x)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "S(%r)" % sorted(self.items)


a = S([1, 2, 3])
b = S([2, 3, 4])
print(a & b, a | b, a - b, b - a, a ^ b)
print(a & [3, 9], [3, 9] & a, a | [7], a - [1], [1, 5] - a, a ^ [1, 9])
print(a <= b, S([2]) <= a, S([2]) < a, a < a, a >= S([1]), a > S([1]), a == S([3, 2, 1]), a != b)
print(a == {1, 2, 3}, a <= {1, 2, 3, 4}, a.isdisjoint([7, 8]), a.isdisjoint([3]))
print(a.__and__(5), a.__le__([1]), a.__sub__(5))
print(a._hash() == S([3, 2, 1])._hash(), a._hash() == frozenset([1, 2, 3]).__hash__(), S()._hash() == hash(frozenset()))
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)


class MS(S, cabc.MutableSet):
    def add(self, x):
        if x not in self.items:
            self.items.append(x)

    def discard(self, x):
        if x in self.items:
            self.items.remove(x)


m = MS([1, 2])
m.add(3)
m.discard(9)
m.remove(1)
print(m)
try:
    m.remove(9)
except KeyError as e:
    print(type(e).__name__, e)
m |= [4, 5]
print(m)
m &= [2, 4, 5, 6]
print(m)
m ^= [5, 7]
print(m)
m -= [7]
print(m)
x = m.pop()
print(x, m)
m ^= m
print(m)
m.add(1)
m.clear()
print(m, len(m))
try:
    m.pop()
except KeyError as e:
    print(type(e).__name__, repr(e))
print(sorted(cabc.MutableSet.__abstractmethods__))

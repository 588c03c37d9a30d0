# WeakSet set operations: union, intersection, difference, comparisons.
import weakref


class I:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'I(%d)' % self.n


items = [I(i) for i in range(6)]
A = weakref.WeakSet(items[:4])
B = weakref.WeakSet(items[2:])


def show(label, s):
    print(label, type(s).__name__, sorted(x.n for x in s))


show('union', A.union(B))
show('|', A | B)
show('intersection', A.intersection(B))
show('&', A & B)
show('difference', A.difference(B))
show('-', A - B)
show('symdiff', A.symmetric_difference(B))
show('^', A ^ B)
show('with list', A.union(items[5:]))
print(A.issubset(items), A <= B, A < weakref.WeakSet(items), A >= weakref.WeakSet(items[:2]))
print(A.issuperset(items[:1]), A > weakref.WeakSet(items[:4]), A.isdisjoint(items[4:]), A.isdisjoint(B))
C = weakref.WeakSet(items)
C -= weakref.WeakSet(items[:2])
show('-=', C)
C &= weakref.WeakSet(items[1:5])
show('&=', C)
C ^= weakref.WeakSet(items[3:])
show('^=', C)
C |= weakref.WeakSet(items[:1])
show('|=', C)
D = weakref.WeakSet(items)
D.difference_update(items[::2])
show('difference_update', D)
D.intersection_update(items[:4])
show('intersection_update', D)
D.symmetric_difference_update(items[:2])
show('symmetric_difference_update', D)
D -= D
show('self -=', D)
print(A == weakref.WeakSet(items[:4]), A == set(items[:4]), A != B)
del items[0]
show('after del', A)

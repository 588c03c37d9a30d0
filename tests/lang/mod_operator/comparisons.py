# Rich comparisons through operator: results, NotImplemented fallbacks, errors.
import operator as op

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

fns = [op.lt, op.le, op.eq, op.ne, op.gt, op.ge]
for a, b in [(1, 2), (2, 2), (3, 2), ("a", "b"), ((1, 2), (1, 3)), (1.0, 1)]:
    print(a, b, [f(a, b) for f in fns])
print([f.__name__ for f in fns], op.__lt__ is op.lt, op.__ge__ is op.ge)

class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return ("lt", self.v, other)
    def __eq__(self, other):
        return NotImplemented
print(op.lt(V(1), 5), op.gt(5, V(2)), op.eq(V(1), V(1)), op.ne(V(1), 1))
print(op.eq([1, [2]], [1, [2]]), op.ne({1: 2}, {1: 2}), op.lt({1}, {1, 2}))
show(lambda: op.lt(1, "a"))
show(lambda: op.ge([], 1))
show(lambda: op.lt(1))
show(lambda: op.eq(1, 2, 3))

class Raiser:
    def __eq__(self, other):
        raise RuntimeError("eq failed")
show(lambda: op.eq(Raiser(), 1))
print(sorted([3, 1, 2], key=op.neg))

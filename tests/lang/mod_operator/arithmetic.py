# operator's arithmetic, bitwise and unary functions, and their aliases.
import operator as op

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.lshift(1, 5), op.rshift(64, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.add("ab", "cd"), op.mul([0], 3), op.mod("%s-%s", (1, 2)), op.add(1.5, 2))
print(op.neg(5), op.pos(-5), op.abs(-3.5), op.inv(5), op.invert(0), op.index(7), op.index(True))
print(op.truth([]), op.truth([0]), op.not_(0), op.not_("x"), op.is_(None, None), op.is_not(1, None))
print(op.__add__ is op.add, op.__add__.__name__, op.__inv__ is op.inv, op.__not__(1), op.__abs__(-2))
print(op.add.__name__, op.__doc__.splitlines()[0], op.add.__doc__)

class M:
    def __matmul__(self, other):
        return "matmul"
    def __imatmul__(self, other):
        return "imatmul"
print(op.matmul(M(), 1), op.imatmul(M(), 1))
show(lambda: op.matmul(1, 2))
show(lambda: op.add(1))
show(lambda: op.add(1, 2, 3))
show(lambda: op.add(a=1, b=2))
show(lambda: op.not_())
show(lambda: op.neg(1, 2))
show(lambda: op.neg("a"))
show(lambda: op.truediv(1, 0))
show(lambda: op.index(1.5))
show(lambda: op.index("a"))
show(lambda: op.add(1, "a"))
show(lambda: op.truth(x=1))

class Big:
    def __index__(self):
        return 2 ** 80
print(op.index(Big()))
class Neg:
    def __neg__(self):
        return "negated"
    def __pos__(self):
        return "posed"
    def __invert__(self):
        return "inverted"
    def __abs__(self):
        return "absed"
n = Neg()
print(op.neg(n), op.pos(n), op.inv(n), op.invert(n), op.abs(n))

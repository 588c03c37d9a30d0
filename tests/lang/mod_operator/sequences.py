# Sequence functions: concat, contains, countOf, indexOf, getitem/setitem/delitem,
# length_hint, call and the in-place forms.
import operator as op

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(op.concat([1], [2]), op.concat("a", "b"), op.concat((1,), (2,)))
show(lambda: op.concat(1, 2))
show(lambda: op.concat([1], (2,)))
show(lambda: op.iconcat(1, 2))
l = [1]
r = op.iconcat(l, [2, 3])
print(r, l, r is l)
print(op.contains([1, 2], 2), op.contains("abc", "bc"), op.contains({1: 2}, 2), op.__contains__((1,), 1))
show(lambda: op.contains(1, 1))
print(op.countOf([1, 2, 1, 1.0, True], 1), op.countOf("banana", "a"), op.countOf([], 0))
print(op.indexOf([5, 6, 7], 7), op.indexOf("abc", "b"))
show(lambda: op.indexOf([1, 2], 3))
show(lambda: op.countOf(1, 1))
nan = float("nan")
print(op.countOf([nan, nan], nan), op.indexOf([nan], nan))

d = {}
print(op.setitem(d, "k", 1), d, op.getitem(d, "k"), op.delitem(d, "k"), d)
lst = [0, 1, 2, 3, 4]
print(op.getitem(lst, slice(1, 3)), op.getitem("abc", -1))
op.setitem(lst, slice(0, 2), ["a"])
op.delitem(lst, -1)
print(lst)
show(lambda: op.getitem([1], 5))
show(lambda: op.getitem({}, "x"))
show(lambda: op.delitem([], 0))
show(lambda: op.setitem((), 0, 1))
show(lambda: op.setitem({}, 1))

print(op.length_hint([1, 2, 3]), op.length_hint(5), op.length_hint(5, 3))
print(op.length_hint([], -1), op.length_hint(x for x in "ab"), op.length_hint((1, 2)), op.length_hint({1: 2}))
class Hint:
    def __length_hint__(self):
        return 42
print(op.length_hint(Hint()))
show(lambda: op.length_hint([], "a"))
show(lambda: op.length_hint())

print(op.call(len, [1, 2]), op.call(dict, a=1), op.call(max, 3, 9, key=lambda x: -x))
show(lambda: op.call())
x = [1]
print(op.iadd(x, [2]), x, op.iadd(1, 2), op.isub(5, 1), op.imul([1], 2), op.itruediv(1, 4))
print(op.ifloordiv(7, 2), op.imod(7, 4), op.ipow(2, 5), op.ilshift(1, 3), op.irshift(8, 1))
s = {1}
print(op.ior(s, {2}), s, op.iand({1, 2}, {2}), op.ixor({1, 2}, {2, 3}))
show(lambda: op.length_hint([], 2 ** 70))
print(len(op.__all__), op.__all__ == sorted(op.__all__), op.__all__[:4], "attrgetter" in op.__all__)

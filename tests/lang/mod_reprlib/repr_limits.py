# reprlib.Repr: size-limited reprs of builtin containers, str, int, others.
import reprlib
from collections import deque
from array import array

r = reprlib.repr
print(r(list(range(20))), r(tuple(range(3))), r((1,)), r(()), r([]))
print(r(set(range(20))), r(frozenset({3, 1, 2})), r(set()), r(frozenset()), r({1, 'a'}))
print(r({i: str(i) for i in range(10)}), r({}), r({'b': 1, 'a': 2}))
print(r(deque(range(10))), r(array('i', range(10))), r(array('d')), r(array('b', [1])))
print(r('x' * 100), r('short'), r("quote'd" * 10), r(10 ** 50), r(-10 ** 45), r(12345))
print(r([[[[[[[1]]]]]]]), r([[[[[[[]]]]]]]), r({'k': {'k': {'k': {'k': {'k': {'k': {'k': 1}}}}}}}))
print(r(object)[:20], r(range(1000)), r(3.14159), r(None))


class LongRepr:
    def __repr__(self):
        return 'L' * 50


class BadRepr:
    def __repr__(self):
        raise ValueError('nope')


print(r(LongRepr()), r(BadRepr()).startswith('<BadRepr instance at 0x'))
a = reprlib.Repr()
a.maxlist = 2
a.maxstring = 10
a.fillvalue = '~~'
a.maxlevel = 1
print(a.repr([1, 2, 3]), a.repr('abcdefghijklmnop'), a.repr([[1], [2]]), a.repr({'a': {'b': 1}}))
print(sorted(vars(reprlib.Repr())), reprlib.__all__)


class MyRepr(reprlib.Repr):
    def repr_int(self, x, level):
        return 'int!'

    def repr_TextWrapper(self, x, level):
        return 'tw'


print(MyRepr().repr([1, (2, 'x')]))
print(r([3, 'b', 1.5]), r({1: 'a', 'b': 2}))

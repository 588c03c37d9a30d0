# copy: objects that cannot be copied, copy.Error, and exception instances.
import copy
import sys


class NoReduce:
    __reduce_ex__ = None
    __reduce__ = None


for f in (copy.copy, copy.deepcopy):
    try:
        f(NoReduce())
    except copy.Error as e:
        print(type(e).__name__, str(e).replace("__main__.", ""))

for obj in [sys, iter([1]).__class__]:
    try:
        print(copy.copy(obj) is obj)
    except TypeError as e:
        print(type(e).__name__, e)


def gen():
    yield 1


for f in (copy.copy, copy.deepcopy):
    try:
        f(gen())
    except TypeError as e:
        print(type(e).__name__, e)

e = ValueError("bad", [1])
e.note = "n"
c = copy.copy(e)
d = copy.deepcopy(e)
print(type(c).__name__, c.args, c.note, c.args[1] is e.args[1])
print(type(d).__name__, d.args, d.note, d.args[1] is e.args[1])


class MyErr(Exception):
    def __init__(self, a, b=2):
        super().__init__(a, b)
        self.extra = [a]


m = copy.deepcopy(MyErr(1))
print(m.args, m.extra)
try:
    raise copy.Error("custom")
except copy.Error as err:
    print(type(err).__name__, err, isinstance(err, Exception))
print(copy.copy(object) is object, type(copy.copy(object())).__name__)

# copy: __copy__ and __deepcopy__ hooks.
import copy


class C:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("copy called")
        return C(self.v + ["shallow"])

    def __deepcopy__(self, memo):
        print("deepcopy called", type(memo).__name__)
        return C(copy.deepcopy(self.v, memo) + ["deep"])


c = C([1])
print(copy.copy(c).v, copy.deepcopy(c).v)
l = copy.deepcopy([c, c])
print(l[0] is l[1])


class Only:
    def __deepcopy__(self, memo):
        return "deep"


o = Only()
print(copy.copy(o) is not o, type(copy.copy(o)).__name__, copy.deepcopy(o))


class NoneHooks:
    __copy__ = None
    __deepcopy__ = None

    def __init__(self):
        self.x = 1


n = NoneHooks()
print(copy.copy(n).x, copy.deepcopy(n).x)


class Raiser:
    def __copy__(self):
        raise RuntimeError("nope")


try:
    copy.copy(Raiser())
except RuntimeError as e:
    print(type(e).__name__, e)


class M:
    def method(self):
        return self


m = M()
bm = copy.deepcopy(m.method)
print(bm.__self__ is not m, type(bm.__self__).__name__, copy.copy(m.method).__self__ is m)

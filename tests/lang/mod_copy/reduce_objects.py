# copy: instances copied through the default reduction (dict state, slots).
import copy


class P:
    def __init__(self):
        self.items = [1, 2]
        self.name = "p"


p = P()
q = copy.copy(p)
print(type(q).__name__, q.__dict__, q.items is p.items, q is p)
r = copy.deepcopy(p)
print(r.__dict__, r.items is p.items)


class S:
    __slots__ = ("a", "b", "__priv")

    def __init__(self):
        self.a = [1]
        self.__priv = "secret"


s = S()
t = copy.copy(s)
print(t.a, t.a is s.a, hasattr(t, "b"), t._S__priv)
u = copy.deepcopy(s)
print(u.a, u.a is s.a)


class Both(S):
    def __init__(self):
        super().__init__()
        self.extra = {"k": 1}


b = copy.deepcopy(Both())
print(b.a, b.extra, b._S__priv)


class Empty:
    pass


e = copy.copy(Empty())
print(type(e).__name__, e.__dict__)


class NewArgs:
    def __new__(cls, x):
        print("new with", x)
        self = super().__new__(cls)
        self.x = x
        return self

    def __getnewargs__(self):
        return (self.x * 10,)


n = copy.copy(NewArgs(1))
print(n.x)


class KwNew:
    def __new__(cls, *, k):
        self = super().__new__(cls)
        self.k = k
        return self

    def __getnewargs_ex__(self):
        return ((), {"k": self.k + 1})


print(copy.deepcopy(KwNew(k=1)).k)


class State:
    def __init__(self):
        self.v = 1

    def __getstate__(self):
        print("getstate")
        return {"v": self.v, "extra": 2}

    def __setstate__(self, st):
        print("setstate", sorted(st.items()))
        self.__dict__.update(st)


w = copy.copy(State())
print(w.v, w.extra)


def gen():
    yield 1


try:
    copy.copy(gen())
except TypeError as e:
    print(type(e).__name__, e)

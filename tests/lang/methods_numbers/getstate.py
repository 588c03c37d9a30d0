# object.__getstate__ (3.11): None or the instance dict itself, a
# (dict, slots) pair with __slots__; BaseException's __dict__, __reduce__
# and __setstate__.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

class A:
    pass
a = A()
print(a.__getstate__())
a.x = 1
print(a.__getstate__() is a.__dict__, a.__getstate__())
del a.x
print(a.__getstate__())

class S:
    __slots__ = ("p", "__q", "__dict__")
s = S()
print(s.__getstate__())
s.p = 1
print(s.__getstate__())
s.z = 3
s._S__q = 2
print(s.__getstate__())

class T:
    __slots__ = ("a",)
print(T().__getstate__())
t = T()
t.a = 5
print(t.__getstate__())
class U(T):
    __slots__ = ("b", "__weakref__")
u = U()
u.b = 1
print(u.__getstate__())
u.a = 2
print(u.__getstate__())
print([1].__getstate__(), "x".__getstate__(), object().__getstate__(), (1).__getstate__())
class L(list):
    pass
lst = L()
lst.a = 1
print(lst.__getstate__())
class Custom:
    def __getstate__(self):
        return "mine"
print(Custom().__getstate__())

e = ValueError(1)
print(e.__getstate__())
print(e.__reduce__())
print(e.__dict__)
print(e.__reduce__())
e.x = 1
print(e.__getstate__(), e.__reduce__())
e.__setstate__({"y": 2})
print(e.__dict__, e.y)
show("setstate int", lambda: e.__setstate__(1))
show("setstate key", lambda: e.__setstate__({1: 2}))
show("set dict int", lambda: setattr(e, "__dict__", 1))
show("del dict", lambda: delattr(e, "__dict__"))
print(e.__setstate__(None))
e.__dict__ = {"a": 1}
print(e.a, e.__reduce__())
print(KeyError("k").__reduce__(), BaseException().__reduce__(), StopIteration(1, 2).__reduce__())
class E(Exception):
    pass
x = E("q")
x.z = 5
print(x.__reduce__(), x.__getstate__(), x.__dict__)
x.__dict__ = {"w": 1}
print(x.w, x.__reduce__(), hasattr(x, "z"))
print(sorted(set(dir(BaseException)) - set(dir(object))))
print(sorted(set(dir(Exception)) - set(dir(object))))

class A:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, *args):
        print("init", args)
A(1, 2)
class B:
    def __new__(cls): return 42
    def __init__(self): print("never")
print(B())
class C(int):
    def __new__(cls, v): return super().__new__(cls, v * 2)
print(C(21), type(C(1)).__name__, C(5) + 1)
class D(str):
    def shout(self): return self.upper() + "!"
print(D("hey").shout(), len(D("abc")), isinstance(D("x"), str))
class E(list):
    def total(self): return sum(self)
e = E([1, 2, 3]); e.append(4); print(e, e.total(), len(e))

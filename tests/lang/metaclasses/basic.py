class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["created_by"] = mcs.__name__
        cls = super().__new__(mcs, name, bases, ns)
        return cls
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
    def hello(cls): return "hello from " + cls.__name__
class A(metaclass=Meta):
    def __init__(self, x): self.x = x
a = A(5)
print(a.x, A.created_by, type(A).__name__, A.hello(), isinstance(A, Meta))
class B(A): pass
print(type(B).__name__, B.created_by)
X = type("X", (object,), {"v": 1, "f": lambda self: self.v + 1})
print(X().f(), X.__name__, type(X).__name__)
class Prep(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print("prepare", name)
        return {"injected": 42}
class C(metaclass=Prep): pass
print(C.injected)

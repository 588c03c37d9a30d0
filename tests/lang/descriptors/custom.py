class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind): raise TypeError(f"expected {self.kind.__name__}")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None): return "nondata"
class P:
    x = Typed(int)
    y = NonData()
p = P(); p.x = 5; print(p.x, type(P.x).__name__, p.y)
p.__dict__["y"] = "instance wins"; print(p.y)
p.__dict__["x"] = "ignored"; print(p.x)
try:
    p.x = "s"
except TypeError as e:
    print("TypeError:", e)
class Method:
    def __get__(self, obj, cls): return lambda: (obj is not None, cls.__name__)
class Q:
    m = Method()
print(Q().m(), Q.m())

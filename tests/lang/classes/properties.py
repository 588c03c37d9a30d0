class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self): print("deleting"); self._c = None
    @property
    def f(self): return self._c * 9 / 5 + 32
t = Temp(); t.c = 100; print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.f = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.c; print(t.c)
print(type(Temp.c).__name__, Temp.c.fget.__name__)

class Base:
    @property
    def name(self): return "base"
    def greet(self): return "hi " + self.name
class Child(Base):
    @property
    def name(self): return "child/" + super().name
print(Base().greet(), Child().greet(), Child.name.__class__.__name__)
class RO:
    __slots__ = ()
    @property
    def value(self): return 42
r = RO()
print(r.value)
try:
    r.value = 1
except AttributeError as e:
    print("AttributeError:", e)

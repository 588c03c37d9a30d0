class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, tag))
class A(Base, tag="a"): pass
class B(A): pass
print(Base.registry)
class Field:
    def __set_name__(self, owner, name):
        self.owner, self.name = owner.__name__, name
class M:
    x = Field()
    y = Field()
print(M.x.owner, M.x.name, M.y.name)
class G:
    def __class_getitem__(cls, item):
        return f"G[{item}]"
print(G[int], G["x"])

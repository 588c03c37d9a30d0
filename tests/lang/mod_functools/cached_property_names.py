# cached_property: caching in __dict__, __set_name__ rules and error messages.
from functools import cached_property

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0
    @cached_property
    def area(self):
        "The area."
        self.computed += 1
        return 3 * self.r * self.r

c = Circle(2)
print(c.area, c.area, c.computed, "area" in c.__dict__, c.__dict__["area"])
c.area = 99
print(c.area, c.computed)
del c.area
print(c.area, c.computed)
print(type(Circle.area).__name__, Circle.area.attrname, Circle.area.__doc__, Circle.area.func.__name__)

cp = cached_property(lambda self: 1)
class Late:
    pass
Late.x = cp
show(lambda: Late().x)

def getter(self):
    return 5
shared = cached_property(getter)
class One:
    a = shared
try:
    type("Two", (), {"b": shared})
except Exception as e:
    print(type(e).__name__, type(e.__cause__).__name__, e.__cause__)
class Three:
    a = shared
print(Three().a)

class Slotted:
    __slots__ = ("v",)
    @cached_property
    def prop(self):
        return 1
show(lambda: Slotted().prop)

class Sub(cached_property):
    pass
class UsesSub:
    @Sub
    def val(self):
        return "sub"
print(UsesSub().val, type(UsesSub.__dict__["val"]).__name__)
print(cached_property(len).__doc__ == len.__doc__, cached_property(lambda s: 0).attrname)
show(lambda: cached_property())

class Fails:
    @cached_property
    def boom(self):
        raise KeyError("inner")
show(lambda: Fails().boom)

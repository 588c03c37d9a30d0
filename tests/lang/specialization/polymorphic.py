# Attribute loads at sites that see instances of several classes: inline
# values, methods, plain class attributes, classes without a __dict__,
# __slots__, properties and __getattr__ mixed at one site, and every change
# that must be seen while the site runs.


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name
        self.size = len(name)

    def area(self):
        return 0

    def describe(self):
        return "%s/%d/%d" % (self.name, self.sides, self.area())


class Square(Shape):
    sides = 4

    def area(self):
        return self.size * self.size


class Triangle(Shape):
    sides = 3

    def area(self):
        return self.size * 3


class Circle(Shape):
    def __init__(self, name, r):
        super().__init__(name)
        self.r = r

    def area(self):
        return self.r * self.r * 3


class Hexagon(Square):
    sides = 6


class Slotted:
    __slots__ = ("name", "size")
    sides = 9

    def __init__(self, name):
        self.name = name
        self.size = 1

    def area(self):
        return 1

    def describe(self):
        return "slotted"


class Lazy:
    sides = 7

    def __init__(self):
        self.name = "lazy"

    @property
    def size(self):
        return 42

    def area(self):
        return -1

    def __getattr__(self, attr):
        if attr == "describe":
            raise AttributeError(attr)
        return "missing:" + attr


def report(shapes):
    out = []
    for s in shapes:
        out.append((s.name, s.size, s.sides, s.area(), s.describe() if hasattr(s, "describe") else None))
    return out


shapes = [Square("sq"), Triangle("tri"), Circle("circle", 2), Hexagon("hexagon"), Shape("plain")]
for i in range(60):
    result = report(shapes)
print("mixed:", result)

# Rare extra classes at the same site.
odd = shapes + [Slotted("s"), Lazy()]
for i in range(60):
    result = report(odd)
print("with slots and lazy:", result)

# A class attribute replaced while the site is polymorphic.
Triangle.sides = 33
Square.area = lambda self: -self.size
print("after class changes:", report(shapes))

# An instance attribute now shadows a class attribute and a method.
shapes[1].sides = 333
shapes[1].area = lambda: 77
print("shadowed:", report(shapes))

# A base class change reaches every subclass at the site.
Shape.describe = lambda self: "base:" + self.name
print("base changed:", report(shapes))

# Deleting an attribute: the load raises AttributeError at the polymorphic site.
del shapes[2].size
try:
    report(shapes)
except AttributeError as e:
    print("AttributeError:", e)
shapes[2].size = 5

# Lazy.__getattr__ answers a missing name; a __dict__ materialized.
lazy = Lazy()
print("getattr:", [getattr(lazy, "nothing") for _ in range(3)], lazy.__dict__)
for i in range(30):
    result = report(shapes + [lazy])
print("after __dict__:", result)


# Many classes (more than fit any small cache) at one site.
classes = [type("K%d" % i, (), {"value": i, "get": lambda self, i=i: i * 10}) for i in range(40)]
objs = [c() for c in classes]
for o in objs[::3]:
    o.value = -1


def sweep(objs):
    total = 0
    for o in objs:
        total += o.value + o.get()
    return total


print("many classes:", [sweep(objs) for _ in range(20)][-1])
classes[5].get = lambda self: 1000
print("many classes, one changed:", sweep(objs))

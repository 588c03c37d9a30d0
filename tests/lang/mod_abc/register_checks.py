# abc: register() as a call and a decorator, isinstance/issubclass through it.
import abc


class Shape(abc.ABC):
    pass


class Square:
    pass


r = Shape.register(Square)
print(r is Square)
print(issubclass(Square, Shape), isinstance(Square(), Shape))


@Shape.register
class Circle:
    pass


print(Circle.__name__, issubclass(Circle, Shape), isinstance(Circle(), Shape))


class SubSquare(Square):
    pass


print(issubclass(SubSquare, Shape), isinstance(SubSquare(), Shape))
print(Shape not in Square.__mro__)
print(issubclass(int, Shape), isinstance(3, Shape))

Shape.register(int)
print(issubclass(int, Shape), isinstance(3, Shape), issubclass(bool, Shape))


class Poly(Shape):
    pass


print(issubclass(Poly, Shape), issubclass(Shape, Poly))
try:
    Poly.register(Shape)
except RuntimeError as e:
    print(type(e).__name__, e)
print(Shape.register(Poly) is Poly)
try:
    Shape.register(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(3, Shape)
except TypeError as e:
    print(type(e).__name__, e)

# Registering on a sub-ABC makes it a virtual subclass of the base as well.


class Triangle:
    pass


Poly.register(Triangle)
print(issubclass(Triangle, Poly), issubclass(Triangle, Shape))

# A registered ABC's own registrations are seen through it.


class Other(abc.ABC):
    pass


class Leaf:
    pass


Other.register(Leaf)
Shape.register(Other)
print(issubclass(Leaf, Shape))

# __class__ differing from type(): both are asked.


class Fake:
    @property
    def __class__(self):
        return Square


print(isinstance(Fake(), Shape), isinstance(Fake(), Square))

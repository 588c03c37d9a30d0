# abc: __abstractmethods__ computed at class creation and instantiation errors.
import abc


class Base(abc.ABC):
    @abc.abstractmethod
    def f(self):
        return "base f"

    @abc.abstractmethod
    def g(self):
        pass

    def h(self):
        return "h"


print(sorted(Base.__abstractmethods__))
print(type(Base.__abstractmethods__).__name__)
try:
    Base()
except TypeError as e:
    print(type(e).__name__, e)


class Half(Base):
    def f(self):
        return "half f"


print(sorted(Half.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print(type(e).__name__, e)


class Full(Half):
    def g(self):
        return "full g"


x = Full()
print(x.f(), x.g(), x.h(), Full.__abstractmethods__)
print(super(Half, x).f())


class Meta(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def only(self):
        ...


try:
    Meta()
except TypeError as e:
    print(type(e).__name__, e)
print(type(Meta).__name__, type(Meta) is abc.ABCMeta, isinstance(Meta, type))
print(abc.ABC.__abstractmethods__, abc.ABC.__slots__)
print(abc.ABC.__module__, abc.ABCMeta.__module__, abc.ABCMeta.__name__)
print(repr(abc.ABCMeta), repr(abc.ABC))


class Plain(abc.ABC):
    pass


print(type(Plain()).__name__)


# Overriding with a non-callable still counts as concrete.
class Attr(Base):
    f = 1
    g = None


print(Attr.__abstractmethods__, Attr().f)


# An abstract value set later in the body replaces a concrete one.
class Later(abc.ABC):
    def m(self):
        pass
    m = abc.abstractmethod(m)


print(sorted(Later.__abstractmethods__))
print(Later.m.__isabstractmethod__)
print(abc.abstractmethod(Later.m) is Later.m)
try:
    abc.abstractmethod(5)
except AttributeError as e:
    print(type(e).__name__)

# abc: update_abstractmethods recomputes after the class changed.
import abc


class A(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


class B(A):
    def f(self):
        return "B.f"


print(B.__abstractmethods__)
B.f = abc.abstractmethod(lambda self: None)
print(B.__abstractmethods__)
print(abc.update_abstractmethods(B) is B)
print(sorted(B.__abstractmethods__))
try:
    B()
except TypeError as e:
    print(type(e).__name__, e)
del B.f
B.f = lambda self: 1
abc.update_abstractmethods(B)
print(B.__abstractmethods__, B().f())


class Plain:
    pass


print(abc.update_abstractmethods(Plain) is Plain)
print(hasattr(Plain, "__abstractmethods__"))
print(abc.update_abstractmethods(3))


class D(A):
    pass


def g(self):
    pass


D.g = abc.abstractmethod(g)
abc.update_abstractmethods(D)
print(sorted(D.__abstractmethods__))

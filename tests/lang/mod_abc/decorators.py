# abc: the deprecated abstract decorators and abstract properties/classmethods.
import abc


class A(abc.ABC):
    @abc.abstractclassmethod
    def cm(cls):
        return "cm of " + cls.__name__

    @abc.abstractstaticmethod
    def sm():
        return "sm"

    @abc.abstractproperty
    def p(self):
        return "p"

    @property
    @abc.abstractmethod
    def q(self):
        return "q"

    @classmethod
    @abc.abstractmethod
    def cm2(cls):
        return "cm2"

    @staticmethod
    @abc.abstractmethod
    def sm2():
        return "sm2"


print(sorted(A.__abstractmethods__))
print(A.cm(), A.sm(), A.cm2(), A.sm2())
print(type(A.__dict__["cm"]).__name__, type(A.__dict__["sm"]).__name__, type(A.__dict__["p"]).__name__)
print(A.__dict__["cm"].__isabstractmethod__, A.__dict__["q"].__isabstractmethod__)
print(issubclass(abc.abstractclassmethod, classmethod), issubclass(abc.abstractproperty, property))
print(abc.abstractclassmethod.__module__, abc.abstractproperty.__isabstractmethod__)
try:
    A()
except TypeError as e:
    print(type(e).__name__, e)


class B(A):
    @classmethod
    def cm(cls):
        return "B.cm"

    @staticmethod
    def sm():
        return "B.sm"

    p = 1
    q = 2
    cm2 = sm2 = None


b = B()
print(B.__abstractmethods__, b.cm(), b.sm(), b.p, b.q)


class C(abc.ABC):
    @abc.abstractmethod
    def __len__(self):
        return 0

    @abc.abstractmethod
    def __iter__(self):
        pass


print(sorted(C.__abstractmethods__))
try:
    C()
except TypeError as e:
    print(type(e).__name__, e)

# abc: subclassing ABCMeta, mixing metaclasses, __new__ signature errors.
import abc


class MyMeta(abc.ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns, **kw)


class A(metaclass=MyMeta):
    @abc.abstractmethod
    def run(self):
        pass


print(type(A).__name__, A.tag, sorted(A.__abstractmethods__))


class B(A):
    def run(self):
        return "run"


print(B.tag, B().run(), type(B) is MyMeta)
print(isinstance(B(), A), issubclass(B, A))

C = abc.ABCMeta("C", (), {"__module__": "m"})
print(C.__name__, C.__module__, C.__abstractmethods__)
try:
    abc.ABCMeta("D")
except TypeError as e:
    print(type(e).__name__, e)
try:
    abc.ABCMeta("D", ())
except TypeError as e:
    print(type(e).__name__, e)


class WithInit(abc.ABC):
    def __init_subclass__(cls, flag=None, **kw):
        super().__init_subclass__(**kw)
        cls.flag = flag


class K(WithInit, flag=7):
    pass


print(K.flag)
print(abc.ABCMeta.__mro__)
print(issubclass(abc.ABCMeta, type), isinstance(abc.ABC, abc.ABCMeta))

# abc: __subclasshook__ answers first; its result is cached.
import abc

calls = []


class HasLen(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        calls.append(C.__name__)
        if cls is HasLen:
            if any("__len__" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


print(issubclass(list, HasLen), issubclass(int, HasLen))
print(isinstance([], HasLen), isinstance(3, HasLen), isinstance("x", HasLen))
print(calls)
print(issubclass(list, HasLen), issubclass(int, HasLen))
print(calls)


class Child(HasLen):
    pass


print(issubclass(list, Child), issubclass(Child, HasLen))


class No(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False


class Sub(No):
    pass


print(issubclass(Sub, No))
No.register(int)
print(issubclass(int, No))


class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, Bad)
except AssertionError as e:
    print(type(e).__name__, e)


class Boom(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        raise ValueError("hook failed")


try:
    isinstance(1, Boom)
except ValueError as e:
    print(type(e).__name__, e)

print(abc.ABC.__subclasshook__(int))

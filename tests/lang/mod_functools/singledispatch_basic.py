# singledispatch: registration forms, MRO dispatch, unions, registry, errors.
import functools

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

@functools.singledispatch
def describe(x):
    "Describe x."
    return "object"

@describe.register
def _(x: int):
    return "int"

@describe.register(str)
def _(x):
    return "str"

describe.register(list, lambda x: "list")

@describe.register
def _(x: float | complex):
    return "number"

print(describe(1), describe("a"), describe([]), describe(1.5), describe(2j), describe(True), describe(None), describe(()))
print(describe.__name__, describe.__doc__, describe.__wrapped__.__name__)
print(type(describe.registry).__name__, [c.__name__ for c in describe.registry])
print(describe.dispatch(bool)(0), describe.dispatch(dict)({}), describe.dispatch(float) is describe.registry[complex])
print(describe.register(tuple)(lambda x: "tuple")((1,)), describe((1,)))

class Base:
    pass
class Child(Base):
    pass
class Grand(Child):
    pass
describe.register(Base, lambda x: "Base")
describe.register(Grand, lambda x: "Grand")
print(describe(Base()), describe(Child()), describe(Grand()))

class Fake:
    __class__ = int
print(describe(Fake()))

show(lambda: describe())
show(lambda: describe.register(1))
show(lambda: describe.register(1, len))
def noann(x):
    pass
try:
    describe.register(noann)
except TypeError as e:
    print(str(e).split(" at ")[0], "|", str(e).split(">")[1])
def badann(x: 1):
    pass
show(lambda: describe.register(badann))

class Shapes:
    @functools.singledispatch
    def area(arg):
        return ("generic", type(arg).__name__)
print(Shapes.area(3), Shapes().area()[1])
describe._clear_cache()
print(describe(1))
print(functools.__all__)
from functools import *
print(callable(singledispatchmethod), callable(cached_property), WRAPPER_UPDATES)

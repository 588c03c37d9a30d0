# singledispatchmethod: dispatch on the argument after self, with class and
# static methods, registration forms and errors.
import functools

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class Negator:
    @functools.singledispatchmethod
    def neg(self, arg):
        "Negate."
        return ("generic", type(arg).__name__)

    @neg.register
    def _(self, arg: int):
        return -arg

    @neg.register(bool)
    def _(self, arg):
        return not arg

    @neg.register
    def _(self, arg: list | tuple):
        return [-x for x in arg]

n = Negator()
print(n.neg(5), n.neg(True), n.neg([1, 2]), n.neg((3,)), n.neg("s"), n.neg(2.5))
bound = n.neg
print(bound.__name__, bound.__doc__, bound.__isabstractmethod__, bound.__wrapped__.__name__)
print(Negator.neg(n, 4) if False else Negator.__dict__["neg"].func.__name__)
print(type(Negator.__dict__["neg"]).__name__, [c.__name__ for c in Negator.__dict__["neg"].dispatcher.registry])
show(lambda: n.neg())

class Maker:
    @functools.singledispatchmethod
    @classmethod
    def make(cls, arg):
        return (cls.__name__, "any")
    @make.register
    @classmethod
    def _(cls, arg: str):
        return (cls.__name__, "str", arg)

class SubMaker(Maker):
    pass
print(Maker.make(1), Maker.make("x"), SubMaker.make("y"), Maker().make(2.0))

class Stat:
    @functools.singledispatchmethod
    @staticmethod
    def kind(arg):
        return "other"
    @kind.register
    @staticmethod
    def _(arg: int):
        return "int"
print(Stat.kind(1), Stat().kind("a"))

show(lambda: functools.singledispatchmethod(1))
sdm = functools.singledispatchmethod(lambda self, x: "base")
sdm.register(int, lambda self, x: "int")
class Late:
    m = sdm
print(Late().m(1), Late().m("a"))

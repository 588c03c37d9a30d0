# partialmethod: binding to instances and classes, nesting, repr.
from functools import partialmethod, partial

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state, note=""):
        self.alive = state
        return (state, note)
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note="rip")
    @classmethod
    def make(cls, tag):
        return (cls.__name__, tag)
    made = partialmethod(make, "cm")
    @staticmethod
    def st(a, b):
        return (a, b)
    stp = partialmethod(st, 1)

c = Cell()
print(c.set_alive(), c.alive, c.set_dead(), c.alive, c.set_dead(note="x"))
print(Cell.set_alive(c), Cell.made(), c.made(), c.stp(2))
bound = c.set_alive
print(type(bound).__name__, bound.func.__self__ is c, bound.args)
pm = Cell.__dict__["set_dead"]
print(pm.func is Cell.set_state, pm.args, pm.keywords, type(pm).__name__)
nested = partialmethod(pm, note="override")
print(nested.func is Cell.set_state, nested.args, nested.keywords)
print(repr(partialmethod(len)).replace(hex(id(len)), "X"))
print(repr(partialmethod(Cell.set_state, 1, k=2)).split(" at ")[0])
show(lambda: partialmethod(1))
show(lambda: partialmethod())
print(partialmethod(len).__isabstractmethod__)

class Sub(Cell):
    set_both = partialmethod(Cell.set_state, "both", note="n")
print(Sub().set_both(), Sub().set_alive())

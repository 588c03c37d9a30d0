# attrgetter, itemgetter and methodcaller: calls, dotted names, reprs, errors.
import operator as op

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class Name:
    first = "Ada"
    last = "Lovelace"
class Person:
    name = Name()
    age = 36
p = Person()
print(op.attrgetter("age")(p), op.attrgetter("name.first")(p), op.attrgetter("age", "name.last")(p))
ag = op.attrgetter("name.first", "age")
print(repr(ag), repr(op.attrgetter("x")), type(ag), type(ag).__name__)
print(repr(op.attrgetter("a..b")), repr(op.attrgetter("a", "b.c.d")))
show(lambda: op.attrgetter("nope")(p))
show(lambda: op.attrgetter("name.nope")(p))
show(lambda: op.attrgetter())
show(lambda: op.attrgetter(1))
show(lambda: op.attrgetter("a")(1, 2))
show(lambda: op.attrgetter("a")())
show(lambda: op.attrgetter("a", x=1))
show(lambda: ag.missing)

print(op.itemgetter(1)("abc"), op.itemgetter(0, 2)("abc"), op.itemgetter("k")({"k": 5}))
print(op.itemgetter(slice(1, None))([1, 2, 3]), op.itemgetter(1, 1)([7, 8]))
print(repr(op.itemgetter(1)), repr(op.itemgetter(1, "a", None)))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=op.itemgetter(1)))
show(lambda: op.itemgetter()(1))
show(lambda: op.itemgetter(5)([1]))
show(lambda: op.itemgetter(1)())
show(lambda: op.itemgetter(1)(a=1))
ig = op.itemgetter(0)
print(ig == ig, op.itemgetter(1) == op.itemgetter(1))

print(op.methodcaller("upper")("abc"), op.methodcaller("split", ",")("a,b"), op.methodcaller("split", sep="-", maxsplit=1)("a-b-c"))
print(repr(op.methodcaller("f")), repr(op.methodcaller("f", 1, "x", k=[2], z=None)))
show(lambda: op.methodcaller())
show(lambda: op.methodcaller(1))
show(lambda: op.methodcaller(name="x"))
show(lambda: op.methodcaller("f")(1, 2))
show(lambda: op.methodcaller("nope")(1))
show(lambda: op.methodcaller("upper", 1)("a"))

class Rec:
    pass
r = op.itemgetter(0)
for t in (op.attrgetter, op.itemgetter, op.methodcaller):
    show(lambda: type("Sub", (t,), {}))

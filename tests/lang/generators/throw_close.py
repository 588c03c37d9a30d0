def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("cleanup")
it = g(); print(next(it)); print(it.throw(ValueError("boom"))); it.close()
def h():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise
x = h(); next(x); x.close(); print("closed")
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad(); next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def stopper():
    raise StopIteration
    yield
try:
    next(stopper())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
y = h()
try:
    y.throw(KeyError("early"))
except KeyError as e:
    print("KeyError", e)

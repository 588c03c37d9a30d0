def f():
    try:
        raise KeyError("inner")
    except KeyError:
        print("handling")
        raise
try:
    f()
except KeyError as e:
    print("outer got", repr(e))
try:
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError as t:
            print("inner", t)
        raise
except ValueError as v:
    print("restored", v)
import sys
try:
    raise IndexError("x")
except IndexError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
print(sys.exc_info())
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

# update_wrapper / wraps metadata copying, and cmp_to_key.
import functools

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def original(a, b):
    "Original doc."
    return a + b
original.extra = {"k": 1}
original.__annotations__ = {"a": int}

def wrapper(*args):
    return original(*args)
r = functools.update_wrapper(wrapper, original)
print(r is wrapper, wrapper.__name__, wrapper.__qualname__, wrapper.__doc__, wrapper.__annotations__)
print(wrapper.__wrapped__ is original, wrapper.extra, wrapper.__module__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

def w2():
    pass
functools.update_wrapper(w2, original, assigned=("__doc__",), updated=())
print(w2.__name__, w2.__doc__, hasattr(w2, "extra"), w2.__wrapped__ is original)

class NoAttrs:
    pass
obj = NoAttrs()
def w3():
    pass
functools.update_wrapper(w3, obj)
print(w3.__name__, w3.__wrapped__ is obj)

def deco(fn):
    @functools.wraps(fn)
    def inner(*a, **k):
        return ("wrapped", fn(*a, **k))
    return inner

@deco
def greet(name):
    "Say hi."
    return "hi " + name
print(greet("bob"), greet.__name__, greet.__doc__, greet.__wrapped__("x"))
wr = functools.wraps(original)
print(type(wr).__name__, wr.func is functools.update_wrapper, sorted(wr.keywords))
show(lambda: functools.update_wrapper(1, original))

keyf = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))
k1, k2 = keyf(1), keyf(2)
print(k1 < k2, k1 > k2, k1 == keyf(1), k1 != k2, k1 <= k2, k2 >= k1, k1.obj)
print(type(keyf).__name__, type(k1).__name__, type(keyf) is type(k1))
show(lambda: k1 < 2)
show(lambda: hash(k1))
show(lambda: keyf())
show(lambda: functools.cmp_to_key())
print(min([5, 3, 8], key=functools.cmp_to_key(lambda a, b: a - b)))
k1.obj = 10
print(k1 > k2)

# functools.reduce: initial values, empty iterables, errors.
from functools import reduce

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 7)))
print(reduce(lambda a, b: a + b, [], 10), reduce(lambda a, b: a + b, [5]), reduce(lambda a, b: a + b, [5], 1))
print(reduce(lambda acc, x: acc + [x * 2], "abc", []), reduce(max, [3, 9, 2]))
print(reduce(lambda a, b: a + b, iter(["x", "y", "z"])), reduce(lambda a, b: (a, b), range(4)))
show(lambda: reduce(lambda a, b: a + b, []))
show(lambda: reduce(None, []))
show(lambda: reduce(lambda a, b: a + b, 1))
show(lambda: reduce(1))
show(lambda: reduce(lambda a, b: a + b, [1], 2, 3))
show(lambda: reduce(lambda a, b: a + b, [], initial=1))
show(lambda: reduce(lambda a, b: a / b, [1, 0]))
show(lambda: reduce(None, [1, 2]))

def gen():
    yield 1
    raise ValueError("from the generator")
show(lambda: reduce(lambda a, b: a + b, gen()))
calls = []
def track(a, b):
    calls.append((a, b))
    return a + b
print(reduce(track, [1, 2, 3], 0), calls)

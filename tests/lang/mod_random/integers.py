# randrange, randint and _randbelow: small and huge ranges, negative steps,
# integral floats, and the error messages for empty or bad ranges.
import random

r = random.Random(1234)
print([r.randrange(10) for _ in range(10)])
print([r.randrange(5, 15) for _ in range(10)])
print([r.randrange(0, 100, 7) for _ in range(10)])
print([r.randrange(100, 0, -3) for _ in range(10)])
print([r.randrange(-50, -10, 4) for _ in range(5)])
print([r.randint(1, 6) for _ in range(20)])
print([r.randint(-3, 3) for _ in range(10)])
print(r.randint(5, 5), r.randrange(7, 8), r.randrange(1))
print(r.randrange(2**100), r.randrange(-(2**80), 2**80), r.randrange(0, 2**90, 2**70 + 1))
print(r.randint(10**30, 10**30 + 5), r.randrange(2**64), r.randrange(2**63, 2**64))
print([r._randbelow(n) for n in (1, 2, 3, 10, 2**32, 2**32 + 1, 2**64 + 3)])
print(r._randbelow_with_getrandbits(1000), r._randbelow_without_getrandbits(1000))
print(r._randbelow_without_getrandbits(10, 64), r._randbelow_without_getrandbits(2**40))
print(r.randrange(10, step=1), r.randrange(True, 10), r.randrange(3, stop=9, step=2))


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(r.randrange(Index(5), Index(50), Index(5)))


def err(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


err(r.randrange, 0)
err(r.randrange, -5)
err(r.randrange, 5, 5)
err(r.randrange, 10, 2)
err(r.randrange, 2**70, 5)
err(r.randrange, 0, 10, 0)
err(r.randrange, 0, 10, -1)
err(r.randrange, 10, 0, 1)
err(r.randrange, 5, None, 2)
err(r.randrange, 5, step=2)
err(r.randrange, None)
err(r.randrange, 0, "x")
err(r.randrange)
err(r.randrange, 1, 2, 3, 4)
err(r.randrange, 1, start=2)
err(r.randrange, 1, foo=2)
err(r.randint, 5, 4)
err(r.randint, 1)
err(r.randint)
err(r.randint, 1, 2, 3)
err(r.randint, 1, b=2, c=3)
err(r.randint, 1, a=2)
err(r.randint, 1.5, 3)
err(r.randint, 1, "3")
print(r.randint(a=1, b=2) in (1, 2))

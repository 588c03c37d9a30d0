# Subclasses of random.Random: overriding random() (then _randbelow uses
# random() only, as random.py's __init_subclass__ decides), getrandbits(),
# seed(), __init__; instance independence.
import random


class Lcg(random.Random):
    def __init__(self, seed=1):
        self.x = seed
        super().__init__(seed)

    def seed(self, a=None):
        self.x = a if a is not None else 1

    def random(self):
        self.x = (self.x * 1103515245 + 12345) % 2**31
        return self.x / 2**31


g = Lcg(42)
print(Lcg._randbelow is Lcg._randbelow_without_getrandbits)
print([g.random() for _ in range(3)])
print([g.randrange(10) for _ in range(8)], g.randint(1, 100), g.choice("abcdef"))
x = list(range(8))
g.shuffle(x)
print(x, g.sample(range(100), 4), g.choices("ab", k=4), g.uniform(0, 10))
print(g.gauss(), g.expovariate(1), g.gammavariate(2, 1), g.triangular())


class Bits(random.Random):
    def getrandbits(self, k):
        self.calls = getattr(self, "calls", 0) + 1
        return super().getrandbits(k)


b = Bits(5)
plain = random.Random(5)
print(Bits._randbelow is Bits._randbelow_with_getrandbits)
print(b.randrange(1000) == plain.randrange(1000), b.calls)
print(b.random() == plain.random(), b.sample(range(50), 5) == plain.sample(range(50), 5))


class Nothing(random.Random):
    pass


n = Nothing(5)
print(n.randrange(1000), n.choice("xyz"), n.random(), n.gauss())
print(isinstance(n, random.Random), type(n).__name__, Nothing.__mro__[1] is random.Random)


class Fixed(random.Random):
    def random(self):
        return 0.5

    def _randbelow(self, n):
        return n - 1


f = Fixed()
print(f.randrange(10), f.choice("abc"), f.uniform(0, 4), f.triangular(0, 4), f.expovariate(2))


class Custom(random.Random):
    def __init__(self, a, b):
        super().__init__(a * b)
        self.extra = a + b


c = Custom(3, 4)
print(c.extra, c.random() == random.Random(12).random(), c.getstate()[1][-1])


class Versioned(random.Random):
    VERSION = 7


try:
    Versioned(1).setstate((4, (), None))
except ValueError as e:
    print(e)
print(Versioned(1).getstate()[0])

# Instance attributes override methods, as on any Python class.
r = random.Random(3)
r.random = lambda: 0.25
print(r.uniform(0, 8), r.choices("abcd", k=3))
del r.random
print(r.uniform(0, 8))
r.note = "hi"
print(r.note, r.__dict__)

# The module: its functions are bound methods of one hidden instance, its
# constants, Random instances are independent generators, and randbytes.
import random

print(random.Random.__name__, random.Random.__module__)
print(random.random.__self__ is random.seed.__self__, type(random.random.__self__) is random.Random)
for name in ["seed", "random", "uniform", "triangular", "randint", "choice", "randrange", "sample",
             "shuffle", "choices", "normalvariate", "lognormvariate", "expovariate", "vonmisesvariate",
             "gammavariate", "gauss", "betavariate", "paretovariate", "weibullvariate", "getstate",
             "setstate", "getrandbits", "randbytes"]:
    assert callable(getattr(random, name)), name
print(random.NV_MAGICCONST, random.TWOPI, random.LOG4, random.SG_MAGICCONST, random.BPF, random.RECIP_BPF)

random.seed(2023)
a = random.Random(2023)
print(random.random() == a.random(), random.randint(0, 99) == a.randint(0, 99))
b = random.Random(2023)
c = random.Random(2023)
b.random()
print(b.random() == a.random(), c.random() != a.random())

# randbytes: little-endian bytes of getrandbits(8 * n).
r = random.Random(11)
print(r.randbytes(0), r.randbytes(1), r.randbytes(3), r.randbytes(4), r.randbytes(5), r.randbytes(13))
r.seed(11)
n = r.getrandbits(8 * 6)
r.seed(11)
print(r.randbytes(6) == bytes((n >> (8 * i)) & 255 for i in range(6)))
print(len(random.randbytes(100)), type(random.randbytes(2)).__name__)


def err(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


err(r.randbytes, -1)
err(r.randbytes, 1.5)
err(r.randbytes)
err(random.Random, 1, 2)
err(random.Random, y=3)
print(random.Random(x=4).random() == random.Random(4).random())
err(random.seed, 1, 2, 3)
err(random.seed, b=1)
err(random.getstate, 1)
err(random.setstate)
err(random.random, 1)
print(random.Random.seed.__name__, random.Random.randint.__name__)

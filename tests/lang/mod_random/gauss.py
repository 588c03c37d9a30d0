# gauss (Box-Muller with the cached second value in gauss_next),
# normalvariate (Kinderman-Monahan) and lognormvariate.
import random

r = random.Random(161803)
print(r.gauss_next)
a = r.gauss()
print(a, r.gauss_next)
b = r.gauss()
print(b, r.gauss_next)
print([r.gauss(10, 2) for _ in range(5)])
print([r.gauss(mu=-1, sigma=0.5) for _ in range(3)], r.gauss(5, 0), r.gauss(1, 2))

# seed() clears the cached value.
r.seed(1)
r.gauss()
print(r.gauss_next is not None)
r.seed(1)
print(r.gauss_next)
# A user-set cached value is returned next.
r.gauss_next = 0.5
print(r.gauss(), r.gauss(100, 10), r.gauss_next is not None)
r.gauss_next = 2
print(r.gauss(1, 3))

print([r.normalvariate() for _ in range(5)])
print([r.normalvariate(100, 15) for _ in range(5)], r.normalvariate(0, 0), r.normalvariate(sigma=2))
print([r.lognormvariate(0, 1) for _ in range(5)], r.lognormvariate(1.5, 0.25))

random.seed(7)
print(random.gauss(), random.gauss(), random.normalvariate(), random.lognormvariate(0, 0.5))


def err(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


err(r.gauss, "a")
err(r.gauss, 0, "s")
err(r.normalvariate, 0, 1, 2)
err(r.lognormvariate, 0)
err(r.gauss, mu=1, sd=2)

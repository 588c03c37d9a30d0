# The continuous distributions with fixed seeds: uniform, triangular,
# expovariate, vonmisesvariate, gammavariate (all three branches),
# betavariate, paretovariate, weibullvariate, and their argument errors.
import random

r = random.Random(2718)


def many(f, *args, n=4):
    return [f(*args) for _ in range(n)]


print(many(r.uniform, 0, 1), many(r.uniform, -5, 5), many(r.uniform, 10, 2))
print(r.uniform(3, 3), r.uniform(1, 2**60), type(r.uniform(1, 2)).__name__)
print(many(r.triangular), many(r.triangular, 0, 10), many(r.triangular, 0, 10, 9))
print(many(r.triangular, 5, 1, 2), r.triangular(3, 3, 3), r.triangular(2, 2), r.triangular(high=4, mode=1))
print(many(r.expovariate, 1.0), many(r.expovariate, 0.5), many(r.expovariate, -2), r.expovariate(3))
print(many(r.vonmisesvariate, 0.0, 1.0), many(r.vonmisesvariate, 3.0, 0.0), many(r.vonmisesvariate, -1, 50))
print(many(r.vonmisesvariate, 100, 4))
print(many(r.gammavariate, 0.5, 1.0), many(r.gammavariate, 1.0, 2.0), many(r.gammavariate, 5.0, 0.5))
print(many(r.gammavariate, 0.01, 1.0), many(r.gammavariate, 200, 1), r.gammavariate(2, 3))
print(many(r.betavariate, 2.0, 3.0), many(r.betavariate, 0.5, 0.5), r.betavariate(1, 1))
print(many(r.paretovariate, 1.0), many(r.paretovariate, 3), r.paretovariate(0.5))
print(many(r.weibullvariate, 1.0, 1.0), many(r.weibullvariate, 2, 0.5), r.weibullvariate(3, 4))
print(r.random())


def err(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


err(r.gammavariate, 0, 1)
err(r.gammavariate, 1, -1)
err(r.gammavariate, -1.0, 0)
err(r.betavariate, 0, 1)
err(r.expovariate, 0)
err(r.expovariate, "x")
err(r.expovariate)
err(r.paretovariate, 0)
err(r.weibullvariate, 1, 0)
err(r.uniform, "a", "b")
err(r.uniform, 1)
err(r.vonmisesvariate, 0, "x")
err(r.gammavariate, "a", 1)
err(r.triangular, 0, 1, "m")
err(r.triangular, 0, 1, 2, 3)
err(r.weibullvariate, 1)

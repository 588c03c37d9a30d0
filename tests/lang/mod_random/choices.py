# choices: equal weights (floor(random() * n)), weights and cum_weights
# (bisect on the cumulative weights), k, and the errors.
import random

r = random.Random(4242)
print(r.choices("abc"))
print(r.choices("abcdefgh", k=12))
print(r.choices(range(100), k=8))
print(r.choices([1, 2, 3], [10, 1, 1], k=10))
print(r.choices([1, 2, 3], weights=[0, 0, 5], k=4))
print(r.choices("xyz", cum_weights=[1, 2, 10], k=10))
print(r.choices("xyz", cum_weights=(0.5, 0.5, 1.5), k=6))
print(r.choices("ab", [0.25, 0.75], k=6))
print(r.choices("ab", [True, True], k=4))
print(r.choices("abc", k=0), r.choices("abc", k=-3))
print(r.choices(["only"], [3], k=3))
# Weights may be any summable numbers; big ints work too.
print(r.choices("abc", [2**70, 1, 2**71], k=5))
print(r.choices(range(5), weights=(x * 0.5 for x in range(1, 6)), k=5))


def err(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


err(r.choices, [], k=2)
err(r.choices, [1, 2], 3)
err(r.choices, [1, 2], [1])
err(r.choices, [1, 2], [1, 2], cum_weights=[1, 2])
err(r.choices, [1, 2], cum_weights=[1])
err(r.choices, [1, 2], [0, 0])
err(r.choices, [1, 2], [-1, 0])
err(r.choices, [1, 2], [1, float("inf")])
err(r.choices, [1, 2], [1, float("nan")])
err(r.choices, [1, 2], ["a", "b"])
err(r.choices, [1, 2], [1, "b"])
err(r.choices, [1, 2], k=2.5)
err(r.choices, [1, 2], k="3")
err(r.choices, [], [], k=1)
err(r.choices, 5)
err(r.choices, [1, 2], None, None, 3)
err(r.choices, [1, 2], 1, 2, k=3)
err(r.choices)
err(r.choices, [1], wieghts=[1])

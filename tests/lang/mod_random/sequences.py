# choice, shuffle and sample: lists, tuples, strings, ranges, both of
# sample's strategies (pool for small populations, set for big ones),
# counts=, and the errors.
import random

r = random.Random(99)
print([r.choice("abcdefg") for _ in range(10)])
print([r.choice((1, 2, 3)) for _ in range(10)])
print([r.choice(range(0, 1000, 7)) for _ in range(5)], r.choice([None]), r.choice(b"xyz"))

x = list(range(20))
r.shuffle(x)
print(x)
for n in range(6):
    y = list("abcdef"[:n])
    r.shuffle(y)
    print(n, y)
ba = bytearray(b"shuffle!")
r.shuffle(ba)
print(ba)


class MySeq:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v


m = MySeq(range(10))
r.shuffle(m)
print(m.items, r.choice(m))

# sample: pool strategy (n <= setsize) and set strategy.
print(r.sample(range(10), 3), r.sample(range(10), 10), r.sample(range(10), 0))
print(r.sample("abcdefghijklmnopqrstuvwxyz", 6))
print(r.sample((1, 2, 3, 4, 5), k=2))
print(r.sample(range(1000), 5))
print(r.sample(range(100000), 20))
print(r.sample(range(10**12), 4))
print(r.sample(list(range(30)), 6), r.sample(list(range(30)), 7))
print(sorted(r.sample(range(50), 50)) == list(range(50)))
# counts=
print(r.sample(["red", "blue"], counts=[4, 2], k=5))
print(r.sample("abc", 6, counts=(1, 2, 3)))
print(r.sample(range(3), k=2, counts=[10**6, 1, 5]))


def err(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


err(r.choice, [])
err(r.choice, "")
err(r.choice, {1, 2})
err(r.choice, 5)
err(r.choice, {1: "a", 0: "b"})
err(r.shuffle, (1, 2, 3))
err(r.shuffle, 5)
err(r.sample, {1, 2, 3}, 2)
err(r.sample, {1: 2}, 1)
err(r.sample, [1, 2, 3], 4)
err(r.sample, [1, 2, 3], -1)
err(r.sample, [1, 2, 3], 1.5)
err(r.sample, [1, 2, 3])
err(r.sample, [1, 2, 3], 2, [1, 1, 1])
err(r.sample, "ab", 1, counts=[1])
err(r.sample, "ab", 1, counts=[0, 0])
err(r.sample, "ab", 1, counts=[1.0, 2.0])
err(r.sample, "ab", 5, counts=[1, 2])
err(r.sample, "", 0, counts=[])
err(r.shuffle, [1, 2], 3)
print(r.choice(seq=[7]))

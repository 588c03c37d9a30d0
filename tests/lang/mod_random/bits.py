# random() and getrandbits(k): the raw output of the generator for every
# word-boundary size, big k, and the argument checks.
import random

r = random.Random(2024)
print([r.random() for _ in range(6)])
for k in [0, 1, 2, 7, 8, 31, 32, 33, 63, 64, 65, 95, 96, 97, 128, 200, 333]:
    v = r.getrandbits(k)
    print(k, v, v.bit_length() <= k)
big = r.getrandbits(5000)
print(big.bit_length() <= 5000, big % 1000003, str(big)[:30])
print(r.getrandbits(True))

# Many values: the twist happens every 624 words.
r.seed(1)
total = 0
for i in range(2000):
    total ^= r.getrandbits(32)
print(total, r.random())

# random() uses two words: 27 + 26 bits.
r.seed(99)
a, b = r.getrandbits(32) >> 5, r.getrandbits(32) >> 6
r.seed(99)
print((a * 67108864.0 + b) * (1.0 / 9007199254740992.0) == r.random())


def err(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)


err(r.getrandbits, -1)
err(r.getrandbits, 1.5)
err(r.getrandbits, "8")
err(r.getrandbits, 2**40)
err(r.getrandbits, -(2**40))
err(r.getrandbits)
err(r.getrandbits, 1, 2)
err(r.random, 1)


class Index:
    def __index__(self):
        return 12


print(r.getrandbits(Index()))

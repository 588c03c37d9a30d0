# random.seed: ints (all bits, sign dropped), str/bytes/bytearray through
# SHA-512 (version 2), version 1 strings, floats through hash(), and the
# types that are refused.
import random


def show(label, r):
    print(label, [round(r.random(), 17) for _ in range(3)], r.getrandbits(40))


for s in [0, 1, 2, 42, 12345, 2**32 - 1, 2**32, 2**32 + 1, 2**64, 2**100 + 7, 3**200]:
    random.seed(s)
    show(s, random)

# The sign is dropped: seed(-n) == seed(n).
for s in [-1, -12345, -(2**70)]:
    random.seed(s)
    a = random.random()
    random.seed(-s)
    print(s, a == random.random(), a)

# str, bytes and bytearray (version 2: SHA-512 of the UTF-8 bytes).
for s in ["", "a", "hello", "héllo wörld", "€" * 10, "x" * 300]:
    random.seed(s)
    show(repr(s), random)
for s in [b"", b"hello", bytes(range(256)), bytearray(b"hello")]:
    random.seed(s)
    show(repr(s), random)
random.seed("hello")
a = random.random()
random.seed(b"hello")
print("str == bytes seed:", a == random.random())

# Version 1 string seeding.
for s in ["", "a", "hello", b"hello", "\xff\u0100"]:
    random.seed(s, version=1)
    show("v1 " + repr(s), random)
random.seed("hello", 1)
print(random.random())

# Floats are seeded through hash(): 1.0 behaves like 1.
for s in [1.0, 1.5, -2.25, 0.1, 1e300, float("inf")]:
    random.seed(s)
    show(repr(s), random)
random.seed(True)
show("True", random)

# Other types are refused.
for bad in [(1, 2), [1], {1: 2}, None.__class__, 3j]:
    try:
        random.seed(bad)
    except TypeError as e:
        print(type(e).__name__, e)

# seed(None) and seed() draw from the OS: two generators differ.
r1 = random.Random()
r2 = random.Random(None)
print(type(r1.random()).__name__, r1.random() != r2.random())
random.seed()
print(0.0 <= random.random() < 1.0)

# A seeded instance equals a seeded module.
r = random.Random(777)
random.seed(777)
print(r.random() == random.random(), r.getrandbits(100) == random.getrandbits(100))
r.seed(a=5, version=2)
print(r.random())

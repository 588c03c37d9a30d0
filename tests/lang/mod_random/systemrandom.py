# random.SystemRandom: OS entropy behind random/getrandbits/randbytes (only
# ranges and types are printed), seed() as a stub, getstate/setstate refused,
# and the inherited algorithms running on top of it.
import random
s = random.SystemRandom()
print(type(s).__name__, isinstance(s, random.Random), random.SystemRandom.__mro__[0].__name__)
x = s.random(); print(0 <= x < 1, type(x).__name__)
print(s.getrandbits(0), s.getrandbits(100).bit_length() <= 100, len(s.randbytes(10)), s.randbytes(0))
print(1 <= s.randint(1, 6) <= 6, s.choice("a"), sorted(s.sample(range(5), 5)), len(s.choices("ab", k=4)))
print(s.seed(5), s.seed(), type(s.gauss()).__name__, type(s.gammavariate(2, 1)).__name__)
for f in (s.getstate, lambda: s.setstate(1)):
    try: f()
    except NotImplementedError as e: print(type(e).__name__, e)
for f in (lambda: s.getrandbits(-1), lambda: s.randbytes(-1), lambda: s.random(1)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(random.SystemRandom._randbelow is random.Random._randbelow)
print(sorted(random.__all__))


class Dice(random.SystemRandom):
    def random(self):
        return 0.75


d = Dice()
print(d.uniform(0, 4), d.choices("abcd", k=2), 0 <= d.randrange(10) < 10)

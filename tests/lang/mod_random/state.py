# getstate()/setstate(): the (3, 625-tuple, gauss_next) format, round
# trips, version 2 states and the errors of malformed states.
import random

r = random.Random(31337)
s = r.getstate()
print(type(s).__name__, len(s), s[0], type(s[1]).__name__, len(s[1]), s[2])
print(s[1][:4], s[1][-1])
first = [r.random() for _ in range(5)]
r.setstate(s)
print(first == [r.random() for _ in range(5)])

# gauss_next is part of the state.
r.seed(5)
r.gauss()
s = r.getstate()
print(s[2])
g = r.gauss()
r.setstate(s)
print(g == r.gauss())

# States move between instances and the module.
random.seed(8)
other = random.Random()
other.setstate(random.getstate())
print(other.random() == random.random())

# An index in the middle of the block.
r.seed(3)
for _ in range(100):
    r.getrandbits(32)
s = r.getstate()
print(s[1][-1])
x = r.getrandbits(64)
r.setstate(s)
print(x == r.getrandbits(64))

# A hand-made state: all ones, index 624 (twist on the next draw), index 0.
r.setstate((3, (1,) * 624 + (624,), None))
print(r.getrandbits(32), r.random())
r.setstate((3, (7,) * 624 + (0,), 1.25))
print(r.getrandbits(32), r.gauss())
# Words wider than 32 bits are truncated.
r.setstate((3, (2**32 + 5,) * 624 + (10,), None))
print(r.getstate()[1][:3])
# Version 2: words reduced modulo 2**32.
r.setstate((2, (-1,) * 624 + (5,), None))
print(r.getstate()[1][:2], r.getstate()[1][-1])


def err(state):
    try:
        r.setstate(state)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)


err((3, (1,) * 624, None))
err((3, [1] * 625, None))
err((3, (1,) * 624 + (625,), None))
err((3, (1,) * 624 + (-1,), None))
err((3, (-1,) * 624 + (6,), None))
err((3, (2**64 + 5,) * 624 + (6,), None))
err((3, (1.5,) * 624 + (6,), None))
err((3, (1,) * 624 + ("x",), None))
err((4, (1,) * 625, None))
err((3, (1,) * 625))
err((3, (1,) * 625, None, 4))
err(5)
err(())
err([3, (1,) * 625, 0.5])
print(r.gauss_next)

# __reduce__ / __getstate__ / __setstate__ (the pickle protocol).
r.seed(10)
red = r.__reduce__()
print(red[0] is random.Random, red[1], red[2] == r.getstate())
r2 = random.Random()
r2.__setstate__(r.__getstate__())
print(r2.random() == r.random())
print(random.Random.VERSION, r.VERSION)

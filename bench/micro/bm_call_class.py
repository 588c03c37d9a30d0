"""Class instantiation: __init__ with a few attributes, a __slots__ class, a namedtuple.

Exercises calling a type object: object allocation, __init__ dispatch and
attribute stores into a fresh instance dict, slot stores, tuple-subclass
construction through __new__ (collections.namedtuple), and deallocation.
"""

from collections import namedtuple

SCALES = {"tiny": 3500, "quick": 87500, "full": 350000}

MASK = 0xFFFFFFFF

Pair = namedtuple("Pair", "left right")


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class SlotPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Empty:
    pass


def run(n):
    acc = 0
    for i in range(n):
        p = Point(i, i + 1, i & 7)
        s = SlotPoint(i & 255, p.z)
        t = Pair(s.x, p.y)
        e = Empty()
        acc = (acc + p.x + s.y + t.left + t[1] + (e is not None)) & MASK
    return acc

"""Attribute loads: instance dict attributes, slots, class attributes, properties, module attributes.

Exercises LOAD_ATTR in its specialized shapes: attributes in an instance dict,
__slots__ descriptors, class-level attributes read through an instance,
property getters, and module attribute loads (math.pi, math.e).
"""

import math

SCALES = {"tiny": 10000, "quick": 250000, "full": 1000000}

MASK = 0xFFFFFFFF


class Plain:
    kind = 5

    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


class Slotted:
    __slots__ = ("p", "q")

    def __init__(self, p, q):
        self.p = p
        self.q = q


class WithProp:
    def __init__(self, v):
        self._v = v

    @property
    def v(self):
        return self._v


def run(n):
    o = Plain(3, 5, 7)
    s = Slotted(11, 13)
    w = WithProp(17)
    acc = 0
    fsum = 0.0
    for i in range(n):
        t = o.a + o.b + o.c + o.kind
        u = s.p * s.q
        v = w.v + w._v
        fsum += math.pi - math.e
        acc = (acc + t + u + v + i) & MASK
    return "%d %.6f" % (acc, fsum)

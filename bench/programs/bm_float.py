"""Float points: build n Point objects from sin/cos, normalize each, then fold them into a componentwise maximum.

Exercises object creation with __init__ (three attribute stores), attribute
loads and stores on many small instances (__slots__-free, so instance dicts),
method calls, math.sin/math.cos/math.sqrt, and float comparisons inside max().
The checksum formats the maximum point and a running sum with "%.9f"."""
import math


class Point(object):
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    current = points[0]
    for p in points[1:]:
        current = current.maximize(p)
    return current


def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    total = 0.0
    for p in points:
        total += p.x - p.y + p.z
    best = maximize(points)
    return "%.9f %.9f %.9f %.9f" % (best.x, best.y, best.z, total)


SCALES = {"tiny": 2000, "quick": 40000, "full": 160000}

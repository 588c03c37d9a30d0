"""Chaos game: a point repeatedly moved by randomly chosen affine maps, plotted into a grid of hit counts.

Exercises float arithmetic through method calls on small transform objects,
a hand-written 32-bit xorshift generator (integer shifts, xor, masking),
weighted choice by bisect over cumulative weights, a piecewise-linear
(linear-interpolation) warp applied to each point, clamping with min/max,
and list-of-lists indexing with increments. The checksum folds every grid
cell into a 32-bit hash, with the total hits and the number of lit cells."""
import bisect

WIDTH = 256
HEIGHT = 256

# (a, b, c, d, e, f, weight): x' = a*x + b*y + e, y' = c*x + d*y + f (a fern-like set)
MAPS = (
    (0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
    (0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
    (0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
    (-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7),
)

# control points of a monotone piecewise-linear warp of [0, 1] onto [0, 1]
WARP = (0.0, 0.08, 0.2, 0.37, 0.55, 0.7, 0.83, 0.93, 1.0)


class XorShift32(object):
    def __init__(self, seed):
        self.state = (seed & 0xFFFFFFFF) or 1

    def next(self):
        s = self.state
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        self.state = s
        return s

    def uniform(self):
        return self.next() / 4294967296.0


class Affine(object):
    def __init__(self, a, b, c, d, e, f):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


class Warp(object):
    def __init__(self, knots):
        self.knots = knots
        self.segments = len(knots) - 1

    def __call__(self, u):
        u = min(max(u, 0.0), 1.0)
        pos = u * self.segments
        i = int(pos)
        if i >= self.segments:
            i = self.segments - 1
        frac = pos - i
        k0 = self.knots[i]
        return k0 + (self.knots[i + 1] - k0) * frac


class Chaos(object):
    def __init__(self, seed):
        self.rng = XorShift32(seed)
        self.maps = [Affine(*m[:6]) for m in MAPS]
        total = 0
        self.cumulative = []
        for m in MAPS:
            total += m[6]
            self.cumulative.append(total)
        self.total = total
        self.warp = Warp(WARP)
        self.grid = [[0] * WIDTH for _ in range(HEIGHT)]
        # bounds of the fern set
        self.xmin, self.xmax = -2.2, 2.7
        self.ymin, self.ymax = 0.0, 10.0

    def choose(self):
        r = self.rng.next() % self.total
        return self.maps[bisect.bisect_right(self.cumulative, r)]

    def plot(self, x, y):
        u = self.warp((x - self.xmin) / (self.xmax - self.xmin))
        v = self.warp((y - self.ymin) / (self.ymax - self.ymin))
        col = min(int(u * WIDTH), WIDTH - 1)
        row = min(int(v * HEIGHT), HEIGHT - 1)
        self.grid[row][col] += 1

    def iterate(self, n):
        x = self.rng.uniform()
        y = self.rng.uniform()
        for i in range(n):
            x, y = self.choose().apply(x, y)
            if i >= 20:
                self.plot(x, y)


def run(n):
    chaos = Chaos(20240607)
    chaos.iterate(n)
    h = 2166136261
    hits = 0
    lit = 0
    for row in chaos.grid:
        for c in row:
            h = ((h ^ c) * 16777619) & 0xFFFFFFFF
            hits += c
            if c:
                lit += 1
    return "%d %d %d" % (hits, lit, h)


SCALES = {"tiny": 1000, "quick": 32000, "full": 130000}

"""One call site and one attribute site seeing many types (the megamorphic case).

Exercises LOAD_ATTR / LOAD_METHOD / CALL sites that see five unrelated classes
in turn, so per-site caches keyed on one type keep missing, and a BINARY_OP
site that sees int+int, float+float and int+float operands.
"""

SCALES = {"tiny": 5300, "quick": 132500, "full": 530000}

MASK = 0xFFFFFFFF


class Square:
    def __init__(self, s):
        self.size = s

    def area(self):
        return self.size * self.size


class Rect:
    def __init__(self, s):
        self.size = s
        self.h = s + 2

    def area(self):
        return self.size * self.h


class Tri:
    def __init__(self, s):
        self.base = s
        self.size = s + 1

    def area(self):
        return (self.base * self.size) // 2


class Circle:
    def __init__(self, s):
        self.size = s

    def area(self):
        return (self.size * self.size * 355) // 113


class Line:
    __slots__ = ("size",)

    def __init__(self, s):
        self.size = s

    def area(self):
        return 0


def combine(a, b):
    return a + b


def run(n):
    shapes = [Square(3), Rect(4), Tri(5), Circle(6), Line(7), Rect(2), Circle(1)]
    nums = [1, 2.5, 3, 0.25, 7, 1.5]
    ns = len(shapes)
    nn = len(nums)
    acc = 0
    f = 0.0
    for i in range(n):
        s = shapes[i % ns]
        a = s.area() + s.size
        t = shapes[(i + 3) % ns]
        b = t.area() - t.size
        x = combine(nums[i % nn], nums[(i + 1) % nn])
        y = combine(a, b)
        if x.__class__ is float:
            f += x
        else:
            acc += x
        acc = (acc + y) & MASK
    return "%d %.3f" % (acc, f)

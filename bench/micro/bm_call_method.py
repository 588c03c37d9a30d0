"""Method calls on instances, obj.m(x), including methods found on a base class.

Exercises LOAD_METHOD/CALL on plain instances: the method lookup through the
type (own class and a base class two levels up), the bound-method-free call
path, and self attribute loads inside the callees.
"""

SCALES = {"tiny": 7000, "quick": 175000, "full": 700000}

MASK = 0xFFFFFFFF


class Base:
    def __init__(self, k):
        self.k = k

    def base_step(self, x):
        return x + self.k


class Middle(Base):
    def middle_step(self, x):
        return x ^ self.k


class Counter(Middle):
    def __init__(self, k):
        Base.__init__(self, k)
        self.total = 0

    def add(self, x):
        self.total += x
        return self.total

    def get(self):
        return self.total & 0xFFFF


def run(n):
    c = Counter(7)
    m = Middle(3)
    acc = 0
    for i in range(n):
        a = c.base_step(i)
        b = c.middle_step(a)
        d = m.middle_step(b)
        e = m.base_step(d)
        c.add(e & 1023)
        acc = (acc + c.get() + e) & MASK
    return acc ^ (c.total & MASK)

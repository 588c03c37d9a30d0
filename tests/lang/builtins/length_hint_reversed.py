# reversed over the sequence protocol and the generic sequence iterator:
# hints follow the sequence's current len().
import operator

class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10

s = Seq(3)
it = reversed(s)
print(type(it).__name__, it.__length_hint__(), operator.length_hint(it))
print(next(it), it.__length_hint__())
s.n = 1
print("shrunk", it.__length_hint__())
s.n = 10
print("grown", it.__length_hint__())
print(list(it), it.__length_hint__())

for seq in ((1, 2, 3), "abc"):
    it = reversed(seq)
    print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__())

# the generic iterator over __getitem__
s = Seq(4)
it = iter(s)
print(type(it).__name__, it.__length_hint__())
next(it)
print(it.__length_hint__())
s.n = 0
print("shrunk", it.__length_hint__())
s.n = 3
print(list(it), it.__length_hint__())

# without __len__ the hint is NotImplemented, so operator.length_hint uses
# its default
class NoLen:
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i
it = iter(NoLen())
print(it.__length_hint__(), operator.length_hint(it), operator.length_hint(it, 7))
print(list(it), it.__length_hint__())

# errors from __len__ propagate out of the hint
class BadLen(Seq):
    def __len__(self):
        raise ZeroDivisionError("len failed")
it2 = iter(BadLen(2))
try:
    it2.__length_hint__()
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    operator.length_hint(it2)
except ZeroDivisionError as e:
    print("operator", type(e).__name__, e)

# reversed subclasses inherit the method
class R(reversed):
    pass
r = R((4, 5, 6))
print(type(r).__name__, r.__length_hint__(), list(r))

# _collections_abc: Sequence and MutableSequence mixins.
import _collections_abc as cabc


class Seq(cabc.Sequence):
    def __init__(self, *items):
        self.items = list(items)

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


s = Seq(1, 2, 3, 2, 1)
print(list(s), 3 in s, 9 in s, list(reversed(s)))
print(s.index(2), s.index(2, 2), s.index(1, -1), s.count(2), s.count(7))
for args in [(9,), (3, 0, 2), (2, 4)]:
    try:
        print(s.index(*args))
    except ValueError as e:
        print("ValueError", repr(str(e)))
print(isinstance(s, cabc.Reversible), isinstance(s, cabc.Collection), isinstance(s, cabc.MutableSequence))
try:
    Seq.__abstractmethods__ and cabc.Sequence()
except TypeError as e:
    print(type(e).__name__, e)


class MSeq(cabc.MutableSequence):
    def __init__(self):
        self.data = []

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, v):
        self.data[i] = v

    def __delitem__(self, i):
        del self.data[i]

    def __len__(self):
        return len(self.data)

    def insert(self, i, v):
        self.data.insert(i, v)


m = MSeq()
m.append(1)
m.extend([2, 3, 4])
m += [5]
print(m.data)
m.reverse()
print(m.data, m.pop(), m.pop(0), m.data)
m.remove(3)
print(m.data)
m.extend(m)
print(m.data)
m.clear()
print(m.data, len(m))
try:
    m.pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    m.remove(1)
except ValueError as e:
    print(type(e).__name__)
try:
    cabc.MutableSequence()
except TypeError as e:
    print(type(e).__name__, e)


class Half(cabc.MutableSequence):
    def __getitem__(self, i):
        return 0

    def __len__(self):
        return 0


print(sorted(Half.__abstractmethods__))
print(cabc.Sequence.__dict__["__getitem__"].__isabstractmethod__)

# bisect_left/bisect_right/bisect and the insort family on lists, with lo/hi.
import bisect

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 2.5, 3, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right)
print(bisect.bisect.__name__, bisect.insort.__name__)
for lo, hi in [(0, 7), (2, 5), (3, 3), (5, 2), (0, 0), (0, 100)]:
    try:
        print(lo, hi, bisect.bisect_left(a, 2, lo, hi), bisect.bisect_right(a, 2, lo=lo, hi=hi))
    except Exception as e:
        print(lo, hi, type(e).__name__, e)
print(bisect.bisect_left(a, 2, hi=None), bisect.bisect_right(a, 2, 1, None), bisect.bisect_left(a, 3, hi=-1))

b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(b, x)
print(b)
c = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort_left(c, x)
print(c)
d = [1, 3, 5]
bisect.insort_right(d, 4, 0, 3)
bisect.insort_left(d, 0, lo=0, hi=0)
print(d)

# which equal element is kept first: insort_left puts the new one before
pairs = []
class P:
    def __init__(self, k, tag):
        self.k, self.tag = k, tag
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return f'{self.k}{self.tag}'
lst = []
for k, tag in [(1, 'a'), (2, 'a'), (1, 'b'), (2, 'b')]:
    bisect.insort_right(lst, P(k, tag))
print(lst)
lst = []
for k, tag in [(1, 'a'), (2, 'a'), (1, 'b'), (2, 'b')]:
    bisect.insort_left(lst, P(k, tag))
print(lst)

# other sequences: tuples, strings, ranges, a __getitem__ class
print(bisect.bisect((1, 3, 5), 4), bisect.bisect('acegi', 'd'), bisect.bisect_left(range(0, 100, 3), 50))
class Seq:
    def __init__(self, n):
        self.n = n
        self.calls = 0
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        self.calls += 1
        return i * 10
s = Seq(1000)
print(bisect.bisect_left(s, 4321), s.calls)
class Ins(list):
    def insert(self, i, x):
        print('insert called', i, x)
        list.insert(self, i, x)
m = Ins([1, 2, 4])
bisect.insort(m, 3)
print(m)

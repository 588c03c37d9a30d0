# heapq.py's private sift helpers (used by code that keeps its own heaps)
# and the Python-function argument errors of heapq's Python-level functions;
# _bisect / _heapq hold the same function objects as bisect / heapq.
import heapq, _heapq, bisect, _bisect

h = [1, 3, 5, 7, 9, 2]
heapq._siftdown(h, 0, 5)
print(h)
h = [8, 1, 2, 3, 4, 5, 6]
heapq._siftup(h, 0)
print(h)
h = [9, 7, 8, 3, 4, 10]
heapq._siftdown_max(h, 0, 5)
print(h)
h = [0, 9, 8, 7, 6, 5]
heapq._siftup_max(h, 0)
print(h)
h = [5, 4, 3, 2, 1]
heapq._heapify_max(h)
print(h, heapq._heappop_max(h), h, heapq._heapreplace_max(h, 0), h)

class Seq:
    # a mutable sequence that is not a list: the Python helpers accept it
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
s = Seq([6, 2, 4, 1])
heapq._siftup(s, 0)
print(s.items)
heapq._siftdown(s, 0, 3)
print(s.items)

def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('_siftdown()', lambda: heapq._siftdown())
attempt('_siftdown(h)', lambda: heapq._siftdown([]))
attempt('_siftdown(h, 0)', lambda: heapq._siftdown([], 0))
attempt('_siftup(h, 0, 1)', lambda: heapq._siftup([1], 0, 1))
attempt('_siftup(pos=0)', lambda: heapq._siftup(pos=0))
attempt('_siftup([], 0)', lambda: heapq._siftup([], 0))
attempt('_siftup kw', lambda: heapq._siftup(heap=[3, 1], pos=0))
attempt('nlargest 4 args', lambda: heapq.nlargest(1, [], None, 2))
attempt('nsmallest n twice', lambda: heapq.nsmallest(1, [1], n=1))
attempt('nsmallest kw', lambda: heapq.nsmallest(iterable=[3, 1, 2], n=2, key=None))
print(_heapq.heappop is heapq.heappop, _bisect.bisect_right is bisect.bisect, _bisect.insort_right is bisect.insort)
print(bisect.bisect_left.__module__, heapq.heapify.__module__)

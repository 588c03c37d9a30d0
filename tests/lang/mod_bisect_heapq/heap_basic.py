# heappush/heappop/heapify/heapreplace/heappushpop: the exact list layout
# after each operation, as CPython's algorithm produces it.
import heapq

data = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 3, 5]
h = []
for x in data:
    heapq.heappush(h, x)
    print(h)
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out)

for n in range(0, 12):
    v = [(i * 7919) % 13 for i in range(n)]
    heapq.heapify(v)
    print(n, v)

h = [1, 4, 2, 9, 5]
print(heapq.heapreplace(h, 7), h)
print(heapq.heapreplace(h, 0), h)
print(heapq.heappushpop(h, -1), h)
print(heapq.heappushpop(h, 6), h)
print(heapq.heappushpop([], 3))
h = [3.5, 2, 'x']
try:
    heapq.heapify(h)
except TypeError as e:
    print('TypeError', e)
print(h)

big = [(i * 104729) % 1009 for i in range(500)]
heapq.heapify(big)
print(big[:20], [heapq.heappop(big) for _ in range(10)])
print(sorted(big) == [heapq.heappop(big) for _ in range(len(big))])

# tuples: ties broken by the second field
h = []
for item in [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]:
    heapq.heappush(h, item)
print([heapq.heappop(h) for _ in range(4)])
print(heapq.heappush is heapq.heappush, heapq.heappop.__name__, heapq.heapify.__module__)
import _heapq
print(_heapq.heappush is heapq.heappush)

# heapify of a large list: CPython sifts in a cache-friendly order above 2500
# items; the order of comparisons is visible through __lt__.
log = []
class Logged:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
for n in [2500, 2501, 4099]:
    log.clear()
    items = [Logged((i * 7919) % n) for i in range(n)]
    heapq.heapify(items)
    print(n, len(log), hash(tuple(log)) % 1000003, [x.v for x in items[:8]])

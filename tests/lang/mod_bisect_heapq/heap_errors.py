# heapq argument checking and the messages of each error.
import heapq

def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('push non-list', lambda: heapq.heappush(1, 2))
attempt('push tuple', lambda: heapq.heappush((), 2))
attempt('push 1 arg', lambda: heapq.heappush([]))
attempt('push 3 args', lambda: heapq.heappush([], 1, 2))
attempt('push kw', lambda: heapq.heappush([], x=1))
attempt('pop empty', lambda: heapq.heappop([]))
attempt('pop tuple', lambda: heapq.heappop(()))
attempt('pop 2 args', lambda: heapq.heappop([1], 2))
attempt('pop none', lambda: heapq.heappop())
attempt('heapify tuple', lambda: heapq.heapify(()))
attempt('heapify none', lambda: heapq.heapify())
attempt('replace empty', lambda: heapq.heapreplace([], 1))
attempt('replace dict', lambda: heapq.heapreplace({}, 1))
attempt('pushpop str', lambda: heapq.heappushpop('ab', 1))
attempt('pushpop empty', lambda: heapq.heappushpop([], 1))
attempt('incomparable push', lambda: heapq.heappush([1], 'a'))
attempt('nlargest missing', lambda: heapq.nlargest(2))
attempt('nsmallest missing both', lambda: heapq.nsmallest())
attempt('nsmallest too many', lambda: heapq.nsmallest(1, [], None, 4))
attempt('nsmallest bad kw', lambda: heapq.nsmallest(1, [], keys=None))
attempt('nsmallest twice', lambda: heapq.nsmallest(1, [], n=2))
attempt('nsmallest non-iterable', lambda: heapq.nsmallest(2, 5))
attempt('nsmallest float n', lambda: heapq.nsmallest(2.0, iter([3, 1, 2])))
attempt('merge bad kw', lambda: heapq.merge([1], [2], foo=1))
attempt('merge non-iterable', lambda: list(heapq.merge([1], 2)))

# a list subclass is accepted; a list that changes size is detected
class L(list):
    pass
h = L([3, 1, 2])
heapq.heapify(h)
print(type(h).__name__, h)

class Evil:
    def __init__(self, v, heap):
        self.v, self.heap = v, heap
    def __lt__(self, other):
        self.heap.clear()
        return True
h = []
h.extend([Evil(1, h), Evil(2, h)])
attempt('changed size', lambda: heapq.heappush(h, Evil(0, h)))
h2 = []
h2.extend([Evil(1, h2), Evil(2, h2), Evil(3, h2)])
attempt('changed size pop', lambda: heapq.heappop(h2))
attempt('nsmallest float n sized', lambda: heapq.nsmallest(2.5, [3, 1, 2]))
attempt('nsmallest float n large', lambda: heapq.nsmallest(5.0, [3, 1, 2]))
attempt('nlargest n None', lambda: heapq.nlargest(None, [3, 1, 2]))
attempt('nlargest key error', lambda: heapq.nlargest(2, [3, 1, 2, 5], key=lambda x: 1 / (x - 2)))
attempt('nsmallest huge n', lambda: heapq.nsmallest(10**30, iter([3, 1, 2])))

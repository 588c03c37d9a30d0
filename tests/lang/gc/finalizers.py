# PEP 442: __del__ runs once per object, also for objects in cycles; an
# object resurrected by its __del__ survives, and is not finalized again.
import gc

log = []

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(self.name)

def ring(names):
    nodes = [Node(n) for n in names]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.next = b

gc.collect()
ring(['a', 'b', 'c'])
print(gc.collect(), sorted(log))
log.clear()

keep = []
class Phoenix:
    def __del__(self):
        log.append('phoenix del')
        keep.append(self)

def phoenix_cycle():
    p = Phoenix()
    p.me = p
phoenix_cycle()
print(gc.collect(), log, len(keep), gc.is_finalized(keep[0]))
log.clear()
# Collected again: its __del__ does not run a second time.
keep.clear()
print(gc.collect(), log)

# Without a cycle __del__ runs at once, and once.
n = Node('plain')
del n
print(log)
log.clear()

# A finalizer that raises is reported, the collection goes on.
class Bad:
    def __del__(self):
        raise ValueError('from __del__')
def bad_cycle():
    b = Bad()
    b.me = b
bad_cycle()
print(gc.collect())

# Objects reachable from a finalizer-resurrected object survive with it.
class Holder:
    def __del__(self):
        keep.append(self)
def holder_cycle():
    h = Holder()
    h.data = [1, 2, 3]
    h.data.append(h)
holder_cycle()
print(gc.collect(), keep[0].data[:3])

# Entries whose referents die in a garbage cycle vanish after gc.collect().
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


a, b = Node('a'), Node('b')
a.other, b.other = b, a
d = weakref.WeakValueDictionary(a=a, b=b)
k = weakref.WeakKeyDictionary({a: 1})
s = weakref.WeakSet([a, b])
log = []
f = weakref.finalize(a, log.append, 'a finalized')
print(len(d), len(k), len(s), f.alive)
del a, b
gc.collect()
print(len(d), len(k), len(s), f.alive, log)

holder = Node('h')
d2 = weakref.WeakValueDictionary()
for i in range(5):
    n = Node(i)
    d2[i] = n
    if i % 2 == 0:
        holder.__dict__[str(i)] = n
del n
print(sorted(d2.keys()))
del holder
print(sorted(d2.keys()))

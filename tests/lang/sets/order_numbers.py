print({5, 3, 100, -1, 2**40, 7.5})
print(set(range(20)), set([33, 1, 65, 17]), {-5, -1, 0, 8, 16, 1024})
s = set()
for i in [99, 7, 1000, 3, 64, 1]:
    s.add(i)
print(s)
s.discard(7); s.add(8); print(s)
print(frozenset([3, 2, 1]), {(1, 2), (0, 0)}, {0.5, 1.5, 2.0})

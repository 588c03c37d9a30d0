s = set([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048])
print(s, len(s), sorted(s), 3 in s, s | {1000}, s & {1, 2, 64}, s - {1}, frozenset(s) == s)
t = set(); [t.add(v * 3) for v in s]; print(t, {v % 5 for v in s})

s = set([1, 2, 3])
print(s, len(s), sorted(s), 3 in s, s | {1000}, s & {1, 2, 64}, s - {1}, frozenset(s) == s)
t = set(); [t.add(v * 3) for v in s]; print(t, {v % 5 for v in s})

d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = k * k
print(d)
del d[3]; d[3] = 0; print(d, list(d))
d2 = {k: v for k, v in sorted(d.items())}
print(d2, reversed(d2) is not None, list(reversed(d2)))

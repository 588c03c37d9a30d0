d = dict([(0, 0), (1, 1), (2, 4), (3, 9), (4, 16), (5, 25), (6, 36), (7, 49)])
print(d, len(d), list(d), list(d.values()), list(d.items()))
print({k: v for k, v in d.items()}, sorted(d, key=repr), d == dict(d), {**d} == d, list(d.keys())[::-1])
d2 = d.copy(); k = next(iter(d2)); del d2[k]; print(d2, k in d2, d2.get(k, "gone"))

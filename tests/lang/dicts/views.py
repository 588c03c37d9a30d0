d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("c", 3) in i)
d["d"] = 4
print(list(k), list(v))
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), k == {"a", "b", "c", "d"})

x = [1, [2, [3, [4]]], (5, {6: [7]}), {"k": (8,)}]
print(x, repr(x), str(x))
l = [1]; l.append(l); print(l)
d = {}; d["self"] = d; print(d)
print([None, True, 1.5, "s", b"b", (), [], {}])

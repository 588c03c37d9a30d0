d = {"a": 1, "b": 2}
d["c"] = 3; d["a"] = 10
print(d, len(d), d["b"], d.get("z"), d.get("z", 0), "a" in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.setdefault("x", []), d, d.popitem(), d)
d.update({"y": 1}, z=2); print(d)
d.update([("p", 1)]); print(d)
del d["a"]; print(d, d.copy() == d, dict(a=1, b=2), dict([(1, 2)]), dict.fromkeys("ab", 0))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
print({1: "a"} | {2: "b"}, {**{"a": 1}, "b": 2})

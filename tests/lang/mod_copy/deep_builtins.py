# copy.deepcopy of nested builtin containers, sharing and recursion.
import copy

x = {"a": [1, 2, {"b": (3, [4])}], "t": (1, 2), "s": {5}, "f": frozenset([6])}
y = copy.deepcopy(x)
print(y == x, y is x, y["a"] is x["a"], y["a"][2] is x["a"][2])
print(y["t"] is x["t"], y["a"][2]["b"] is x["a"][2]["b"], y["a"][2]["b"][1] is x["a"][2]["b"][1])
print(y["s"] is x["s"], y["s"] == x["s"], type(y["f"]).__name__)

shared = [1]
z = copy.deepcopy([shared, shared])
print(z[0] is z[1], z[0] is shared)

r = [1]
r.append(r)
rc = copy.deepcopy(r)
print(rc[1] is rc, rc is not r, len(rc))

d = {}
d["self"] = d
dc = copy.deepcopy(d)
print(dc["self"] is dc, dc is not d)

t = ([],)
t[0].append(t)
tc = copy.deepcopy(t)
print(tc is not t, tc[0][0] is tc)

print(copy.deepcopy((1, "a", None)) is not None)
tt = (1, "a", None)
print(copy.deepcopy(tt) is tt)
print(copy.deepcopy(3.5), copy.deepcopy("s"), copy.deepcopy(b"q"), copy.deepcopy(int) is int)
ba = bytearray(b"ab")
print(copy.deepcopy(ba) == ba, copy.deepcopy(ba) is ba)

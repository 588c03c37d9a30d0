d = {1: "int", 1.5: "float", (1, 2): "tuple", "s": "str", None: "none", True: "bool?", frozenset([1]): "fs"}
print(d[1], d[1.0], d[(1, 2)], d[None], len(d), d[frozenset({1})])
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)

class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] = c[ch] + 1
print(sorted(c.items()), c["z"], isinstance(c, dict), len(c))
class Default(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = Default(list)
dd["a"].append(1); dd["a"].append(2); dd["b"].append(3)
print(dict(dd))

class Bad:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 3 or o.v == 3: raise ValueError("cannot compare 3")
        return self.v < o.v
    def __repr__(self): return f"B{self.v}"
items = [Bad(i) for i in [5, 1, 3, 4, 2]]
try:
    items.sort()
except ValueError as e:
    print("ValueError:", e)
print(sorted(b.v for b in items))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
l = [3, 2, 1]
def key(v):
    l.append(0)
    return v
try:
    l.sort(key=key)
except ValueError as e:
    print("ValueError:", e)

class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"K({self.v})"
print(K(1) == K(1), K(1) != K(2), K(1) < K(2), K(2) > K(1), K(1) <= K(1), K(3) >= K(2), sorted([K(3), K(1)]))
print(len({K(1), K(1), K(2)}), {K(1): "a"}[K(1)], K(1) in [K(0), K(1)])
class NoHash:
    def __eq__(self, o): return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
print(NoHash.__hash__)
class Only:
    pass
try:
    Only() < Only()
except TypeError as e:
    print("TypeError:", e)
print(Only() == Only(), (lambda o: o == o)(Only()))

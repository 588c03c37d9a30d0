class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice): return list(range(self.n))[i]
        if i >= self.n: raise IndexError(i)
        return i * 10
    def __contains__(self, x): return x == 42
s = Seq(4)
print(len(s), s[2], s[1:3], list(s), 42 in s, 10 in s, [x for x in s], bool(s), bool(Seq(0)), list(reversed(s)))
class Map:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): print("set", k, v); self.d[k] = v
    def __getitem__(self, k): return self.d[k]
    def __delitem__(self, k): print("del", k); del self.d[k]
    def __iter__(self): return iter(sorted(self.d))
m = Map(); m["a"] = 1; m["b"] = 2; print(m["a"], list(m)); del m["a"]; print(list(m))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()), [x for x in It()])
class B:
    def __bool__(self): return False
class L:
    def __len__(self): return 0
print(bool(B()), bool(L()), "yes" if B() else "no", not L())

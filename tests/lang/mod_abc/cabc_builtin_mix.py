# _collections_abc: ABCs mixed with builtin bases, Set._hash, pattern-matching flags.
import _collections_abc as cabc
class L(list, cabc.MutableSequence):
    pass
l = L([1, 2])
l.append(3)
print(l, L.__abstractmethods__, type(L).__name__, isinstance(l, cabc.Sequence))
class D(dict, cabc.MutableMapping):
    pass
d = D(a=1)
print(d, d.get("a"), D.__abstractmethods__)
class S(cabc.Set):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
    __hash__ = cabc.Set._hash
print(hash(S([1, 2])) == hash(frozenset([1, 2])))
class M(cabc.Mapping):
    def __getitem__(self, k): raise KeyError(k)
    def __iter__(self): return iter([])
    def __len__(self): return 0
try:
    reversed(M())
except TypeError as e:
    print(e)
match [1, 2]:
    case [a, b]: print("seq", a, b)
class Seq(cabc.Sequence):
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
    def __len__(self): return 3
match Seq():
    case [x, y, z]: print("matched", x, y, z)
match M():
    case {}: print("mapping matched")

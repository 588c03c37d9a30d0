# _collections_abc: Mapping, MutableMapping and the view classes.
import _collections_abc as cabc


class Map(cabc.Mapping):
    def __init__(self, **kw):
        self.d = dict(kw)

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)

    def __repr__(self):
        return "Map(%r)" % self.d


m = Map(a=1, b=2)
print(m.get("a"), m.get("z"), m.get("z", 0), "a" in m, "z" in m, len(m))
print(list(m.keys()), list(m.items()), list(m.values()))
print(m.keys(), type(m.items()).__name__, repr(m.values())[:11])
print(m == {"a": 1, "b": 2}, m == Map(a=1), m != {"a": 1, "b": 2}, m == [1])
print(("a", 1) in m.items(), ("a", 2) in m.items(), ("z", 1) in m.items(), 2 in m.values(), 5 in m.values())
print(m.keys() & {"a", "x"}, m.keys() | {"c"} == {"a", "b", "c"}, m.keys() - {"a"}, sorted(m.items() ^ {("a", 1), ("c", 3)}))
print(m.keys() == {"a", "b"}, m.keys() < {"a", "b", "c"}, m.keys().isdisjoint(["x"]))
print(isinstance(m.keys(), cabc.Set), isinstance(m.values(), cabc.Set), isinstance(m, cabc.MutableMapping))
try:
    hash(m)
except TypeError as e:
    print(type(e).__name__, e)


class MMap(cabc.MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


mm = MMap()
mm.update({"a": 1}, b=2)
mm.update([("c", 3)])
mm.update(Map(d=4))
print(mm.d, mm.setdefault("a", 9), mm.setdefault("e"), mm.d)
print(mm.pop("a"), mm.pop("zz", "dflt"), mm.popitem(), mm.d)
try:
    mm.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
mm.clear()
print(mm.d)
try:
    mm.popitem()
except KeyError as e:
    print(type(e).__name__, repr(e))
try:
    cabc.MutableMapping()
except TypeError as e:
    print(type(e).__name__, e)
v = cabc.KeysView({"x": 1})
print(v, len(v), list(v), "x" in v)
print(cabc.ItemsView({"x": 1}), cabc.ValuesView({"x": 1}), cabc.MappingView([1, 2]))

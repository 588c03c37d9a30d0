# _collections_abc: the builtin types registered as CPython registers them.
import _collections_abc as cabc

types = [list, tuple, str, bytes, bytearray, dict, set, frozenset, range, int, type({}.keys()),
         type({}.items()), type({}.values()), type(iter([]))]
abcs = ["Sequence", "MutableSequence", "ByteString", "Set", "MutableSet", "Mapping", "MutableMapping",
        "KeysView", "ItemsView", "ValuesView", "MappingView", "Collection", "Hashable"]
for name in abcs:
    abc = getattr(cabc, name)
    print(name.ljust(16), "".join("1" if issubclass(t, abc) else "0" for t in types))
for name in sorted(n for n in cabc.__all__ if n not in ("AsyncGenerator", "Buffer")):
    cls = getattr(cabc, name)
    print(name, cls.__module__, type(cls).__name__, sorted(cls.__abstractmethods__))
print(cabc.Set.__hash__, cabc.Mapping.__hash__, cabc.Mapping.__reversed__)
print(cabc.Sequence.__slots__, cabc.MappingView.__slots__)

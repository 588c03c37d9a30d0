# _collections_abc: subscripting the ABCs (types.GenericAlias) and subclassing.
import _collections_abc as cabc

for alias in [cabc.Iterable[int], cabc.Sequence[str], cabc.Mapping[str, int], cabc.MutableSet[bytes],
              cabc.Iterator[int], cabc.Container[int], cabc.KeysView[str], cabc.Awaitable[int]]:
    print(alias, alias.__origin__ is not None, alias.__args__)


def f(x: cabc.Sequence[int]) -> cabc.Iterable[str]:
    return [str(i) for i in x]


print(f([1, 2]), f.__annotations__["x"].__origin__ is cabc.Sequence)
for bad in ["cabc.Sized[int]", "cabc.Hashable[int]"]:
    try:
        eval(bad)
    except TypeError as e:
        print(type(e).__name__, e)


class Stack(cabc.Sequence, cabc.Hashable):
    def __init__(self, *xs):
        self.xs = xs

    def __getitem__(self, i):
        return self.xs[i]

    def __len__(self):
        return len(self.xs)

    def __hash__(self):
        return len(self.xs) + 40


s = Stack(1, 2)
print(list(s), hash(s) == 42, isinstance(s, cabc.Hashable), Stack.__abstractmethods__)
print(cabc.Sequence.register(type(None)) is type(None), isinstance(None, cabc.Sequence))

# _collections_abc: one-trick ABCs recognize classes by their methods.
import _collections_abc as cabc


def gen():
    yield 1


async def coro():
    pass


class Len:
    def __len__(self):
        return 0


class NoHash:
    __hash__ = None


class Call:
    def __call__(self):
        pass


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


class Rev:
    def __iter__(self):
        return iter([])

    def __reversed__(self):
        return iter([])


class IterNone(It):
    __iter__ = None


values = [[], (), {}, set(), frozenset(), "s", b"b", bytearray(), 1, 1.5, None, range(3),
          iter([]), gen(), Len(), NoHash(), Call(), It(), Rev(), IterNone(), len]
names = ["Hashable", "Iterable", "Iterator", "Reversible", "Generator", "Sized", "Container",
         "Collection", "Callable", "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator"]
for name in names:
    abc = getattr(cabc, name)
    print(name, "".join("1" if isinstance(v, abc) else "0" for v in values))
c = coro()
print(isinstance(c, cabc.Coroutine), isinstance(c, cabc.Awaitable))
c.close()
print(issubclass(It, cabc.Iterator), issubclass(IterNone, cabc.Iterable), issubclass(type(gen()), cabc.Generator))
print(cabc.Sized.__subclasshook__(list), cabc.Sized.__subclasshook__(int))
print(cabc.Collection.__subclasshook__(list), cabc.Collection.__subclasshook__(Len))


class SubSized(cabc.Sized):
    def __len__(self):
        return 3


print(SubSized.__subclasshook__(list), len(SubSized()), issubclass(list, SubSized))

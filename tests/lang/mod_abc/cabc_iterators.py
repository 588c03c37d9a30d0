# _collections_abc: Iterator, Generator, Coroutine mixins and abstract bodies.
import _collections_abc as cabc


class Count(cabc.Iterator):
    def __init__(self, n):
        self.n = n

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


c = Count(3)
print(iter(c) is c, list(c))


class G(cabc.Generator):
    def __init__(self):
        self.log = []

    def send(self, v):
        self.log.append(("send", v))
        if len(self.log) > 3:
            raise StopIteration
        return len(self.log)

    def throw(self, typ, val=None, tb=None):
        self.log.append(("throw", typ.__name__))
        raise typ


g = G()
print(next(g), next(g), list(g), g.log)
g.close()
print(g.log[-1])


class Stubborn(G):
    def throw(self, typ, val=None, tb=None):
        return 1


try:
    Stubborn().close()
except RuntimeError as e:
    print(type(e).__name__, e)


class Base(cabc.Generator):
    def send(self, v):
        return cabc.Generator.send(self, v)

    def throw(self, *a):
        return cabc.Generator.throw(self, *a)


b = Base()
for call in [lambda: b.send(1), lambda: b.throw(ValueError), lambda: b.throw(ValueError, ValueError("v")),
             lambda: b.throw(KeyError, None, None), lambda: next(b)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, repr(e))
b.close()
print(sorted(cabc.Generator.__abstractmethods__), sorted(cabc.Coroutine.__abstractmethods__))


class Supers(cabc.Sized, cabc.Container, cabc.Hashable, cabc.Callable, cabc.Iterable):
    def __len__(self):
        return super().__len__()

    def __contains__(self, x):
        return super().__contains__(x)

    def __hash__(self):
        return super().__hash__()

    def __call__(self, *a, **k):
        return super().__call__(*a, **k)

    def __iter__(self):
        return super().__iter__()


sp = Supers()
print(len(sp), 1 in sp, hash(sp), sp(1, k=2), list(sp))
print(isinstance(Count(1), cabc.Iterable), issubclass(G, cabc.Iterator))


class Ai(cabc.AsyncIterator):
    async def __anext__(self):
        raise StopAsyncIteration


ai = Ai()
print(ai.__aiter__() is ai, isinstance(ai, cabc.AsyncIterable))

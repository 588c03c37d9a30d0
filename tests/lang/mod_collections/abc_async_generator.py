# collections.abc.AsyncGenerator and collections.abc reachable from collections.
import collections
import collections.abc as cabc
import _collections_abc

print(collections.abc is cabc, cabc.AsyncGenerator is _collections_abc.AsyncGenerator)
AG = cabc.AsyncGenerator
print(AG, AG.__mro__, sorted(AG.__abstractmethods__), 'AsyncGenerator' in cabc.__all__)


async def agen():
    yield 1
    yield 2


print(isinstance(agen(), AG), issubclass(type(agen()), AG), isinstance(agen(), cabc.AsyncIterator))
print(issubclass(list, AG), isinstance(iter([]), AG))
try:
    AG()
except TypeError as e:
    print('TypeError', e)


class Dup:
    def __aiter__(self):
        return self

    async def __anext__(self):
        return 0

    async def asend(self, v):
        return v

    async def athrow(self, *a):
        pass

    async def aclose(self):
        pass


class NoClose(Dup):
    aclose = None


print(issubclass(Dup, AG), issubclass(NoClose, AG))


class Counter(AG):
    def __init__(self, n):
        self.i = 0
        self.n = n
        self.log = []

    async def asend(self, value):
        self.log.append(('send', value))
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

    async def athrow(self, typ, val=None, tb=None):
        self.log.append(('throw', typ.__name__))
        if typ is GeneratorExit:
            raise StopAsyncIteration
        return await super().athrow(typ, val, tb)


class Stubborn(Counter):
    async def athrow(self, typ, val=None, tb=None):
        return 'ignored'


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError('suspended')


async def main():
    c = Counter(3)
    out = [x async for x in c]
    print(out, c.log)
    print(await c.__anext__() if False else 'skip', await c.asend(7) if c.i < c.n else 'done')
    print(await c.aclose(), c.log[-1])
    try:
        await c.athrow(ValueError, ValueError('bad'))
    except ValueError as e:
        print('ValueError', e)
    try:
        await c.athrow(KeyError)
    except KeyError as e:
        print('KeyError', repr(e))
    try:
        await Stubborn(1).aclose()
    except RuntimeError as e:
        print('RuntimeError', e)
    it = Counter(1)
    print(aiter(it) is it, await anext(it))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')


run(main())
for c in (Counter(1).__anext__(), Counter(1).aclose()):
    print(type(c).__name__)
    c.close()
print(sorted(n for n in dir(collections) if n.startswith('User')), hasattr(collections, 'abc'))
try:
    collections.NoSuchThing
except AttributeError as e:
    print('AttributeError', e)
try:
    cabc.NoSuchThing
except AttributeError as e:
    print('AttributeError', e)
try:
    from collections import NoSuchThing
except ImportError as e:
    print('ImportError', e.name)

"""collections.abc.AsyncGenerator for Spindle.

Spindle's _collections_abc is native; AsyncGenerator's mixins are coroutines
(__anext__ awaits asend(None), aclose awaits athrow(GeneratorExit)), which
are simplest and exact as async defs, so the class lives here and the native
module loads it on first access (its module __getattr__).
"""
from abc import abstractmethod
from _collections_abc import AsyncIterator


def _defines_all(C, names):
    # Every name is found along C's MRO and is not set to None there.
    mro = C.__mro__
    for name in names:
        for klass in mro:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AsyncGenerator(AsyncIterator):
    __module__ = 'collections.abc'
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncGenerator:
            return _defines_all(C, ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose'))
        return NotImplemented


async def _agen():
    yield


AsyncGenerator.register(type(_agen()))
del _agen

# lru_cache: hits, misses, eviction order, typed keys, keyword order, clearing.
import functools

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

log = []
@functools.lru_cache(maxsize=3)
def sq(x):
    log.append(x)
    return x * x

for v in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    sq(v)
print(log, sq.cache_info())
ci = sq.cache_info()
print(ci.hits, ci.misses, ci.maxsize, ci.currsize, ci == (ci.hits, ci.misses, 3, 3), type(ci).__name__, len(ci))
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters())

calls = []
@functools.lru_cache(maxsize=None)
def ident(*args, **kw):
    calls.append((args, kw))
    return len(calls)
print(ident(1), ident(1.0), ident(True), ident(1, 2), ident(a=1, b=2), ident(b=2, a=1), ident(a=1, b=2))
print(ident.cache_info(), len(calls))

@functools.lru_cache(maxsize=10, typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed(1), typed.cache_info(), typed.cache_parameters())

@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)

@functools.lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info())

@functools.lru_cache(maxsize=-5)
def neg(x):
    return x
neg(1); neg(1)
print(neg.cache_info(), neg.cache_parameters())

@functools.lru_cache(2)
def fails(x):
    raise ValueError(x)
show(lambda: fails(1))
show(lambda: fails(1))
print(fails.cache_info())
show(lambda: sq([1]))
show(lambda: functools.lru_cache("a"))
show(lambda: functools.lru_cache(print, typed="x"))
print(callable(functools.lru_cache(1, typed="x")), functools.lru_cache(1).__qualname__)
show(lambda: sq.cache_parameters(1))
show(lambda: functools.cache(1))
print(type(sq).__name__, type(sq).__module__)

class K:
    @functools.lru_cache(maxsize=4)
    def m(self, x):
        return (id(self) == id(k), x)
k = K()
print(k.m(3), k.m(3), K.m.cache_info())
show(lambda: functools.lru_cache(2 ** 70)(len).cache_info())
print(functools._CacheInfo(1, 2, 3, 4), functools._CacheInfo(1, 2, None, 0).maxsize)
w = functools._lru_cache_wrapper(len, 3, False, lambda *counts: sum(counts[:2]))
w("ab"); w("ab"); w("c")
print(w.cache_info(), functools._lru_cache_wrapper(len, None, 0, tuple).__wrapped__ if hasattr(functools._lru_cache_wrapper(len, None, 0, tuple), "__wrapped__") else "no wrapped")
show(lambda: functools._lru_cache_wrapper(1, 1, 1, 1))
show(lambda: functools._lru_cache_wrapper(len, "a", 1, 1))

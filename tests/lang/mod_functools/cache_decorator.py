# functools.cache and the metadata lru_cache copies from the function.
import functools

@functools.cache
def add(a, b=0):
    "Adds."
    add.calls += 1
    return a + b
add.calls = 0
print(add(1, 2), add(1, 2), add(1, b=2), add(a=1, b=2), add.calls, add.cache_info())
print(add.__name__, add.__qualname__, add.__doc__, add.__module__, add.__wrapped__.__name__)
print(add.cache_parameters(), sorted(k for k in add.__dict__ if not k.startswith("__")))
add.cache_clear()
print(add.cache_info())

def plain(x):
    return [x]
plain.tag = "kept"
cached = functools.lru_cache(maxsize=8)(plain)
print(cached.tag, cached(1) is cached(1), cached.__wrapped__ is plain)
print(cached.cache_info())

@functools.cache
def unhashable(x):
    return x
try:
    unhashable({})
except TypeError as e:
    print("TypeError", e)
print(unhashable.cache_info())

@functools.lru_cache(maxsize=2)
def order(x):
    return x
for v in "abacd":
    order(v)
print(order.cache_info())
order("a")
order("c")
print(order.cache_info())

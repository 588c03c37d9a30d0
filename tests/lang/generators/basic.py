def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)), sum(count(101)), max(count(3)))
def echo():
    total = 0
    while True:
        x = yield total
        if x is None: break
        total += x
    return "done"
g = echo(); print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
def inner():
    yield 1
    yield 2
    return "inner-result"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 3
print(list(outer()))
gen = (x * 2 for x in range(3))
print(next(gen), list(gen), list(gen))

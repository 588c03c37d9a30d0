a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *mid, last = range(6)
print(first, mid, last)
*init, tail = "abc"
print(init, tail)
h, *t = [1]
print(h, t)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *[9]], {**{"a": 1}, "b": 2}, (*"xy",))
def f(*args, **kw): return args, kw
print(f(*[1, 2], 3, *(4,), a=1, **{"b": 2}))

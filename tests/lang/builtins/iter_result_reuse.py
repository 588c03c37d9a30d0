# Iterators that yield tuples (enumerate, zip, dict items) reuse their result
# tuple only when nothing else holds it: kept results stay intact.
d = {"a": 1, "b": 2, "c": 3}
print(list(d.items()), list(enumerate("xyz")), list(zip("ab", "cd", "ef")))
keep = []
for t in d.items():
    keep.append(t)
print(keep)
for i, t in enumerate(zip([1, 2], [3, 4])):
    print(i, t)
e = enumerate("ab", 2**63 - 1)
print(next(e), next(e))
z = zip(range(10), range(9), range(8), range(7), range(6), range(5), range(4), range(3), range(2))
print(list(z))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as ex:
    print(ex)
it = iter(d.items())
a = next(it); b = next(it)
print(a, b, a is b)
s = 0
for k, v in d.items():
    s += v
print(s)

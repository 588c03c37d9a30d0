it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(zip([1, 2, 3], "ab")), list(zip()))
print(list(map(lambda x: x * 2, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, "", "a"])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(range(10, 0, -3)))
r = range(2, 20, 3)
print(r, len(r), r[2], r[-1], r[1:3], 8 in r, 9 in r, r.index(11), list(r))
print(all([]), any([]), all([1, 2]), any([0, 0, 3]), sum([1, 2, 3], 10), min("hello"), max([3, 7, 5], key=lambda v: -v))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)

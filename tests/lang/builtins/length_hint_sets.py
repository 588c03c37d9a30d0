# set_iterator __length_hint__ for sets and frozensets.
import operator

for s in ({1, 2, 3}, frozenset("ab"), set(), frozenset()):
    it = iter(s)
    hints = [it.__length_hint__()]
    for _ in it:
        hints.append(it.__length_hint__())
    print(type(it).__name__, hints)

# a size change zeroes the hint and breaks the iteration
s = {1, 2, 3}
it = iter(s)
next(it)
s.add(99)
hint_grown = it.__length_hint__()
try:
    rest = list(it)
except RuntimeError as e:
    rest = f"{type(e).__name__}: {e}"
print("grown", hint_grown, rest, "after error", it.__length_hint__())

s = {1, 2, 3}
it = iter(s)
s.discard(1)
print("shrunk", operator.length_hint(it))

# same size after a discard and an add: the count stays
s = {1, 2, 3}
it = iter(s)
next(it)
s.discard(2)
s.add(7)
print("same size", it.__length_hint__())

class S(set):
    pass
it = iter(S(range(5)))
next(it)
print(type(it).__name__, operator.length_hint(it))
print(sorted(list(iter(S(range(3))))))

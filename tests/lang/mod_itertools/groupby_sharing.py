# groupby: keys, key functions and the shared-iterator semantics of groups.
import itertools as it

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print([(k, list(g)) for k, g in it.groupby("AAAABBBCCDAABBB")])
print([k for k, g in it.groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in it.groupby(range(10), key=lambda x: x // 3)])
print([(k, "".join(g)) for k, g in it.groupby(["apple", "avocado", "banana", "cherry", "cranberry"], lambda w: w[0])])
print(list(it.groupby([])))

# Advancing the outer iterator invalidates the previous group.
groups = it.groupby("aaabbbcc")
k1, g1 = next(groups)
print(k1, next(g1))
k2, g2 = next(groups)
print(k2, list(g1), list(g2))
saved = [g for k, g in it.groupby("aabbc")]
print([list(g) for g in saved])
k, g = next(it.groupby("xxy"))
print(list(g), list(g))

gb = it.groupby([1, 1, 2, 2, 2, 3])
k, g = next(gb)
print(k, next(g))
k, g = next(gb)
print(k, list(g))
print(next(gb)[0])
show(lambda: next(gb))

print(type(next(it.groupby("a"))[1]).__name__)
show(lambda: it.groupby())
show(lambda: it.groupby([], None, 3))
show(lambda: list(it.groupby([1, 2], key=lambda x: 1 / (x - 2))))
class Weird:
    def __eq__(self, other):
        raise ValueError("no eq")
show(lambda: list(it.groupby([Weird(), Weird()])))
class G(it.groupby):
    pass
print([k for k, _ in G("aab")])

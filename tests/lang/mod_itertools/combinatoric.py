# product, combinations, combinations_with_replacement and permutations.
import itertools as it

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(list(it.product("ab", [0, 1])))
print(list(it.product("ab", repeat=2)), list(it.product()), list(it.product(repeat=3)))
print(list(it.product("ab", [], "c")), list(it.product("ab", repeat=0)), len(list(it.product(range(3), repeat=3))))
print(list(it.product(range(2), "xy", repeat=2))[:5])
show(lambda: it.product(1))
show(lambda: it.product([1], repeat=-1))
show(lambda: it.product([1], foo=1))
show(lambda: it.product([1], repeat="a"))

print(list(it.combinations("ABCD", 2)))
print(list(it.combinations(range(4), 3)), list(it.combinations("ab", 3)), list(it.combinations("ab", 0)))
print(list(it.combinations([], 0)), list(it.combinations(iterable="abc", r=2)))
show(lambda: it.combinations([1], -1))
show(lambda: it.combinations([1]))
show(lambda: it.combinations([1], "a"))

print(list(it.combinations_with_replacement("ABC", 2)))
print(list(it.combinations_with_replacement([], 2)), list(it.combinations_with_replacement([], 0)))
print(list(it.combinations_with_replacement("a", 3)), len(list(it.combinations_with_replacement(range(5), 3))))
show(lambda: it.combinations_with_replacement("ab", -2))

print(list(it.permutations("ABC")))
print(list(it.permutations("ABCD", 2)), list(it.permutations("ab", 3)), list(it.permutations("ab", 0)))
print(list(it.permutations(range(3), r=None)), len(list(it.permutations(range(6)))))
perms = list(it.permutations(range(5), 3))
print(len(perms), perms[:4], perms[-2:], perms == sorted(perms))
show(lambda: it.permutations([1], -1))
show(lambda: it.permutations([1], "a"))
show(lambda: it.permutations([1], 1.0))

class P(it.product):
    pass
print(list(P("ab", repeat=1)), type(P("a")).__name__)
# Sizes beyond a machine word, and sizes too large to allocate.
show(lambda: it.combinations([], 2 ** 70))
show(lambda: it.permutations([], 2 ** 70))
show(lambda: it.product([], repeat=2 ** 70))
show(lambda: it.combinations([], 2 ** 40))
show(lambda: it.combinations_with_replacement("a", 2 ** 40))
show(lambda: list(it.product([1], repeat=2 ** 40)))

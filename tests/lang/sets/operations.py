a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {1, 2} < a, a >= {1}, a == {4, 3, 2, 1}, a.isdisjoint({9}))
print(a.union([7]), a.intersection(range(3)), a.difference({1}), a.symmetric_difference([4, 9]), a.issubset(range(10)))
c = set(a); c |= {10}; c &= {1, 2, 10}; c -= {1}; c ^= {2, 5}; print(c)
print(sorted(a), len(a), 3 in a, 9 not in a, a.copy() == a, set(), frozenset())
s = {1}; print(s.pop(), s)
try:
    s.remove(1)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {frozenset([1]): 1}[frozenset([1])])

t = (1, 2, 3, 2)
print(t, t[1], t[-1], t[1:3], t.count(2), t.index(3), len(t), t + (4,), t * 2, 2 in t, (1,), (), tuple("ab"))
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), hash((1, 2)) == hash((1, 2)), hash(()), hash((1, (2, 3))))
a, *b = t; print(a, b)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
print(tuple(x * x for x in range(4)), type(()).__name__)

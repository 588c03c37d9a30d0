print(sum(x * x for x in range(10)), max((len(w), w) for w in ["a", "abc", "ab"]), sorted(c for c in "zyx"))
print(list(map(lambda p: p[0] * p[1], zip(range(4), range(4, 8)))), "-".join(str(i) for i in range(5)))
print(dict((k, len(k)) for k in ["one", "three"]), set(i % 3 for i in range(9)), tuple(i for i in "ab"))

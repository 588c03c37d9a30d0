print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0], [(x, y) for x in range(3) for y in range(x)])
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)}, list(x + 1 for x in (1, 2)))
print([[c for c in w] for w in ["ab", "cd"]], [x if x > 2 else -x for x in range(5)], sum(x for x in range(10)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])

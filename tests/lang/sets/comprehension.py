print({x % 7 for x in range(30)}, {x * x for x in [-2, -1, 0, 1, 2]}, sorted({c for c in "mississippi"}))

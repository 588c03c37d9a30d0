for r in [range(5), range(1, 10, 2), range(10, 0, -2), range(0), range(-5, 5)]:
    print(r, list(r), len(r), r == range(r.start, r.stop, r.step), bool(r))
print(range(0, 10, 2)[::-1], range(3) == range(0, 3), hash(range(3)) == hash(range(0, 3, 1)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)

vals = [-2, 0, 3, 3.0, 10**20, float("inf")]
for a in vals:
    print([(a < b, a <= b, a == b, a != b, a > b, a >= b) for b in vals])
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2)

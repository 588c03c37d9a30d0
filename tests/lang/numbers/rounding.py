for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 12345.6789]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
for v in [1234, 1250, 1350, -1250, 15, 25]:
    print(v, round(v, -1), round(v, -2), round(v))
print(round(1e20), round(-3.7), round(3.7))

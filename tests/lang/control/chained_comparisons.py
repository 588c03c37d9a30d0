def trace(x):
    print("eval", x)
    return x
print(trace(1) < trace(2) < trace(3))
print(trace(3) < trace(2) < trace(1))
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 0 <= x <= 4, "a" < "b" < "c", 1 < 2 == 2 > 1)
print(1 in [1] in [[1]], x is not None is not False)

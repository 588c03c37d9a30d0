print(2 ** 10, 2 ** -1, 2.0 ** 0.5, (-8) ** 2, 10 / 4, 10 / -4, 7 / 7, 1 / 3 * 3)
print(abs(-2.5), -abs(2), max(1, 2.5, -3), min([4, 2, 8]), sum([0.1] * 10), sum(range(101)))
print(1e308 + 1e308, float('inf') - float('inf'), float('nan') == float('nan'), 0.0 == -0.0)
print(hash(1) == hash(1.0) == hash(True), hash(0.5), hash(-1), hash(2**61), hash(10**30), hash(1.5), hash(-0.0))
print(3 < 3.5 < 4, 2**53 + 1 > 2.0**53, 1 == 1.0, 10**20 == 1e20, 0.1 + 0.2 == 0.3)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(e)
print(divmod(7.5, 2), 7.5 // 2, -7.5 % 2, (-7) ** 0.5 if False else "skip")

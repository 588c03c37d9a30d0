x = 10 ** 100000
try:
    print(x)
except ValueError as e:
    print("ValueError:", e)
print(x % 1000, x.bit_length(), len(str(10 ** 4299)))

a, b = 10000000000000000000000000, -1000000000000
print(a // b, a % b, divmod(a, b), a / b, -a // b, a * b, a - b, abs(a) % abs(b), (a // b) * b + a % b == a)

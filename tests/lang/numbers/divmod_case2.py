a, b = 17, -5
print(a // b, a % b, divmod(a, b), a / b, -a // b, a * b, a - b, abs(a) % abs(b), (a // b) * b + a % b == a)

a, b = 1180591620717411303424, 3
print(a // b, a % b, divmod(a, b), a / b, -a // b, a * b, a - b, abs(a) % abs(b), (a // b) * b + a % b == a)

a, b = -1180591620717411303424, 7
print(a // b, a % b, divmod(a, b), a / b, -a // b, a * b, a - b, abs(a) % abs(b), (a // b) * b + a % b == a)

for a, b in [(12, 10), (-12, 10), (255, -1), (2**65, 2**64 + 1), (0, 5)]:
    print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1)
print((1 << 100) >> 99, (-1) >> 1000, 5 << 0, bin(0b1010 ^ 0b0110))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)

for v in [0, 1, -1, 255, 2**64, -(2**64) + 1]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.real, v.imag, v.numerator, v.denominator, v.conjugate())
print(round(12345, -2), round(-12355, -1), (7).__round__(), int.__name__)

z = 3 + 4j
print(z, abs(z), z.real, z.imag, z.conjugate(), z * 2, z / (1 - 1j), z == 3 + 4j, -z)
print(1j * 1j, complex(2), complex(1, -1), complex("1+2j"), (1+2j) ** 2, 2j, -0j, complex(0, -0.0))
print(hash(3 + 0j) == hash(3))

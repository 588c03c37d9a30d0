f = lambda x, /, y=2, *, z: (x, y, z)

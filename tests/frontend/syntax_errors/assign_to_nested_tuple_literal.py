a, (b, 'c') = x

f = lambda **k, a: 1

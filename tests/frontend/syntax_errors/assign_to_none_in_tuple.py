a, None = x

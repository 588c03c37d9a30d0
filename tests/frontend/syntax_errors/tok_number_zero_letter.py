x = 0z

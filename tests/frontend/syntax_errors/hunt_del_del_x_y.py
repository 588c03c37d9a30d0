del (x, y

x = (a b c)

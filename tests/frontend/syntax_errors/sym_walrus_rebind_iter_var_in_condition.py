x = [i for i in range(5) if (i := 1)]

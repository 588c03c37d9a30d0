f = lambda a, *, a: 1

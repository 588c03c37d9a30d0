if (n := len(a)) > 10:
    print([y := f(x), y ** 2])

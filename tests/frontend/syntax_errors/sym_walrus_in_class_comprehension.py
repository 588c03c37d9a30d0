class A:
    x = [(y := 1) for _ in range(3)]

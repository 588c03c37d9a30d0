def f(a):
    [a for a in ()]
    global a

x = 1
def f(n):
    return n + x

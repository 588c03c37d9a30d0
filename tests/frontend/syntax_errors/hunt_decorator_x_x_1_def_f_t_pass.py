@x
x = 1
def f[T](): pass

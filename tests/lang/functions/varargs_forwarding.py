def inner(a, b=0, *rest, key=None, **extra):
    return (a, b, rest, key, extra)
def outer(*args, **kwargs):
    return inner(*args, **kwargs)
print(outer(1), outer(1, 2, 3, 4, key="k", x=1), outer(*[5, 6], **{"key": 7}))
def kwonly(*, a, b=2): return a + b
print(kwonly(a=1), kwonly(b=5, a=1))
def posonly(a, b, /): return a - b
print(posonly(5, 3))

def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
def g(a, b, /, c, *, d):
    return a, b, c, d
print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4))
def h(x, y=[]):
    y.append(x)
    return y
print(h(1), h(2), h(3, []))
print(f.__name__, f.__defaults__, f.__kwdefaults__, g.__code__.co_argcount, g.__code__.co_posonlyargcount, g.__code__.co_kwonlyargcount)

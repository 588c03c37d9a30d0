import sys
def f(a):
    b = a + 1
    raise ValueError(b)
try:
    f(1)
except ValueError as e:
    tb = e.__traceback__
    print(sorted(tb.tb_next.tb_frame.f_locals.items()), tb.tb_next.tb_frame.f_lineno)
def g():
    z = 5
    return sys._getframe()
fr = g()
print(fr.f_locals, fr.f_lineno, fr.f_back is None, fr.f_code.co_name)
def gen():
    q = 1
    yield sys._getframe()
    q = 2
    yield 2
it = gen()
fr = next(it)
print(fr.f_locals)
next(it)
print(fr.f_locals)
list(it)
print(fr.f_locals, fr.f_lineno)
def cellf():
    c = 10
    def inner():
        return c
    return sys._getframe(), inner
fr, inner = cellf()
print(fr.f_locals['c'], sorted(fr.f_locals))
def unb():
    x = 1
    d = sys._getframe().f_locals
    del x
    d2 = sys._getframe().f_locals
    return d is d2, 'x' in d2
print(unb())

print(sys._getframe().f_locals is globals())
def f():
    x = 1
    fr = sys._getframe()
    d1 = fr.f_locals
    y = 2
    d2 = fr.f_locals
    return d1 is d2, sorted(d2)
print(f())
class C:
    a = 1
    print(sys._getframe().f_locals is locals(), sorted(locals()))

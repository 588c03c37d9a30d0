def f(a=1, b, *, **k): pass

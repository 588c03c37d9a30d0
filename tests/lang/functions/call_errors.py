def f(a, b, c=3): pass
def g(a, /, b, *, k): pass
def h(*, x): pass
calls = [lambda: f(1), lambda: f(1, 2, 3, 4), lambda: f(1, 2, d=4), lambda: f(1, 2, a=1), lambda: f(),
         lambda: g(a=1, b=2, k=3), lambda: g(1, 2), lambda: g(1, 2, 3), lambda: h(1), lambda: h(),
         lambda: f(1, 2, 3, 4, 5), lambda: (lambda: 0)(1), lambda: len(), lambda: len(1, 2), lambda: abs(),
         lambda: f(*1), lambda: f(**1), lambda: f(1, **{"b": 2, "a": 3})]
for c in calls:
    try:
        c()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)

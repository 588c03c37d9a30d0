def f():
    raise ExceptionGroup("several", [ValueError("a"), TypeError("b")])
def g():
    try:
        f()
    except ExceptionGroup as e:
        raise ExceptionGroup("outer", [e, KeyError("k")])
g()

def g():
    x = yield 1
    yield from h()
    return x

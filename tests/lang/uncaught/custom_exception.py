class MyError(Exception):
    pass
def f():
    raise MyError("custom message")
f()

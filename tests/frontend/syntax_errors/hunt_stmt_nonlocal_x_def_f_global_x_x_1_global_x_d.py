nonlocal x
def f():
    global x
    x = 1; global x
def f(x):
    global x
def f():
    nonlocal y

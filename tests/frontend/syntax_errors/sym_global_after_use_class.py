class A:
    y = x
    global x

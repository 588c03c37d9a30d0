await = 1
def f(): await x

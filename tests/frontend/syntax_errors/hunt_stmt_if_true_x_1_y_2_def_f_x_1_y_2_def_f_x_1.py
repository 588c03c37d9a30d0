if True:
        x = 1
	y = 2
def f():
  x = 1
    y = 2
def f():
    x = 1
  y = 2

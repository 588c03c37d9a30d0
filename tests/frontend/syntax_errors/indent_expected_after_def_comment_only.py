def f():
# nothing here

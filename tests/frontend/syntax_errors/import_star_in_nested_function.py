def f():
    def g():
        from os import *

# An exception in an atexit callback is reported and the other callbacks still run.
import atexit
import sys

def first():
    print('first registered, runs last')

def failing():
    print('failing runs')
    raise ValueError('callback failed')

def exits():
    print('exits runs')
    sys.exit(5)

atexit.register(first)
atexit.register(failing)
atexit.register(exits)
print('main done')

# atexit callbacks run at exit, last registered first, with their arguments.
import atexit

def report(*args, **kwargs):
    print('report', args, sorted(kwargs.items()))

print(atexit.register(report, 1, 2, key='v') is report)
atexit.register(report, 'second')
atexit.register(print, 'third (printed first)')

@atexit.register
def decorated():
    print('decorated runs before the others')

print('main program done')

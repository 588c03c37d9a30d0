# atexit callbacks after sys.exit(), seen through a replaced sys.unraisablehook.
import atexit
import sys

def hook(args):
    print('hook', args.err_msg, args.exc_type.__name__, args.exc_value, args.object.__name__)

def bad():
    raise KeyError('k')

def later(n):
    print('later', n)
    atexit.register(print, 'registered during exit')

sys.unraisablehook = hook
atexit.register(bad)
atexit.register(later, 1)
print('exiting with 3')
sys.exit(3)

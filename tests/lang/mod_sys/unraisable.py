# sys.unraisablehook: replaced hook receives UnraisableHookArgs; restoring the default.
import sys

seen = []

def hook(args):
    seen.append(args)
    print('hook:', args.exc_type.__name__, args.exc_value, args.err_msg, type(args.object).__name__)

class Bad:
    def __del__(self):
        raise ValueError('from __del__')

print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook
Bad()
print(len(seen), type(seen[0]).__name__, len(seen[0]), seen[0].exc_traceback is not None)
print(seen[0].object.__name__ if hasattr(seen[0].object, '__name__') else seen[0].object)

def gen():
    try:
        yield 1
    finally:
        raise RuntimeError('from generator close')

g = gen()
next(g)
del g
print(len(seen))

def failing_hook(args):
    raise KeyError('hook failed')

sys.unraisablehook = failing_hook
Bad()
sys.unraisablehook = sys.__unraisablehook__
try:
    sys.unraisablehook(1)
except TypeError as e:
    print('TypeError', e)
print('end')

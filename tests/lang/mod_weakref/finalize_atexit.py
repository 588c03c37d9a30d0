# finalize at exit: pending finalizers with atexit=True run newest first.
import weakref
import atexit


class O:
    pass


keep = [O() for _ in range(4)]
atexit.register(print, 'atexit callback registered before')
weakref.finalize(keep[0], print, 'first finalizer')
weakref.finalize(keep[1], print, 'second finalizer')
f = weakref.finalize(keep[2], print, 'disabled finalizer')
f.atexit = False
g = weakref.finalize(keep[3], print, 'called early')
g()
atexit.register(print, 'atexit callback registered after')
print('end of program')

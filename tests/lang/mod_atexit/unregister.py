# atexit.unregister removes every registration of a function; _clear and _run_exitfuncs.
import atexit

def a():
    print('a')

def b(x):
    print('b', x)

base = atexit._ncallbacks()
atexit.register(a)
atexit.register(b, 1)
atexit.register(a)
print(atexit._ncallbacks() - base)
atexit.unregister(a)
print(atexit._ncallbacks() - base)
print(atexit.unregister(len))
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(b, 2)
atexit._clear()
print(atexit._ncallbacks())
atexit.register(b, 'at exit')
for args in [(), (1,)]:
    try:
        atexit.register(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    atexit.unregister()
except TypeError as e:
    print('TypeError')
print('end of main')

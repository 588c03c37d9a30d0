# finalize: called once when the referent dies, detach, peek, alive, __call__.
import weakref


class O:
    pass


def cb(*args, **kwargs):
    print('cb', args, sorted(kwargs.items()))
    return 'result'


o = O()
f = weakref.finalize(o, cb, 1, 2, key='v')
print(f.alive, f.atexit)
obj, func, args, kwargs = f.peek()
print(obj is o, func is cb, args, kwargs)
del obj
print('deleting')
del o
print(f.alive, f.peek(), f.detach(), f())

o2 = O()
f2 = weakref.finalize(o2, cb, 'x')
print(f2(), f2.alive, f2(), f2.detach())
del o2
print('no second call')

o3 = O()
f3 = weakref.finalize(o3, cb, 'never')
det = f3.detach()
print(det[0] is o3, det[1] is cb, det[2:], f3.alive, f3.detach(), f3.peek())
del o3, det
print('detached: nothing ran')

o4 = O()
f4 = weakref.finalize(o4, cb, 'four')
f4.atexit = False
print(f4.atexit, f4.alive)
r = repr(f4)
print(r.startswith('<finalize object at 0x'), "for 'O' at 0x" in r)
del o4
print(repr(f4).endswith('; dead>'), f4.atexit)

for args in [(), (O(),)]:
    try:
        weakref.finalize(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    weakref.finalize(5, cb)
except TypeError as e:
    print('TypeError', e)


def lam():
    return 42


o5 = O()
f5 = weakref.finalize(o5, lam)
print(f5(), f5.alive)

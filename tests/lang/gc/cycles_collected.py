import gc
print(gc.isenabled(), gc.get_threshold())
gc.collect()
class A:
    pass
def make_cycle():
    a = A(); b = A()
    a.other = b; b.other = a
make_cycle()
print(gc.collect())
l = []; l.append(l); del l
print(gc.collect())
class D:
    def __del__(self):
        print('del', self.name)
def cyc_del():
    x = D(); x.name = 'x'; x.self = x
cyc_del()
print(gc.collect())
# resurrection
saved = []
class R:
    def __del__(self):
        saved.append(self)
def cyc_r():
    r = R(); r.me = r
cyc_r()
print(gc.collect(), len(saved))
saved.clear()
print(gc.collect())
def f():
    def g(): return g
    return g
f()
print(gc.collect())
# class cycles
def mk():
    class C: pass
    return C
mk()
print(gc.collect())
# exception/traceback/frame cycle
def exc():
    try:
        1/0
    except ZeroDivisionError as e:
        err = e
    import sys
    return sys._getframe()
exc()
print(gc.collect())
d = {}; d['d'] = d; del d
print(gc.collect())
def gen():
    try:
        yield 1
    finally:
        print('gen finally')

def gcyc():
    g = gen(); next(g)
    lst = [g]
    lst.append(lst)
gcyc()
print(gc.collect())
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked(A()))
gc.disable(); print(gc.isenabled()); gc.enable()
print(gc.collect(0) >= 0, gc.get_count())

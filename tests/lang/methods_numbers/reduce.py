# object.__reduce_ex__/__reduce__ (protocols 0-4) through copyreg's helpers,
# __getnewargs__/__getnewargs_ex__, slots, list/dict subclasses, and the
# __reduce__ of range, slice, set and frozenset.
import copyreg
def show(label, f):
    try:
        r = f()
        if isinstance(r, tuple):
            r = tuple(x.__name__ if callable(x) and hasattr(x, "__name__") and not isinstance(x, type) else
                      (type(x).__name__ if "iterator" in type(x).__name__ else x) for x in r)
        print(label, r)
    except Exception as e:
        print(label, type(e).__name__, e)
class A: pass
a=A(); a.x=1
show("a2", lambda: a.__reduce_ex__(2)); show("a4", lambda: a.__reduce_ex__(4)); show("a0", lambda: a.__reduce_ex__(0)); show("a reduce", lambda: a.__reduce__()); show("a1", lambda: a.__reduce_ex__(1))
show("empty a0", lambda: A().__reduce_ex__(0))
class S: __slots__=('p',)
s=S(); s.p=1
show("s2", lambda: s.__reduce_ex__(2))
show("s1", lambda: s.__reduce_ex__(1))
class L(list): pass
show("L", lambda: L([1,2]).__reduce_ex__(2))
class D(dict): pass
show("D", lambda: D(a=1).__reduce_ex__(2))
show("object2", lambda: object().__reduce_ex__(2))
show("object0", lambda: object().__reduce_ex__(0))
class N:
  def __getnewargs__(self): return (1,2)
show("N", lambda: N().__reduce_ex__(2))
class NE:
  def __getnewargs_ex__(self): return ((1,), {'k':2})
show("NE2", lambda: NE().__reduce_ex__(2))
class NE0:
  def __getnewargs_ex__(self): return ((1,), {})
show("NE0", lambda: NE0().__reduce_ex__(2))
class BadNA:
  def __getnewargs__(self): return [1]
show("badna", lambda: BadNA().__reduce_ex__(2))
class BadNE:
  def __getnewargs_ex__(self): return (1, 2, 3)
show("badne", lambda: BadNE().__reduce_ex__(2))
show("int2", lambda: (1).__reduce_ex__(2)); show("str2", lambda: 'ab'.__reduce_ex__(2))
show("int0", lambda: (1).__reduce_ex__(0))
show("list2", lambda: [1].__reduce_ex__(2))
show("exc", lambda: ValueError(1).__reduce_ex__(2))
show("proto str", lambda: a.__reduce_ex__('x'))
class R:
  def __reduce__(self): return 'custom'
show("R", lambda: R().__reduce_ex__(2))
class G:
  def __getstate__(self): return {'g':1}
show("G", lambda: G().__reduce_ex__(2))
show("G0", lambda: G().__reduce_ex__(0))
class MyInt(int): pass
m = MyInt(5); m.tag = 1
show("myint2", lambda: m.__reduce_ex__(2))
show("myint0", lambda: m.__reduce_ex__(0))
show("frozen", lambda: frozenset().__reduce_ex__(2)[1:])
r = a.__reduce_ex__(2)
b = r[0](*r[1]); b.__dict__.update(r[2]); print(type(b).__name__, b.x)
r = m.__reduce_ex__(0)
c = r[0](*r[1]); print(type(c).__name__, c, c + 1)
print(copyreg.__newobj__(A).__class__.__name__, copyreg.__newobj_ex__(MyInt, (7,), {}), copyreg._reconstructor(A, object, None).__class__.__name__)
copyreg.pickle(A, lambda o: (A, ()))
print(A in copyreg.dispatch_table)
show("pickle bad", lambda: copyreg.pickle(A, 1))
print(range(1,5,2).__reduce__(), range(3).__reduce_ex__(2), slice(1,2).__reduce__(), {1}.__reduce__(), frozenset([2]).__reduce_ex__(2))
class SS(set): pass
s2=SS([1]); s2.a=1; print(s2.__reduce__()); print(SS().__reduce__())

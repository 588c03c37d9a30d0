# __class__ and __bases__ assignment: which layouts CPython accepts, and its messages.
class A: pass
class B: pass
class S: __slots__ = ('a',)
class S2: __slots__ = ('b',)
class S3: __slots__ = ('a',)
class SD: __slots__ = ('a', '__dict__')
class I(int): pass
class I2(int): pass
class L(list): pass
class E(Exception): pass
class E2(Exception): pass
class W: __slots__ = ('__weakref__',)
class ND: __slots__ = ()
class ND2: __slots__ = ()
def t(obj, cls):
    try:
        obj.__class__ = cls
        print('ok', type(obj).__name__)
    except TypeError as e:
        print('TypeError', e)
t(A(), B); t(A(), S); t(S(), S3); t(S(), S2); t(S(), SD); t(I(1), A); t(1, I)
t(L(), A); t(E(), E2); t(E(), A); t(W(), ND); t(ND(), ND2); t(ND(), object); t(A(), object); t(object(), A)
t(A(), 1); t([], L)

def tb(cls, bases):
    try:
        cls.__bases__ = bases
        print('ok', cls.__mro__)
    except TypeError as e:
        print('TypeError', e)
class C(A): pass
tb(C, (int,))
tb(C, (B,))
tb(C, (object,))
tb(C, (A, B))
tb(C, (S,))
class D(S): pass
tb(D, (S2,))
tb(D, (S3,))
tb(D, (A,))
class J(I): pass
tb(J, (int,))
tb(J, (A,))
tb(J, (L,))
class F(E): pass
tb(F, (ValueError,))
tb(F, (A,))
tb(C, ())
tb(C, (C,))
tb(C, (1,))
tb(int, (A,))
class M(A, B): pass
tb(M, (B, A))

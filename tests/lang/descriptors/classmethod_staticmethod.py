class A:
    @classmethod
    def make(cls, *a): return cls.__name__, a
    @staticmethod
    def util(x): return x + 1
class B(A): pass
print(A.make(1), B.make(2), B().make(), A.util(1), B().util(2))
print(type(A.__dict__["make"]).__name__, type(A.__dict__["util"]).__name__)
sm = staticmethod(len)
print(sm.__func__ is len)

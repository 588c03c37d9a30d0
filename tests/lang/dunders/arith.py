class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return "V%r" % (self.c,)
    def __add__(self, o): return V(*[a + b for a, b in zip(self.c, o.c)]) if isinstance(o, V) else NotImplemented
    def __radd__(self, o): return V(*[a + o for a in self.c])
    def __sub__(self, o): return V(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k): return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __truediv__(self, k): return V(*[a / k for a in self.c])
    def __floordiv__(self, k): return V(*[a // k for a in self.c])
    def __mod__(self, k): return V(*[a % k for a in self.c])
    def __pow__(self, k): return V(*[a ** k for a in self.c])
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return self
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __invert__(self): return V(*reversed(self.c))
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __iadd__(self, o): print("iadd"); self.c = (self + o).c; return self
    def __lshift__(self, n): return V(*(self.c[n:] + self.c[:n]))
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __rsub__(self, o): return "rsub"
a, b = V(1, 2), V(3, 4)
print(a + b, 10 + a, a - b, a * 3, 3 * a, a / 2, b // 2, b % 3, a ** 2, -a, +a, abs(b), ~a, a @ b, a << 1, a & b, a | b, a ^ b, 5 - a)
a += b; print(a)
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)

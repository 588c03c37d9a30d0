class Point:
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def norm2(self): return self.x ** 2 + self.y ** 2
    def __repr__(self): return f"Point({self.x}, {self.y})"
    @classmethod
    def origin(cls): return cls(0, 0)
    @staticmethod
    def helper(v): return v * 2
p = Point(3, 4)
print(p, p.norm2(), Point.origin(), Point.helper(5), p.helper(1), Point.dims, p.dims, vars(p))
p.z = 5; print(sorted(vars(p)), hasattr(p, "z"), getattr(p, "w", None))
del p.z; print(hasattr(p, "z"))
print(type(p).__name__, type(p) is Point, isinstance(p, Point), Point.__name__, Point.__qualname__, Point.__module__)
class Point3(Point):
    dims = 3
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self): return "3" + super().__repr__()
q = Point3(1, 2, 3)
print(q, q.norm2(), q.dims, issubclass(Point3, Point), [c.__name__ for c in Point3.__mro__], Point3.__bases__)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
class Circle:
    def __init__(self, c, r): self.c, self.r = c, r
def where(p):
    match p:
        case Point(0, 0): return "origin"
        case Point(0, y): return f"on y at {y}"
        case Point(x=0): return "never"
        case Point(x, 0): return f"on x at {x}"
        case Point(x, y) if x == y: return "diagonal"
        case Circle(c=Point(x=0), r=r): return f"circle at y-axis r={r}"
        case Point(): return "somewhere"
        case _: return "not a point"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Circle(Point(0, 1), 4), 7]:
    print(where(p))
match (1, [2, 3]):
    case (a, [b, c]) as whole:
        print(a, b, c, whole)
match 42:
    case int(v) | float(v):
        print("num", v)
try:
    match Point(1, 2):
        case Point(1, 2, 3): pass
except TypeError as e:
    print("TypeError:", e)

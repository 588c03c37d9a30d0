x = "outer"
l = [x for x in range(3)]
print(x, l)
y = 10
print([y + i for i in range(3)])
def f():
    z = 5
    return [z * i for i in range(3)], (lambda: [z for _ in "ab"])()
print(f())
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
g = (i * i for i in range(4))
print(next(g), list(g), list(g))

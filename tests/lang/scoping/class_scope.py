x = "global"
class C:
    x = "class"
    y = x
    def m(self): return x
    z = [x for _ in range(1)]
print(C.y, C().m(), C.z)
def f():
    x = "local"
    class D:
        print(x)
        x = "in class"
        print(x)
    return D.x
print(f())

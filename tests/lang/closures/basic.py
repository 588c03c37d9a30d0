def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
def make_adders():
    return [lambda x, k=k: x + k for k in range(3)]
print([a(1) for a in make_adders()])
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())
def cell_del():
    v = 1
    def get(): return v
    del v
    try:
        get()
    except NameError as e:
        print("NameError:", e)
cell_del()
print(counter().__closure__ is not None, len(counter().__code__.co_freevars))

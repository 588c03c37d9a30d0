def a():
    x = 0
    def b():
        def c():
            nonlocal x
            x += 1
            return x
        return c
    f = b()
    f(); f()
    return x
print(a())
def make():
    items = []
    def add(v): items.append(v); return len(items)
    def get(): return list(items)
    return add, get
add, get = make()
add(1); add(2); print(get())

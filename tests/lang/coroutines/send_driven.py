class Sleep:
    def __await__(self):
        value = yield "sleeping"
        return value
async def worker(name):
    print(name, "start")
    r = await Sleep()
    print(name, "got", r)
    r2 = await Sleep()
    return name + ":" + str(r) + str(r2)
c = worker("w")
print(type(c).__name__)
print(c.send(None))
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print("result", e.value)
async def add(a, b): return a + b
async def calc():
    x = await add(1, 2)
    y = await add(x, 10)
    return y
co = calc()
try:
    co.send(None)
except StopIteration as e:
    print("calc", e.value)
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

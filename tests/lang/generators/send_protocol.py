def averager():
    total = count = 0
    avg = None
    while True:
        term = yield avg
        if term is None:
            return (count, avg)
        total += term
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 30]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("result", e.value)
def gen_state():
    yield 1
g = gen_state()
print(g.gi_running, next(g), next(g, "exhausted"), g.gi_suspended if hasattr(g, "gi_suspended") else "-")

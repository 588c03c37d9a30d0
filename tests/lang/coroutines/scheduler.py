class Yield:
    def __await__(self):
        yield
async def task(name, n):
    for i in range(n):
        print(name, i)
        await Yield()
    return name
def run(tasks):
    results = []
    while tasks:
        t = tasks.pop(0)
        try:
            t.send(None)
            tasks.append(t)
        except StopIteration as e:
            results.append(e.value)
    return results
print(run([task("a", 2), task("b", 3), task("c", 1)]))

async def agen(n):
    for i in range(n):
        yield i * 10
async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
c = consume()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i
async def c2():
    return [x async for x in AIter()]
try:
    c2().send(None)
except StopIteration as e:
    print(e.value)
class ACM:
    async def __aenter__(self): print("aenter"); return "res"
    async def __aexit__(self, *a): print("aexit", a[0]); return False
async def c3():
    async with ACM() as r:
        print("inside", r)
try:
    c3().send(None)
except StopIteration:
    print("done")

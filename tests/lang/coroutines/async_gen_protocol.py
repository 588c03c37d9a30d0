async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("ag cleanup")
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
g = ag()
print(drive(g.__anext__()), drive(g.__anext__()))
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
g2 = ag()
print(drive(g2.asend(None)))
print(drive(g2.aclose()))

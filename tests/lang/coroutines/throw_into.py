class Suspend:
    def __await__(self):
        try:
            yield "suspended"
        except ValueError as e:
            return "handled " + str(e)
async def co():
    r = await Suspend()
    return r
c = co()
print(c.send(None))
try:
    c.throw(ValueError("inside"))
except StopIteration as e:
    print(e.value)
c2 = co(); c2.send(None)
try:
    c2.throw(KeyError("unhandled"))
except KeyError as e:
    print("KeyError", e)
c3 = co(); c3.close(); print("closed unstarted")

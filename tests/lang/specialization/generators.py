# Generators run in the caller's loop (FOR_ITER_GEN, SEND_GEN): yields, returns,
# raises, delegation, re-entrance, frames and exception state as in CPython.
def gen(n):
    for i in range(n):
        yield i
    return "done"
def use():
    s = 0
    for x in gen(5):
        s += x
    return s
print([use() for _ in range(4)])
def bad(n):
    yield 1
    raise ValueError(n)
def catch():
    out = []
    try:
        for x in bad(3):
            out.append(x)
    except ValueError as e:
        out.append(repr(e))
    return out
print([catch() for _ in range(3)])
def deleg():
    r = yield from gen(3)
    yield r
print([list(deleg()) for _ in range(3)])
def stopper():
    yield 1
    raise StopIteration
def st():
    try:
        return list(x for x in stopper()) , [x for x in stopper()]
    except RuntimeError as e:
        return repr(e)
print([st() for _ in range(3)])
def reent():
    g = None
    def inner():
        yield 1
        try:
            next(g)
        except ValueError as e:
            yield str(e)
    g = inner()
    return [x for x in g]
print([reent() for _ in range(3)])
import sys
def depth():
    def g():
        yield sys._getframe().f_back.f_code.co_name
    return [x for x in g()]
print([depth() for _ in range(3)])
def exc_ctx():
    def g():
        yield sys.exc_info()[0]
    out = []
    for _ in range(3):
        try:
            raise KeyError
        except KeyError:
            for v in g():
                out.append(v)
    return out
print(exc_ctx())
async def co(n):
    return n * 2
async def main():
    t = 0
    for i in range(5):
        t += await co(i)
    return t
def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
print([run(main()) for _ in range(3)])
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
def brk():
    for x in closer():
        break
    return x
print([brk() for _ in range(3)])

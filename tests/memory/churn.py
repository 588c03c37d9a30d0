# Allocation churn that only cycle collection can reclaim: instance cycles,
# self-referencing containers, classes made in a loop, closures, generators
# suspended in cycles, exceptions kept with their tracebacks, weak references
# with callbacks. Runs for the number of seconds given (default 3).
import sys
import time
import weakref

def churn_once(i):
    class Node:
        pass
    a = Node(); b = Node()
    a.peer = b; b.peer = a
    a.data = [a, b, {"k": a}]
    lst = []; lst.append(lst)
    d = {}; d["self"] = d

    def outer():
        def inner():
            return inner
        return inner
    outer()

    def gen():
        me = yield 1
        yield me
    g = gen(); next(g); g.send(g)

    try:
        raise ValueError(i)
    except ValueError as e:
        kept = e
    frame_holder = [kept]
    frame_holder.append(frame_holder)

    r = weakref.ref(a, lambda w: None)
    return r

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
end = time.monotonic() + seconds
n = 0
while time.monotonic() < end:
    for _ in range(200):
        churn_once(n)
        n += 1
print("iterations", n > 0)

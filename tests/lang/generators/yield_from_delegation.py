def sub():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except KeyError:
        yield "sub handled KeyError"
    return received
def top():
    result = yield from sub()
    yield ("result", result)
t = top()
print(next(t), t.send("a"), t.send("b"), t.throw(KeyError), next(t, "end"))
def gen_list():
    yield from [1, 2]
    yield from "ab"
    yield from range(2)
print(list(gen_list()))

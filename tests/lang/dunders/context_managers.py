class CM:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    def __enter__(self): print("enter", self.name); return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as a, CM("b") as b:
    print("body", a.name, b.name)
with CM("s", suppress=True):
    raise ValueError("swallowed")
print("after")
try:
    with CM("p"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
def f():
    with CM("r"):
        return "returned"
print(f())
class Bad:
    def __enter__(self): return 1
    def __exit__(self, *a): raise RuntimeError("exit failed")
try:
    with Bad():
        raise ValueError("orig")
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__context__).__name__)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)

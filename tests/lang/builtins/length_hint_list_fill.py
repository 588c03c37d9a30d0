# list(), list.extend and [*x] consult the iterable's length hint before
# iterating: its errors propagate, a wrong guess never changes the result.
class It:
    def __init__(self, items, hint):
        self.items = items
        self.hint = hint
    def __iter__(self):
        return iter(self.items)
    def __length_hint__(self):
        if isinstance(self.hint, BaseException):
            raise self.hint
        return self.hint

for hint in (0, 1, 3, 1000, NotImplemented, TypeError("t")):
    print(repr(hint), list(It([1, 2, 3], hint)), [*It("ab", hint)])

for hint in ("x", -1, 1.5, ValueError("bad hint"), 2**70):
    try:
        print(list(It([1], hint)))
    except Exception as e:
        print(repr(hint), type(e).__name__, e)
    l = [0]
    try:
        l.extend(It([1], hint))
    except Exception as e:
        print("extend", type(e).__name__, e, l)

# the iterator is made before the hint is asked for
class Order:
    def __iter__(self):
        print("iter")
        return iter([1])
    def __length_hint__(self):
        print("hint")
        return 1
print(list(Order()))

# extend onto a non-empty list, growing it during the iteration
l = [1, 2]
def g():
    for i in range(3):
        l.append(-i)
        yield i
l.extend(g())
print(l)
l = [1, 2, 3]
l.extend(x for x, _ in zip(iter(l), range(5)))
print(l)

# generators, maps and dict views through list()
print(list(x * x for x in range(5)), list(map(abs, [-1, -2])), list({1: 2, 3: 4}.items()))
print(sorted(It([3, 1, 2], 100)), tuple(It([1], 50)))
big = list(range(1000))
print(len(list(iter(big))), list(reversed(big))[:3])

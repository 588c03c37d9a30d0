# collections types under subclassing: __missing__ overrides, __init__/__new__ overrides, reduce.
from collections import deque, defaultdict, OrderedDict, Counter, ChainMap, namedtuple
class D(deque):
    def __init__(self, x):
        super().__init__([x, x], maxlen=3)
        self.tag = 'T'
d = D(5); d.append(6); print(d, d.tag, d.__dict__)
print(d.__reduce__()[1:3])
try: print(d.copy())
except Exception as e: print(type(e).__name__, e)
class DD(defaultdict):
    def __missing__(self, k): return 'custom'
print(DD(list)['q'])
class C(Counter):
    def __missing__(self, k): return 100
print(C('a')['z'], C('a') + Counter('a'))
class CM(ChainMap):
    def __missing__(self, k): return 'dflt'
print(CM({})['x'])
P = namedtuple('P', 'x y')
class P2(P):
    __slots__ = ()
    def __new__(cls, x, y=0):
        return super().__new__(cls, x, y)
print(P2(1), P2._make([3, 4]))
print(Counter({'a': 2}) == Counter(a=2.0))
print(deque([deque([1])]) == deque([deque([1])]))
print(OrderedDict(a=1).__class__, Counter().__class__, ChainMap().__class__)
print(isinstance(OrderedDict(), dict), issubclass(Counter, dict), issubclass(ChainMap, dict))
print(sorted(dir(Counter()))[-8:])
print(Counter.most_common.__name__, deque.append.__qualname__ if hasattr(deque.append, '__qualname__') else '')
print(defaultdict(int, {'a': 1}) == OrderedDict(a=1))
x = deque(range(3)); x[0], x[2] = x[2], x[0]; print(x)

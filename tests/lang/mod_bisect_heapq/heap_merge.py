# merge: laziness, key=, reverse=, ties (earlier iterables first), a single
# remaining iterator, and errors raised mid-way.
import heapq

print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge()), list(heapq.merge([])), list(heapq.merge([1, 2, 3])))
print(list(heapq.merge([7, 5, 3], [8, 4, 2], reverse=True)))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge(['kangaroo', 'dog'], ['horse', 'cat'], key=len, reverse=True)))
print(list(heapq.merge([1, 2], [1, 2], key=None, reverse=False)))

class T:
    def __init__(self, k, tag):
        self.k, self.tag = k, tag
    def __lt__(self, other):
        return self.k < other.k
    def __eq__(self, other):
        return self.k == other.k
    def __repr__(self):
        return f'{self.k}{self.tag}'
print(list(heapq.merge([T(1, 'a'), T(2, 'a')], [T(1, 'b'), T(2, 'b')], [T(1, 'c')])))
print(list(heapq.merge([T(2, 'a'), T(1, 'a')], [T(2, 'b'), T(1, 'b')], reverse=True)))

log = []
def gen(name, values):
    for v in values:
        log.append(f'{name}{v}')
        yield v
m = heapq.merge(gen('a', [1, 4]), gen('b', [2, 3]))
print(log)
print(next(m), log)
print(next(m), log)
print(list(m), log)
print(iter(m) is m, next(m, 'done'))

def boom():
    yield 1
    raise ValueError('boom')
m = heapq.merge(boom(), [0, 5])
print(next(m), next(m))
try:
    next(m)
except ValueError as e:
    print('ValueError', e)
print(next(m, 'finished'))

m = heapq.merge([1], ['a'])
try:
    list(m)
except TypeError as e:
    print('TypeError', e)
m = heapq.merge([3, 1], key=lambda x: 1 / (x - 1))
print(next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
big = heapq.merge(*[range(i, 60, 7) for i in range(7)])
print(list(big) == list(range(60)))
print(list(heapq.merge('ace', 'bdf', 'abc')))

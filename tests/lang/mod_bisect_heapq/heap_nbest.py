# nsmallest/nlargest: results, stability with ties, key=, the n == 1 and
# n >= len shortcuts, and iterators.
import heapq

data = [(i * 37) % 101 for i in range(60)]
for n in [-1, 0, 1, 2, 5, 59, 60, 61, 100]:
    print(n, heapq.nsmallest(n, data), heapq.nlargest(n, data))
    print(n, heapq.nsmallest(n, iter(data)), heapq.nlargest(n, iter(data)))
words = ['pear', 'Fig', 'apple', 'kiwi', 'date', 'plum', 'Lime', 'banana', 'cherry', 'nut']
for n in [1, 3, 6, 20]:
    print(n, heapq.nsmallest(n, words, key=len), heapq.nlargest(n, words, key=len))
    print(n, heapq.nsmallest(n, iter(words), key=str.lower), heapq.nlargest(n, iter(words), key=str.lower))
print(heapq.nsmallest(3, [], key=len), heapq.nlargest(1, []), heapq.nsmallest(1, iter([])))
print(heapq.nsmallest(2, words, key=None), heapq.nlargest(n=2, iterable=words))

# stability: equal keys keep input order (nsmallest) / input order (nlargest)
class K:
    count = 0
    def __init__(self, k, tag):
        self.k, self.tag = k, tag
    def __lt__(self, other):
        K.count += 1
        return self.k < other.k
    def __eq__(self, other):
        return self.k == other.k
    def __repr__(self):
        return f'{self.k}{self.tag}'
items = [K(i % 4, chr(97 + i)) for i in range(16)]
for n in [1, 3, 5, 16]:
    s = heapq.nsmallest(n, iter(items))
    l = heapq.nlargest(n, iter(items))
    print(n, s, l)
    print(n, heapq.nsmallest(n, iter(items), key=lambda o: -o.k), heapq.nlargest(n, iter(items), key=lambda o: o.k))

class G:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f'G{self.v}'
print(heapq.nlargest(1, [G(3), G(9), G(1)]), heapq.nsmallest(1, [G(3), G(9), G(1)]))
print(heapq.nlargest(2, (x * x for x in range(-5, 4))))

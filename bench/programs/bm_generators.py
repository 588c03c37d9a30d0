"""Generator-heavy workload: recursive in-order traversal of binary trees with yield from, and generator pipelines.

Exercises generator creation, resumption and finalisation: recursive
generators delegating through yield from (a chain as deep as the tree), a
generator-based tree build, generator expressions stacked as map/filter
pipelines, map/filter/zip/sum/any consumption of generators, and a
hand-written generator with send(). The checksum folds every yielded value."""


class Node(object):
    def __init__(self, key, left, right):
        self.key = key
        self.left = left
        self.right = right


def build(lo, hi):
    """A balanced binary search tree holding lo..hi-1."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build(lo, mid), build(mid + 1, hi))


def inorder(node):
    if node is None:
        return
    yield from inorder(node.left)
    yield node.key
    yield from inorder(node.right)


def preorder(node):
    if node is not None:
        yield node.key
        yield from preorder(node.left)
        yield from preorder(node.right)


def lcg_stream(seed, count):
    s = seed
    for _ in range(count):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        yield s >> 8


def running_total():
    total = 0
    while True:
        value = yield total
        if value is None:
            return
        total += value


def pipeline(source):
    squares = (x * x for x in source)
    odd = (x for x in squares if x & 1)
    scaled = map(lambda x: x % 65521, odd)
    return (x + 7 for x in scaled if x % 3 != 0)


def run(n):
    tree = build(0, n)
    acc = 0
    # traversal fold: order matters, so a wrong order shows
    for k in inorder(tree):
        acc = (acc * 31 + k) & 0xFFFFFFFF
    for k in preorder(tree):
        acc = (acc * 37 + k) & 0xFFFFFFFF
    # inorder must be sorted
    ahead = inorder(tree)
    next(ahead, None)
    sorted_ok = all(a < b for a, b in zip(inorder(tree), ahead)) and \
        sum(1 for _ in inorder(tree)) == n
    # pipelines over an inorder stream and over a pseudo-random stream
    p1 = sum(pipeline(inorder(tree)))
    p2 = 0
    for x in pipeline(lcg_stream(n, n)):
        p2 = (p2 * 131 + x) & 0xFFFFFFFF
    # send() to a coroutine-style generator
    tot = running_total()
    next(tot)
    last = 0
    for x in filter(lambda v: v % 5 == 0, lcg_stream(7, n)):
        last = tot.send(x & 0xFFFF)
    tot.close()
    return "%d %d %d %d %d" % (acc, int(sorted_ok), p1, p2, last)


SCALES = {"tiny": 500, "quick": 15000, "full": 50000}

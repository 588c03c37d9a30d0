"""All solutions of the n-queens problem by a generator-based permutation search with set checks of diagonals.

Exercises a permutations generator (Heap's algorithm: a while loop with list
swaps, yielding tuples), a generator expression filtering the candidates,
building sets from generator expressions and comparing their lengths, and
tuple iteration. Board sizes grow 9x a step, so quick is about 1/9 of full.
The checksum is "<count> <hash of the solutions folded with a 32-bit LCG>"."""


def permutations(items):
    """Yields every ordering of items as a tuple, one swap apart (Heap's algorithm, iterative; not itertools)."""
    a = list(items)
    n = len(a)
    yield tuple(a)
    c = [0] * n
    i = 1
    while i < n:
        if c[i] < i:
            if i & 1:
                j = c[i]
            else:
                j = 0
            a[j], a[i] = a[i], a[j]
            yield tuple(a)
            c[i] += 1
            i = 1
        else:
            c[i] = 0
            i += 1


def queens(n):
    cols = list(range(n))
    return (vec for vec in permutations(cols)
            if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)))


def run(n):
    count = 0
    h = 17
    for sol in queens(n):
        count += 1
        for q in sol:
            h = (h * 1103515245 + q + 12345) & 0xFFFFFFFF
    return "%d %d" % (count, h)


SCALES = {"tiny": 6, "quick": 8, "full": 9}

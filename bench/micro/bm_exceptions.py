"""try/except in a loop: raising and catching, KeyError from dict lookups, try/finally and with-blocks.

Exercises exception raising (built-in ValueError, a user subclass, KeyError
raised by dict subscripts), handler matching including a base class, the
zero-cost try set-up when nothing is raised, finally blocks, and the
__enter__/__exit__ protocol of a user context manager.
"""

SCALES = {"tiny": 3400, "quick": 85000, "full": 340000}

MASK = 0xFFFFFFFF


class AppError(ValueError):
    def __init__(self, code):
        ValueError.__init__(self, code)
        self.code = code


class Guard:
    def __init__(self):
        self.entered = 0
        self.exited = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        self.exited += 1
        return False


def check(x):
    if x % 3 == 0:
        raise ValueError(x)
    if x % 5 == 0:
        raise AppError(x & 255)
    return x


def run(n):
    table = {0: 1, 2: 5, 4: 9, 6: 13}
    guard = Guard()
    acc = 0
    finals = 0
    for i in range(n):
        try:
            acc += check(i)
        except AppError as e:
            acc += e.code * 7
        except ValueError:
            acc += 3
        try:
            acc += table[i & 7]
        except KeyError:
            acc += 1
        try:
            acc ^= i & 15
        finally:
            finals += 1
        with guard:
            acc += 2
        acc &= MASK
    return (acc + finals * 3 + guard.entered + guard.exited) & MASK

def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, v in enumerate(it):
        if i >= n: return
        yield v
evens = (x for x in numbers() if x % 2 == 0)
squares = (x * x for x in evens)
print(list(take(6, squares)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(take(15, fib())))
print(list(zip(range(3), fib())), dict(zip("abc", numbers())))

class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(5)
print(list(c), list(c), sum(c), [x * 2 for x in c], 3 in c, max(c), sorted(c))

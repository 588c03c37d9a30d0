log = []
class R:
    def __init__(self, n): self.n = n
    def __enter__(self): log.append("in" + self.n); return self.n
    def __exit__(self, t, v, tb):
        log.append("out" + self.n + (":" + t.__name__ if t else ""))
        return self.n == "2" and t is KeyError
with R("1") as a:
    with R("2") as b:
        raise KeyError("x")
print(log)
log.clear()
try:
    with R("1"), R("3"):
        raise ValueError
except ValueError:
    log.append("caught")
print(log)
def gen_cm():
    log.clear()
    for i in range(3):
        with R(str(i)):
            if i == 1: continue
            log.append("body" + str(i))
    return log
print(gen_cm())
